import { InputError } from '../../domain/errors.ts';
import { EVENT_TYPES, isEventType } from '../../domain/events/event-types.ts';
import { isSpokenLanguage, languageMask } from '../../domain/languages.ts';
import type { AppContext } from '../../usecases/context.ts';
import type { EventQuery } from '../../usecases/events/events.ts';
import { parseBBox, parseBoolean, parseList } from '../params.ts';

const DAY = 86_400_000;

function instant(value: string | undefined, name: string, fallback: Date): Date {
  if (value === undefined || value === '') return fallback;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new InputError(name, 'must be an ISO date or time such as 2026-12-01 or 2026-12-01T18:00:00Z');
  return date;
}

/** The filters of the events API, the iCal feeds and the events pages, each bad value named. */
export function eventQuery(
  ctx: AppContext,
  q: Record<string, string | undefined>,
  defaultTo = 30,
): EventQuery {
  const from = instant(q.from, 'from', ctx.now());
  const to = instant(q.to, 'to', new Date(from.getTime() + defaultTo * DAY));
  const types = parseList(q.type);
  for (const t of types ?? [])
    if (!isEventType(t))
      throw new InputError(
        'type',
        `unknown event type "${t}"; one of ${EVENT_TYPES.map((e) => e.slug).join(', ')}`,
      );
  if (q.city && !ctx.taxonomy.city(q.city)) throw new InputError('city', `unknown city "${q.city}"`);
  const languages = parseList(q.lang);
  for (const l of languages ?? [])
    if (!isSpokenLanguage(l)) throw new InputError('lang', `unknown language code "${l}"`);
  const place = q.place === undefined ? undefined : Number(q.place);
  if (place !== undefined && !(Number.isSafeInteger(place) && place > 0))
    throw new InputError('place', 'must be a place id');
  const bbox = parseBBox(q.bbox);
  return {
    from,
    to,
    ...(q.city ? { city: q.city } : {}),
    ...(types ? { types } : {}),
    ...(place !== undefined ? { placeId: place } : {}),
    ...(languages ? { languageMask: languageMask(languages as never) } : {}),
    ...(parseBoolean(q.locals_welcome, 'locals_welcome') ? { localsWelcome: true } : {}),
    ...(parseBoolean(q.free, 'free') ? { free: true } : {}),
    ...(bbox ? { bbox } : {}),
  };
}
