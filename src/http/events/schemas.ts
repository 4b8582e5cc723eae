import { Type } from 'typebox';
import { AntiSpamFields } from '../anti-spam/check.ts';

export const EventsQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'ISO date or time (default now)' })),
  to: Type.Optional(
    Type.String({ description: 'ISO date or time (default from + 30 days; at most 366 days later)' }),
  ),
  type: Type.Optional(Type.String({ description: 'Event type slugs, comma-separated' })),
  city: Type.Optional(Type.String()),
  place: Type.Optional(Type.String({ description: 'Only events at this place (id)' })),
  lang: Type.Optional(Type.String({ description: 'Held in any of these languages (ru,sr,…)' })),
  locals_welcome: Type.Optional(Type.String({ description: 'true: only events that welcome locals' })),
  free: Type.Optional(Type.String({ description: 'true: only free events' })),
  bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat' })),
  locale: Type.Optional(Type.String()),
});

/**
 * A number or null as one JSON-schema type list: the validator coerces types, and in an anyOf it would turn
 * null into 0 (number first) or 0 into null (null first); a type list keeps each as it was sent.
 */
const numberOrNull = (integer = false) =>
  Type.Optional(Type.Unsafe<number | null>({ type: [integer ? 'integer' : 'number', 'null'] }));

export const EventBody = Type.Object({
  titles: Type.Record(Type.String(), Type.String()),
  descriptions: Type.Optional(Type.Record(Type.String(), Type.String())),
  original_locale: Type.Optional(Type.String()),
  type: Type.String(),
  start: Type.String({
    description: 'Local time in the city (2026-12-05T19:00), or a date for all-day events',
  }),
  end: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  all_day: Type.Optional(Type.Boolean()),
  rrule: Type.Optional(
    Type.Union([
      Type.String({ description: 'RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=TH' }),
      Type.Null(),
    ]),
  ),
  exdates: Type.Optional(Type.Array(Type.String(), { description: 'Local starts the series skips' })),
  place_id: numberOrNull(true),
  address: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  lon: numberOrNull(),
  lat: numberOrNull(),
  city: Type.Optional(Type.String()),
  languages: Type.Optional(Type.Array(Type.String())),
  locals_welcome: Type.Optional(Type.Boolean()),
  bilingual: Type.Optional(Type.Boolean()),
  free: Type.Optional(Type.Boolean()),
  price: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  min_age: numberOrNull(true),
  organiser_url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  status: Type.Optional(Type.String({ description: 'scheduled or cancelled' })),
  ...AntiSpamFields,
});

export const EventIdParams = Type.Object({ id: Type.String() });

export const EventFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Union([Type.Integer(), Type.String()]),
  geometry: Type.Union([
    Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
    Type.Null(),
  ]),
  properties: Type.Record(Type.String(), Type.Unknown()),
  next: Type.Optional(
    Type.Array(Type.Object({ start: Type.String(), end: Type.String(), local_start: Type.String() })),
  ),
});

export const EventCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(EventFeature),
});
