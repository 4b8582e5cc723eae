import { type HoursStatus, hoursStatus, type WallClock, weekSchedule } from '../domain/hours.ts';
import { type Locale, type LocalizedText, pickText } from '../domain/locales.ts';
import { type Place, slugify } from '../domain/places/place.ts';
import type { Taxonomy } from './taxonomy.ts';

/** What every reader of a place gets, in one locale: the API's feature properties and the pages' data. */
export interface PlaceView {
  id: number;
  slug: string;
  path: string;
  name: string;
  description: string;
  category: string;
  categoryName: string;
  categoryColor: string;
  categories: string[];
  city: string;
  cityName: string;
  neighbourhood: string | null;
  neighbourhoodName: string | null;
  address: string | null;
  lon: number;
  lat: number;
  languages: string[];
  contacts: Place['contacts'];
  hours: string | null;
  openNow: boolean | null;
  nextChange: (WallClock & { daysAhead: number }) | null;
  tags: string[];
  status: Place['status'];
  isDemo: boolean;
  /** Works from a home: lon/lat are approximate and there is no address (see domain approximate-position). */
  homeBased: boolean;
  localsWelcome: boolean;
  opened: string | null;
  sourceId: string | null;
  source: string;
  names: LocalizedText;
  descriptions: LocalizedText;
  createdAt: string;
  updatedAt: string;
}

/** The place page's path. The slug comes from a Latin-script name when there is one, so links stay stable across locales. */
export function placePath(place: Pick<Place, 'id' | 'names' | 'originalLocale'>): string {
  return `/p/${place.id}-${placeSlug(place)}`;
}

function placeSlug(place: Pick<Place, 'names' | 'originalLocale'>): string {
  return slugify(
    place.names['sr-Latn'] ?? place.names.en ?? pickText(place.names, 'ru', place.originalLocale),
  );
}

export function presentPlace(place: Place, locale: Locale, taxonomy: Taxonomy, now: Date): PlaceView {
  const city = taxonomy.city(place.city);
  const category = taxonomy.category(place.category);
  const neighbourhood = place.neighbourhood ? taxonomy.neighbourhood(place.neighbourhood) : undefined;
  const status: HoursStatus | null =
    place.hours && place.status === 'active'
      ? hoursStatus(place.hours, now, city?.timeZone ?? 'Europe/Belgrade')
      : null;
  const name = pickText(place.names, locale, place.originalLocale);
  return {
    id: place.id,
    slug: placeSlug(place),
    path: placePath(place),
    name,
    description: pickText(place.descriptions, locale, place.originalLocale),
    category: place.category,
    categoryName: category ? pickText(category.names, locale) : place.category,
    categoryColor: category?.color ?? '#4a5568',
    categories: [place.category, ...place.extraCategories],
    city: place.city,
    cityName: city ? pickText(city.names, locale) : place.city,
    neighbourhood: place.neighbourhood,
    neighbourhoodName: neighbourhood ? pickText(neighbourhood.names, locale) : null,
    address: place.address,
    lon: place.lon,
    lat: place.lat,
    languages: place.languages,
    contacts: place.contacts,
    hours: place.hours,
    openNow: status && !status.unknown ? status.open : null,
    nextChange: status?.next ?? null,
    tags: place.tags,
    status: place.status,
    isDemo: place.isDemo,
    homeBased: Boolean(place.homeBased),
    localsWelcome: Boolean(place.localsWelcome),
    opened: place.opened ?? null,
    sourceId: place.provenance.sourceId ?? null,
    source: place.provenance.source,
    names: place.names,
    descriptions: place.descriptions,
    createdAt: place.createdAt,
    updatedAt: place.updatedAt,
  };
}

export { weekSchedule };
