import type { CityEvent } from '../domain/events/event.ts';
import { durationMinutes, floating, zonedInstant } from '../domain/events/occurrences.ts';
import { type Locale, pickText } from '../domain/locales.ts';

/**
 * The zones Kvartal's cities use, with their rules as VTIMEZONE components (RFC 5545 §3.6.5): calendar apps
 * need them to keep a 19:00 series at 19:00 after the clocks change. Central European rules since 1996.
 */
const VTIMEZONES: Record<string, string[]> = Object.fromEntries(
  [
    'Europe/Belgrade',
    'Europe/Budapest',
    'Europe/Zagreb',
    'Europe/Sarajevo',
    'Europe/Podgorica',
    'Europe/Berlin',
  ].map((tz) => [
    tz,
    [
      'BEGIN:VTIMEZONE',
      `TZID:${tz}`,
      'BEGIN:DAYLIGHT',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'DTSTART:19700329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'DTSTART:19701025T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ],
  ]),
);

/** TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character (§3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basic = (wall: string) => wall.replace(/[-:]/g, '');
const utc = (date: Date) => `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

function wallOf(date: Date, allDay: boolean): string {
  const iso = date.toISOString();
  return allDay ? iso.slice(0, 10) : iso.slice(0, 16);
}

export interface FeedOptions {
  name: string;
  /** Host for UIDs (`event-12@kvartal.example`): stable as long as the site keeps its address. */
  host: string;
  locale: Locale;
  url(event: CityEvent): string;
  typeName(slug: string): string;
}

function timeProperty(name: string, wall: string, event: CityEvent): string {
  if (event.allDay) return `${name};VALUE=DATE:${basic(wall)}`;
  if (VTIMEZONES[event.timeZone]) return `${name};TZID=${event.timeZone}:${basic(wall)}00`;
  const date = floating(wall);
  return `${name}:${date ? utc(zonedInstant(date, event.timeZone)) : basic(wall)}`;
}

/** RFC 5545 wants UNTIL in UTC when DTSTART has a zone: a local UNTIL is converted, other parts kept. */
function rule(event: CityEvent): string {
  return (event.rrule ?? '').replace(/UNTIL=(\d{8}T\d{6})(?!Z)/i, (_all, local: string) => {
    const wall = `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}T${local.slice(9, 11)}:${local.slice(11, 13)}`;
    const date = floating(wall);
    return `UNTIL=${date ? utc(zonedInstant(date, event.timeZone)) : local}`;
  });
}

function vevent(event: CityEvent, options: FeedOptions): string[] {
  const start = floating(event.start) ?? new Date(0);
  const end = new Date(start.getTime() + durationMinutes(event) * 60_000);
  const lines = [
    'BEGIN:VEVENT',
    `UID:event-${event.id}@${options.host}`,
    `DTSTAMP:${utc(new Date(event.updatedAt))}`,
    `LAST-MODIFIED:${utc(new Date(event.updatedAt))}`,
    timeProperty('DTSTART', event.start, event),
    timeProperty('DTEND', wallOf(end, event.allDay), event),
  ];
  if (event.rrule) lines.push(`RRULE:${rule(event)}`);
  for (const ex of event.exdates) lines.push(timeProperty('EXDATE', ex, event));
  lines.push(`SUMMARY:${text(pickText(event.titles, options.locale, event.originalLocale))}`);
  const description = pickText(event.descriptions, options.locale, event.originalLocale);
  if (description) lines.push(`DESCRIPTION:${text(description)}`);
  if (event.address) lines.push(`LOCATION:${text(event.address)}`);
  if (event.lat !== null && event.lon !== null) lines.push(`GEO:${event.lat};${event.lon}`);
  lines.push(`CATEGORIES:${text(options.typeName(event.type))}`);
  lines.push(`URL:${options.url(event)}`);
  lines.push(`STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole calendar: one VEVENT per event (a series keeps its RRULE and EXDATEs), with the zones it uses. */
export function icalFeed(events: CityEvent[], options: FeedOptions): string {
  const zones = [...new Set(events.filter((e) => !e.allDay).map((e) => e.timeZone))].filter(
    (tz) => VTIMEZONES[tz],
  );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kvartal//Community events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(options.name)}`,
    ...zones.flatMap((tz) => VTIMEZONES[tz] ?? []),
    ...events.flatMap((event) => vevent(event, options)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
