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

const PER_LOCALE = new Set<EventField>(['titles', 'descriptions']);

/**
 * `current` with what a proposal changed (against the `base` it was written on) taken from `proposed`: a
 * change approved later neither undoes what others changed meanwhile nor loses its own changes. Titles and
 * descriptions merge per language; every other field (lists included) is taken whole.
 */
export function withProposedChanges(current: EventData, base: EventData, proposed: EventData): EventData {
  const merged: Record<string, unknown> = { ...current };
  for (const { field } of eventDiff(base, proposed)) {
    if (!PER_LOCALE.has(field)) {
      merged[field] = proposed[field];
      continue;
    }
    const key = field as 'titles' | 'descriptions';
    const texts: Record<string, string> = { ...current[key] };
    for (const locale of new Set([...Object.keys(base[key]), ...Object.keys(proposed[key])])) {
      const was = base[key][locale as keyof EventData['titles']];
      const now = proposed[key][locale as keyof EventData['titles']];
      if (was === now) continue;
      if (now === undefined) delete texts[locale];
      else texts[locale] = now;
    }
    merged[key] = texts;
  }
  return merged as unknown as EventData;
}

/**
 * The skipped dates of a series whose start moved to another time of day: each keeps its date and takes
 * the new time, since a skipped date names an occurrence by its exact local start.
 */
export function exdatesAtNewTime(exdates: readonly string[], oldStart: string, newStart: string): string[] {
  const time = (start: string) => start.slice(10);
  if (time(oldStart) === time(newStart)) return [...exdates];
  return exdates.map((ex) => `${ex.slice(0, 10)}${time(newStart)}`);
}
