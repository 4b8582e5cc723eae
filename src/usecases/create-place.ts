import type { Place } from '../domain/places/place.ts';
import type { AppContext } from './context.ts';
import { type PlaceInput, preparePlace } from './prepare-place.ts';

/** Validates a new place completely, then stores it: an invalid place writes nothing. */
export async function createPlace(ctx: AppContext, input: PlaceInput, source = 'api'): Promise<Place> {
  const data = preparePlace(input, ctx.taxonomy, { provenance: { source } });
  return ctx.storage.places.insert(data);
}
