import type { SpokenLanguage } from '../languages.ts';
import type { Locale, LocalizedText } from '../locales.ts';

/** What a publisher may set; `pending` (waiting for a moderator) and `rejected` are set by the flow. */
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export const REVIEW_EVENT_STATUSES = ['pending', 'rejected'] as const;
/** What the public sees: scheduled and cancelled events (a cancelled one stays, marked, in calendars). */
export const PUBLIC_EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number] | (typeof REVIEW_EVENT_STATUSES)[number];

/**
 * An event as the domain sees it. Times are wall-clock times in the event's time zone (`2026-12-03T19:00`,
 * or a date for all-day events): "every Thursday at 19:00" stays 19:00 across daylight-saving changes.
 */
export interface EventData {
  titles: LocalizedText;
  descriptions: LocalizedText;
  originalLocale: Locale;
  /** A slug of event-types.ts. */
  type: string;
  start: string;
  /** Exclusive end (same form as start); null: two hours, or the whole day for all-day events. */
  end: string | null;
  allDay: boolean;
  timeZone: string;
  /** An RFC 5545 RRULE value without the `RRULE:` prefix (`FREQ=WEEKLY;BYDAY=TH`), or null. */
  rrule: string | null;
  /** Starts (same form as start) the series skips. */
  exdates: string[];
  city: string;
  /** The venue: a place on the map, or an address with a point (or neither, for online events). */
  placeId: number | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  languages: SpokenLanguage[];
  localsWelcome: boolean;
  bilingual: boolean;
  free: boolean;
  price: string | null;
  minAge: number | null;
  organiserUrl: string | null;
  status: EventStatus;
  isDemo: boolean;
}

export interface CityEvent extends EventData {
  id: number;
  createdAt: string;
  updatedAt: string;
}

/** One occurrence of an event: a single event has one, a series one per date in the asked window. */
export interface Occurrence {
  eventId: number;
  /** The occurrence's start as wall time in the event's zone (what RECURRENCE-ID and EXDATE name). */
  localStart: string;
  start: Date;
  end: Date;
}
