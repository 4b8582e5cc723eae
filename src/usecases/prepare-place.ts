import { InputError } from '../domain/errors.ts';
import { isValidLonLat } from '../domain/geo.ts';
import { checkHours } from '../domain/hours.ts';
import { isSpokenLanguage, type SpokenLanguage } from '../domain/languages.ts';
import { isLocale, type Locale, type LocalizedText } from '../domain/locales.ts';
import {
  CONTACT_FIELDS,
  type Contacts,
  PLACE_STATUSES,
  type PlaceData,
  type PlaceStatus,
} from '../domain/places/place.ts';
import { neighbourhoodOf } from '../domain/taxonomy/neighbourhood-of.ts';
import type { Taxonomy } from './taxonomy.ts';

/** A place as a client or importer sends it: loosely typed, checked field by field here. */
export interface PlaceInput {
  names?: Record<string, string> | undefined;
  original_locale?: string | undefined;
  descriptions?: Record<string, string> | undefined;
  category?: string | undefined;
  extra_categories?: string[] | undefined;
  lon?: number | undefined;
  lat?: number | undefined;
  address?: string | null | undefined;
  city?: string | undefined;
  neighbourhood?: string | null | undefined;
  contacts?: Record<string, string> | undefined;
  hours?: string | null | undefined;
  languages?: string[] | undefined;
  tags?: string[] | undefined;
  status?: string | undefined;
  /** Works from a home: only an approximate position and no address are ever shown. */
  home_based?: boolean | undefined;
  /** Welcomes locals as much as newcomers. */
  locals_welcome?: boolean | undefined;
  /** When it opened: YYYY-MM or YYYY-MM-DD. */
  opened?: string | null | undefined;
}

const CONTACT_PATTERNS: Record<(typeof CONTACT_FIELDS)[number], [RegExp, string]> = {
  phone: [/^\+?[0-9 ()./-]{6,25}$/, 'must be a phone number such as +381 64 123 4567'],
  website: [/^https?:\/\/[^\s/$.?#][^\s]{1,300}$/i, 'must be an http:// or https:// address'],
  telegram: [/^@?[A-Za-z0-9_]{4,32}$/, 'must be a Telegram username such as @kvartal'],
  instagram: [/^@?[A-Za-z0-9_.]{1,30}$/, 'must be an Instagram username such as @kvartal'],
  email: [/^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/, 'must be an e-mail address'],
};

/** Validates and completes a place: every problem is an InputError naming its field. Nothing is stored here. */
export function preparePlace(
  input: PlaceInput,
  taxonomy: Taxonomy,
  defaults: Partial<PlaceData> = {},
): PlaceData {
  const names = localized('names', input.names, 200);
  if (Object.keys(names).length === 0)
    throw new InputError('names', 'needs a name in at least one locale', 'nameRequired');
  const originalLocale =
    input.original_locale ?? defaults.originalLocale ?? (Object.keys(names)[0] as Locale);
  if (!isLocale(originalLocale)) throw new InputError('original_locale', `must be one of the locales`);

  const category = input.category;
  if (!category) throw new InputError('category', 'is required', 'categoryRequired');
  const known = taxonomy.category(category);
  if (!known) throw new InputError('category', `unknown category "${category}"; see /api/v1/categories`);
  if (known.parent === null)
    throw new InputError(
      'category',
      `"${category}" is a group; choose one of its categories`,
      'categoryGroup',
    );
  const extraCategories = [...new Set(input.extra_categories ?? [])].filter((c) => c !== category);
  for (const extra of extraCategories) {
    if (!taxonomy.category(extra)) throw new InputError('extra_categories', `unknown category "${extra}"`);
  }

  const { lon, lat } = input;
  if (typeof lon !== 'number' || typeof lat !== 'number')
    throw new InputError('lon/lat', 'both are required numbers', 'coordinatesRequired');
  if (!isValidLonLat(lon, lat))
    throw new InputError('lon/lat', 'must be longitude −180…180 and latitude −90…90', 'coordinatesRange');
  const located = neighbourhoodOf(taxonomy.cities, lon, lat);
  const city = input.city ?? located?.city;
  if (!city)
    throw new InputError(
      'lon/lat',
      'is outside every city this instance covers; give city explicitly',
      'outsideCities',
    );
  if (!taxonomy.city(city)) throw new InputError('city', `unknown city "${city}"; see /api/v1/cities`);
  let neighbourhood = input.neighbourhood ?? (located?.city === city ? located.neighbourhood : null);
  if (neighbourhood) {
    const n = taxonomy.neighbourhood(neighbourhood);
    if (!n) throw new InputError('neighbourhood', `unknown neighbourhood "${neighbourhood}"`);
    if (n.city !== city) throw new InputError('neighbourhood', `"${neighbourhood}" is not in ${city}`);
  } else {
    neighbourhood = null;
  }

  let hours: string | null = null;
  if (input.hours !== undefined && input.hours !== null && input.hours.trim() !== '') {
    const check = checkHours(input.hours);
    if (!check.ok) throw new InputError('hours', check.problem, 'hours');
    hours = input.hours.trim();
  }

  const languages = [...new Set(input.languages ?? [])];
  for (const code of languages) {
    if (!isSpokenLanguage(code)) throw new InputError('languages', `unknown language code "${code}"`);
  }

  const status = input.status ?? defaults.status ?? 'active';
  if (!(PLACE_STATUSES as readonly string[]).includes(status)) {
    throw new InputError('status', `must be one of ${PLACE_STATUSES.join(', ')}`);
  }

  const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))];
  if (tags.length > 30) throw new InputError('tags', 'at most 30 tags');
  const longTag = tags.find((t) => t.length > 60);
  if (longTag) throw new InputError('tags', `"${longTag.slice(0, 20)}…" is longer than 60 characters`);

  const opened = openedDate(input.opened);

  const address = input.address?.trim() || null;
  if (address && address.length > 300)
    throw new InputError('address', 'must be at most 300 characters', 'tooLong', { max: 300 });

  return {
    names,
    originalLocale,
    descriptions: localized('descriptions', input.descriptions, 5000),
    category,
    extraCategories,
    lon,
    lat,
    address,
    city,
    neighbourhood,
    contacts: contacts(input.contacts),
    hours,
    languages: languages as SpokenLanguage[],
    tags,
    status: status as PlaceStatus,
    ...(input.home_based ? { homeBased: true } : {}),
    ...(input.locals_welcome ? { localsWelcome: true } : {}),
    ...(opened ? { opened } : {}),
    isDemo: defaults.isDemo ?? false,
    provenance: defaults.provenance ?? { source: 'api' },
  };
}

