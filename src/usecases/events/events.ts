import { canModerate, publishesNewPlacesDirectly } from '../../domain/accounts/permissions.ts';
import { type Actor, VISITOR } from '../../domain/accounts/user.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../domain/errors.ts';
import type { CityEvent, Occurrence } from '../../domain/events/event.ts';
import { occurrencesBetween } from '../../domain/events/occurrences.ts';
import { type BBox, bboxContains } from '../../domain/geo.ts';
import type { Place } from '../../domain/places/place.ts';
import type { EventWindowQuery, PlaceRepository } from '../../storage/repositories.ts';
import type { AppContext } from '../context.ts';
import { type EventInput, prepareEvent } from './prepare-event.ts';

/** Who may publish: the operator's scripts, and trusted contributors and moderators. */
export type Publisher = { kind: 'operator' } | Actor;

function mayPublish(publisher: Publisher): boolean {
  return publisher.kind === 'operator' || publishesNewPlacesDirectly(publisher);
}

/** The place an event's input names as its venue, when it is on the map (not waiting, not deleted). */
export async function venueIn(
  places: Pick<PlaceRepository, 'get'>,
  input: EventInput,
): Promise<Place | null> {
  if (input.place_id === undefined || input.place_id === null) return null;
  const place = await places.get(input.place_id);
  return place && place.status !== 'deleted' && place.status !== 'pending' ? place : null;
}

/**
 * Publishes an event: at once from the operator, trusted contributors and moderators; from anyone else it
 * waits for a moderator (status `pending`, invisible until approved). The caller rate-limits strangers.
 */
export async function createEvent(
  ctx: AppContext,
  publisher: Publisher,
  input: EventInput,
): Promise<CityEvent> {
  const data = prepareEvent(input, ctx.taxonomy, await venueIn(ctx.storage.places, input), ctx.now());
  return ctx.storage.events.insert(mayPublish(publisher) ? data : { ...data, status: 'pending' });
}

export function publishesDirectly(publisher: Publisher): boolean {
  return mayPublish(publisher);
}

/** A moderator's decision on a waiting event; recorded in the audit log. */
export async function reviewEvent(
  ctx: AppContext,
  actor: Actor,
  id: number,
  approve: boolean,
): Promise<void> {
  if (!canModerate(actor) || actor.kind !== 'user') throw new ForbiddenError('only moderators can do this');
  const decided = await ctx.storage.events.setStatus(id, 'pending', approve ? 'scheduled' : 'rejected');
  if (!decided) throw new ConflictError(`event ${id} is not waiting for a decision`);
  await ctx.storage.audit.add({
    actorId: actor.user.id,
    action: approve ? 'approve-event' : 'reject-event',
    target: `event:${id}`,
    details: {},
    createdAt: ctx.now().toISOString(),
  });
}

/** One event; one waiting for a moderator (or rejected) only for moderators. */
export async function getEvent(ctx: AppContext, id: number, actor: Actor = VISITOR): Promise<CityEvent> {
  const event = Number.isSafeInteger(id) && id > 0 ? await ctx.storage.events.get(id) : null;
  if (!event || ((event.status === 'pending' || event.status === 'rejected') && !canModerate(actor)))
    throw new NotFoundError(`event ${id}`);
  return event;
}

/** The public's query: storage's window query without its status, demo and size rules, plus an area. */
export type EventQuery = Omit<EventWindowQuery, 'includeDemo' | 'statuses' | 'limit'> & { bbox?: BBox };

/** Stored bounds are ISO text compared as text: the far future must stay a four-digit year. */
export const END_OF_TIME = new Date('9999-12-31T00:00:00Z');

// A window longer than this would let one request expand every daily series for years.
export const MAX_WINDOW_DAYS = 366;

/**
 * The public events whose series overlaps the query's window and match its filters (the area too). Demo
 * events only while there is no real one, as for places.
 */
export async function publicEvents(ctx: AppContext, query: EventQuery): Promise<CityEvent[]> {
  const hasReal =
    (await ctx.storage.events.inWindow({ from: new Date(0), to: END_OF_TIME, limit: 1 })).length > 0;
  const events = await ctx.storage.events.inWindow({ ...query, includeDemo: !hasReal, limit: 5000 });
  const { bbox } = query;
  if (!bbox) return events;
  return events.filter((e) => e.lon !== null && e.lat !== null && bboxContains(bbox, e.lon, e.lat));
}

/** The occurrences in a window, soonest first, each with its event; endless series expand only inside it. */
export async function listOccurrences(
  ctx: AppContext,
  query: EventQuery,
): Promise<{ occurrence: Occurrence; event: CityEvent }[]> {
  if (!(query.to > query.from)) throw new InputError('to', 'must be after from');
  if (query.to.getTime() - query.from.getTime() > MAX_WINDOW_DAYS * 86_400_000)
    throw new InputError('to', `the window may be at most ${MAX_WINDOW_DAYS} days`);
  const out: { occurrence: Occurrence; event: CityEvent }[] = [];
  for (const event of await publicEvents(ctx, query)) {
    for (const occurrence of occurrencesBetween(event, query.from, query.to)) out.push({ occurrence, event });
  }
  return out.sort(
    (a, b) => a.occurrence.start.getTime() - b.occurrence.start.getTime() || a.event.id - b.event.id,
  );
}
