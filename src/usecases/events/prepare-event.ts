import { InputError } from '../../domain/errors.ts';
import { EVENT_STATUSES, type EventData, type EventStatus } from '../../domain/events/event.ts';
import { EVENT_TYPES, isEventType } from '../../domain/events/event-types.ts';
import { floating, recurrenceProblem, seriesBounds } from '../../domain/events/occurrences.ts';
import { isValidLonLat } from '../../domain/geo.ts';
import { isSpokenLanguage, type SpokenLanguage } from '../../domain/languages.ts';
import { isLocale, type Locale, type LocalizedText } from '../../domain/locales.ts';
import type { Place } from '../../domain/places/place.ts';
import { neighbourhoodOf } from '../../domain/taxonomy/neighbourhood-of.ts';
import type { Taxonomy } from '../taxonomy.ts';

/** An event as a client sends it, checked field by field here. */
export interface EventInput {
  titles?: Record<string, string>;
  descriptions?: Record<string, string>;
  original_locale?: string;
  type?: string;
  start?: string;
  end?: string | null;
  all_day?: boolean;
  rrule?: string | null;
  exdates?: string[];
  place_id?: number | null;
  address?: string | null;
  lon?: number | null;
  lat?: number | null;
  city?: string;
  languages?: string[];
  locals_welcome?: boolean;
  bilingual?: boolean;
  free?: boolean;
  price?: string | null;
  min_age?: number | null;
  organiser_url?: string | null;
  status?: string;
}

// Old events stay in the calendar's history, but nobody enters a new one that ended long ago.
const PAST_LIMIT_DAYS = 366;

function texts(field: string, value: Record<string, string> | undefined, max: number): LocalizedText {
  const out: LocalizedText = {};
  for (const [locale, text] of Object.entries(value ?? {})) {
    if (!isLocale(locale))
      throw new InputError(`${field}.${locale}`, 'is not a locale (ru, sr-Latn, sr-Cyrl, en, uk)');
    if (typeof text !== 'string') throw new InputError(`${field}.${locale}`, 'must be text');
    if (text.trim().length > max)
      throw new InputError(`${field}.${locale}`, `must be at most ${max} characters`, 'tooLong', { max });
    if (text.trim()) out[locale] = text.trim();
  }
  return out;
}

/**
 * Validates and completes an event; every problem is an InputError naming its field. `venue` is the place
 * named by `place_id`, already looked up (null when there is none or it does not exist).
 */