/** `YYYY-MM` or `YYYY-MM-DD`, a real calendar date, not in the future and not before 1800. */
function openedDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  const problem = 'must be a month (YYYY-MM) or a date (YYYY-MM-DD), not in the future';
  if (!match) throw new InputError('opened', problem, 'opened');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1800 || date.getTime() > Date.now() + 86_400_000)
    throw new InputError('opened', problem, 'opened');
  return text;
}

function localized(
  field: string,
  value: Record<string, string> | undefined,
  maxLength: number,
): LocalizedText {
  const out: LocalizedText = {};
  for (const [locale, text] of Object.entries(value ?? {})) {
    if (!isLocale(locale))
      throw new InputError(`${field}.${locale}`, 'is not a locale (ru, sr-Latn, sr-Cyrl, en, uk)');
    if (typeof text !== 'string') throw new InputError(`${field}.${locale}`, 'must be text');
    const trimmed = text.trim();
    if (trimmed.length > maxLength)
      throw new InputError(`${field}.${locale}`, `must be at most ${maxLength} characters`, 'tooLong', {
        max: maxLength,
      });
    if (trimmed) out[locale] = trimmed;
  }
  return out;
}

function contacts(value: Record<string, string> | undefined): Contacts {
  const out: Contacts = {};
  for (const [key, raw] of Object.entries(value ?? {})) {
    if (!(CONTACT_FIELDS as readonly string[]).includes(key)) {
      throw new InputError(`contacts.${key}`, `is not a contact field (${CONTACT_FIELDS.join(', ')})`);
    }
    const field = key as (typeof CONTACT_FIELDS)[number];
    const text = String(raw).trim();
    if (!text) continue;
    const [pattern, problem] = CONTACT_PATTERNS[field];
    if (!pattern.test(text)) throw new InputError(`contacts.${key}`, problem, field);
    out[field] = field === 'telegram' || field === 'instagram' ? text.replace(/^@?/, '@') : text;
  }
  return out;
}

/** A stored place as input again: an edit form starts from it and a suggestion changes some of its fields. */
export function placeInputOf(place: PlaceData): PlaceInput {
  return {
    names: { ...place.names },
    original_locale: place.originalLocale,
    descriptions: { ...place.descriptions },
    category: place.category,
    extra_categories: [...place.extraCategories],
    lon: place.lon,
    lat: place.lat,
    address: place.address,
    city: place.city,
    neighbourhood: place.neighbourhood,
    contacts: { ...place.contacts } as Record<string, string>,
    hours: place.hours,
    languages: [...place.languages],
    tags: [...place.tags],
    status: place.status,
    home_based: Boolean(place.homeBased),
    locals_welcome: Boolean(place.localsWelcome),
    opened: place.opened ?? null,
  };
}
