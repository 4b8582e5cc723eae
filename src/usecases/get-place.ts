import { NotFoundError } from '../domain/errors.ts';
import type { Place } from '../domain/places/place.ts';
import type { AppContext } from './context.ts';

/** One place by id; pending and deleted places are not public. */
export async function getPlace(ctx: AppContext, id: number): Promise<Place> {
  const place = Number.isSafeInteger(id) && id > 0 ? await ctx.storage.places.get(id) : null;
  if (!place || place.status === 'pending' || place.status === 'deleted')
    throw new NotFoundError(`place ${id}`);
  return place;
}
