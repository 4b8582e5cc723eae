import { publicView } from './approximate-position.ts';
import type { PlaceData } from './place.ts';

/** The fields of a place a person (or an import) can change; status and provenance are not among them. */
export const CONTENT_FIELDS = [
  'names',
  'originalLocale',
  'descriptions',
  'category',
  'extraCategories',
  'lon',
  'lat',
  'address',
  'city',
  'neighbourhood',
  'contacts',
  'hours',
  'languages',
  'tags',
  'homeBased',
  'localsWelcome',
  'opened',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

// Seven decimals of a degree are about a centimetre: finer differences are float noise from a round trip.
const roundCoordinate = (value: number) => Math.round(value * 1e7) / 1e7;

function comparable(place: PlaceData, field: ContentField): string {
  const value = place[field];
  if (field === 'homeBased' || field === 'localsWelcome') return String(Boolean(value));
  if (field === 'lon' || field === 'lat') return String(roundCoordinate(value as number));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
  }
  return JSON.stringify(value ?? null);
}

/** Which content fields differ between two versions of a place (empty when they say the same). */
export function changedFields(before: PlaceData, after: PlaceData): ContentField[] {
  return CONTENT_FIELDS.filter((field) => comparable(before, field) !== comparable(after, field));
}

/**
 * `existing` completed with what `incoming` knows and it does not: names and descriptions in other locales,
 * missing contacts, hours, address, languages and tags. Nothing `existing` already says is overwritten —
 * a second source of the same place adds to it, it does not take it over.
 */
export function fillBlanks<T extends PlaceData>(existing: T, source: PlaceData): T {
  // Only what may be public comes across: a home-based record brings no street address, and a home-based
  // place (stored with a blank public address) is never given one — its exact address stays its own.
  const incoming = publicView(source);
  const homeBased = Boolean(existing.homeBased || source.homeBased);
  return {
    ...existing,
    ...(homeBased ? { homeBased: true } : {}),
    names: { ...incoming.names, ...existing.names },
    descriptions: { ...incoming.descriptions, ...existing.descriptions },
    contacts: { ...incoming.contacts, ...existing.contacts },
    hours: existing.hours ?? incoming.hours,
    ...(existing.localsWelcome || incoming.localsWelcome ? { localsWelcome: true } : {}),
    ...((existing.opened ?? incoming.opened) ? { opened: existing.opened ?? incoming.opened } : {}),
    address: existing.homeBased ? existing.address : (existing.address ?? incoming.address),
    neighbourhood: existing.neighbourhood ?? incoming.neighbourhood,
    languages: [...new Set([...existing.languages, ...incoming.languages])],
    tags: [...new Set([...existing.tags, ...incoming.tags])].slice(0, 30),
  };
}