export function prepareEvent(
  input: EventInput,
  taxonomy: Taxonomy,
  venue: Place | null,
  now: Date,
  isDemo = false,
): EventData {
  const titles = texts('titles', input.titles, 200);
  if (Object.keys(titles).length === 0)
    throw new InputError('titles', 'needs a title in at least one locale', 'titleRequired');
  const originalLocale = (input.original_locale ?? Object.keys(titles)[0]) as Locale;
  if (!isLocale(originalLocale)) throw new InputError('original_locale', 'must be one of the locales');

  const type = input.type ?? '';
  if (!isEventType(type))
    throw new InputError('type', `must be one of ${EVENT_TYPES.map((t) => t.slug).join(', ')}`, 'eventType');

  const allDay = Boolean(input.all_day);
  const shape = allDay ? 'a date such as 2026-12-05' : 'a local time such as 2026-12-05T19:00';
  const shapeCode = allDay ? 'date' : 'dateTime';
  const startText = input.start ?? '';
  const start = floating(startText);
  if (!start || (allDay ? startText.length !== 10 : startText.length !== 16))
    throw new InputError('start', `must be ${shape}`, shapeCode);
  let end: string | null = null;
  if (input.end) {
    const endDate = floating(input.end);
    if (!endDate || (allDay ? input.end.length !== 10 : input.end.length !== 16))
      throw new InputError('end', `must be ${shape}`, shapeCode);
    if (endDate <= start) throw new InputError('end', 'must be after the start', 'endBeforeStart');
    end = input.end;
  }

  const rrule = input.rrule?.trim() || null;
  if (rrule) {
    const problem = recurrenceProblem(rrule);
    if (problem) throw new InputError('rrule', problem, 'rrule');
  }
  const exdates = [...new Set(input.exdates ?? [])];
  for (const ex of exdates) {
    if (!floating(ex) || ex.length !== startText.length)
      throw new InputError('exdates', `"${ex}" must be ${shape}`, shapeCode);
  }

  if (input.place_id !== undefined && input.place_id !== null && !venue)
    throw new InputError('place_id', `there is no place ${input.place_id}`, 'noSuchPlace');
  const lon = venue ? venue.lon : (input.lon ?? null);
  const lat = venue ? venue.lat : (input.lat ?? null);
  if ((lon === null) !== (lat === null))
    throw new InputError('lon/lat', 'give both or neither', 'coordinatesBoth');
  if (lon !== null && lat !== null && !isValidLonLat(lon, lat))
    throw new InputError('lon/lat', 'must be longitude −180…180 and latitude −90…90', 'coordinatesRange');
  const located = lon !== null && lat !== null ? neighbourhoodOf(taxonomy.cities, lon, lat) : null;
  const city = venue?.city ?? input.city ?? located?.city;
  if (!city)
    throw new InputError('city', 'is required when the event has no venue on the map', 'cityRequired');
  const cityInfo = taxonomy.city(city);
  if (!cityInfo) throw new InputError('city', `unknown city "${city}"; see /api/v1/cities`);

  const languages = [...new Set(input.languages ?? [])];
  for (const code of languages)
    if (!isSpokenLanguage(code)) throw new InputError('languages', `unknown language code "${code}"`);

  const minAge = input.min_age ?? null;
  if (minAge !== null && (!Number.isInteger(minAge) || minAge < 0 || minAge > 21))
    throw new InputError('min_age', 'must be a whole number of years from 0 to 21', 'minAge');
  const organiserUrl = input.organiser_url?.trim() || null;
  if (organiserUrl && !/^https?:\/\/[^\s/$.?#][^\s]{1,300}$/i.test(organiserUrl))
    throw new InputError('organiser_url', 'must be an http:// or https:// address', 'website');
  const price = input.price?.trim() || null;
  if (price && price.length > 100)
    throw new InputError('price', 'must be at most 100 characters', 'tooLong', { max: 100 });
  const status = (input.status ?? 'scheduled') as EventStatus;
  if (!(EVENT_STATUSES as readonly string[]).includes(status))
    throw new InputError('status', `must be one of ${EVENT_STATUSES.join(', ')}`);

  const data: EventData = {
    titles,
    descriptions: texts('descriptions', input.descriptions, 5000),
    originalLocale,
    type,
    start: startText,
    end,
    allDay,
    timeZone: cityInfo.timeZone,
    rrule,
    exdates,
    city,
    placeId: venue?.id ?? null,
    address: venue ? venue.address : input.address?.trim() || null,
    lon,
    lat,
    languages: languages as SpokenLanguage[],
    localsWelcome: Boolean(input.locals_welcome),
    bilingual: Boolean(input.bilingual),
    free: Boolean(input.free),
    price,
    minAge,
    organiserUrl,
    status,
    isDemo,
  };
  const { last } = seriesBounds(data);
  if (last && last.getTime() < now.getTime() - PAST_LIMIT_DAYS * 86_400_000)
    throw new InputError('start', `ended more than ${PAST_LIMIT_DAYS} days ago`, 'eventPast', {
      days: PAST_LIMIT_DAYS,
    });
  return data;
}

/** A stored event as input again: the edit form starts from it, and an approved change is checked through it. */
export function eventInputOf(event: EventData): EventInput {
  return {
    titles: { ...event.titles },
    descriptions: { ...event.descriptions },
    original_locale: event.originalLocale,
    type: event.type,
    start: event.start,
    end: event.end,
    all_day: event.allDay,
    rrule: event.rrule,
    exdates: [...event.exdates],
    place_id: event.placeId,
    address: event.address,
    lon: event.lon,
    lat: event.lat,
    city: event.city,
    languages: [...event.languages],
    locals_welcome: event.localsWelcome,
    bilingual: event.bilingual,
    free: event.free,
    price: event.price,
    min_age: event.minAge,
    organiser_url: event.organiserUrl,
    // Waiting and rejected are the flow's states, which a publisher cannot set; the edit use case keeps them.
    status: event.status === 'cancelled' ? 'cancelled' : 'scheduled',
  };
}
