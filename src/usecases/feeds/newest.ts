import { InputError } from '../../domain/errors.ts';
import type { CityEvent } from '../../domain/events/event.ts';
import { EVENT_TYPES, isEventType } from '../../domain/events/event-types.ts';
import type { Place } from '../../domain/places/place.ts';
import { publicFilter } from '../../exports/public-places.ts';
import type { AppContext } from '../context.ts';
import { buildFilter } from '../place-filter.ts';

/** How many entries a feed holds: readers poll often, so the newest few are enough. */
export const FEED_SIZE = 50;

/**
 * The newest public places: active only, and demo places only while there are no real ones (the rule the
 * exports follow). Unknown city or category slugs are refused by name; a group expands to its categories.
 */
export async function newestPlaces(
  ctx: AppContext,
  request: { city?: string; categories?: string[] },
): Promise<Place[]> {
  const filter = await buildFilter(ctx, request);
  return ctx.storage.places.newest({ ...filter, ...(await publicFilter(ctx)) }, FEED_SIZE);
}

/** The newest events, cancelled ones included (the feed says so); demo events only while there are no real ones. */
export async function newestEvents(
  ctx: AppContext,
  request: { city?: string; types?: string[] },
): Promise<CityEvent[]> {
  if (request.city && !ctx.taxonomy.city(request.city))
    throw new InputError('city', `unknown city "${request.city}"; see /api/v1/cities`);
  for (const type of request.types ?? [])
    if (!isEventType(type))
      throw new InputError(
        'type',
        `unknown event type "${type}"; one of ${EVENT_TYPES.map((e) => e.slug).join(', ')}`,
      );
  const hasReal = (await ctx.storage.events.newest({ includeDemo: false, limit: 1 })).length > 0;
  return ctx.storage.events.newest({
    ...(request.city ? { city: request.city } : {}),
    ...(request.types?.length ? { types: request.types } : {}),
    includeDemo: !hasReal,
    limit: FEED_SIZE,
  });
}
