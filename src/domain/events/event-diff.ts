import { valueText } from '../contributions/place-diff.ts';
import type { EventData } from './event.ts';

/** The fields of an event a person can change, in the order a moderator reads them. */
export const EVENT_FIELDS = [
  'titles',
  'descriptions',
  'type',
  'start',
  'end',
  'allDay',
  'rrule',
  'exdates',
  'city',
  'placeId',
  'address',
  'lon',
  'lat',
  'languages',
  'localsWelcome',
  'bilingual',
  'free',
  'price',
  'minAge',
  'organiserUrl',
  'status',
] as const satisfies readonly (keyof EventData)[];
export type EventField = (typeof EVENT_FIELDS)[number];

/** One changed field of an event with both sides as plain text. */
export interface EventFieldChange {
  field: EventField;
  before: string;
  after: string;
}

function text(event: EventData, field: EventField): string {
  const value = event[field];
  // Locales in a stable order, so the same titles written in another order are not a change.
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return valueText(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
  }
  return valueText(value);
}

/** Field-by-field difference between two states of an event. */
export function eventDiff(before: EventData, after: EventData): EventFieldChange[] {
  return EVENT_FIELDS.filter((field) => text(before, field) !== text(after, field)).map((field) => ({
    field,
    before: text(before, field),
    after: text(after, field),
  }));
}

/**
 * `current` with the fields a proposal changed (against the `base` it was written on) taken from `proposed`:
 * a change approved later neither undoes what others changed meanwhile nor loses its own fields.
 */
export function withProposedChanges(current: EventData, base: EventData, proposed: EventData): EventData {
  const merged: Record<string, unknown> = { ...current };
  for (const { field } of eventDiff(base, proposed)) merged[field] = proposed[field];
  return merged as unknown as EventData;
}
