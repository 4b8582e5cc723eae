import { LOCALES } from '../domain/locales.ts';
import type { Place } from '../domain/places/place.ts';
import { placePath } from '../usecases/present-place.ts';
import type { Taxonomy } from '../usecases/taxonomy.ts';

/**
 * A place as open data: flat fields named like OpenStreetMap tags where OSM has one, the same columns for
 * every place (so a CSV has one header and GIS tools see stable fields). Kvartal's importer reads every
 * one of these back, which is what makes an export → import round trip lossless.
 */
export const OPEN_FIELDS = [
  'id',
  'name',
  ...LOCALES.map((l) => `name:${l}`),
  'original_locale',
  'category',
  'category_name',
  'extra_categories',
  ...LOCALES.map((l) => `description:${l}`),
  'address',
  'city',
  'neighbourhood',
  'phone',
  'website',
  'contact:telegram',
  'contact:instagram',
  'email',
  'opening_hours',
  'languages',
  'tags',
  'home_based',
  'locals_welcome',
  'start_date',
  'kvartal:url',
  'updated_at',
  'license',
] as const;
export type OpenField = (typeof OPEN_FIELDS)[number];

export interface OpenRecordContext {
  taxonomy: Taxonomy;
  /** Absolute site URL for place links; relative links without it. */
  siteUrl: string | null;
  licenceId: string;
}

/** The open fields of one place ('' for what it does not have). */
export function openRecord(place: Place, context: OpenRecordContext): Record<OpenField, string> {
  const record = Object.fromEntries(OPEN_FIELDS.map((f) => [f, ''])) as Record<OpenField, string>;
  record.id = String(place.id);
  record.name = place.names[place.originalLocale] ?? Object.values(place.names)[0] ?? '';
  for (const locale of LOCALES) {
    record[`name:${locale}`] = place.names[locale] ?? '';
    record[`description:${locale}`] = place.descriptions[locale] ?? '';
  }
  record.original_locale = place.originalLocale;
  record.category = place.category;
  record.category_name = context.taxonomy.category(place.category)?.names.en ?? place.category;
  record.extra_categories = place.extraCategories.join(';');
  record.address = place.address ?? '';
  record.city = place.city;
  record.neighbourhood = place.neighbourhood ?? '';
  record.phone = place.contacts.phone ?? '';
  record.website = place.contacts.website ?? '';
  record['contact:telegram'] = place.contacts.telegram ?? '';
  record['contact:instagram'] = place.contacts.instagram ?? '';
  record.email = place.contacts.email ?? '';
  record.opening_hours = place.hours ?? '';
  record.languages = place.languages.join(';');
  record.tags = place.tags.join(';');
  record.home_based = place.homeBased ? 'yes' : '';
  record.locals_welcome = place.localsWelcome ? 'yes' : '';
  record.start_date = place.opened ?? '';
  record['kvartal:url'] = `${context.siteUrl?.replace(/\/$/, '') ?? ''}/ru${placePath(place)}`;
  record.updated_at = place.updatedAt;
  record.license = context.licenceId;
  return record;
}
