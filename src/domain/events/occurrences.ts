import rrule from 'rrule';
import { wallClock } from '../hours.ts';
import type { EventData, Occurrence } from './event.ts';

const { RRule, RRuleSet } = rrule;

/**
 * Recurrence is expanded in "floating" wall time — rrule's own convention, a Date whose UTC fields are the
 * local clock — and only then placed in the event's time zone. So a series at 19:00 stays at 19:00 when the
 * clocks change, and a window never asks for more than the occurrences inside it.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;
const DEFAULT_MINUTES = 120;
// A series without COUNT or UNTIL has no end: it is only ever expanded inside a window, and a window
// holds at most this many occurrences of one event (daily for a year fits).
export const MAX_OCCURRENCES_PER_WINDOW = 400;
// A finite series is counted in full once, when it is stored, to know when it ends.
const MAX_SERIES = 5000;

/** A wall time (`2026-12-03T19:00` or `2026-12-03`) as a floating Date, or null when it is not one. */
export function floating(text: string): Date | null {
  const m = WALL.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '00', m[5] ?? '00'].map(Number) as number[];
  const date = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi));
  // Date.UTC rolls 31 February over into March: a wall time must name a real day and minute.
  if (
    date.getUTCMonth() !== (mo as number) - 1 ||
    date.getUTCDate() !== d ||
    (h as number) > 23 ||
    (mi as number) > 59
  )
    return null;
  return date;
}

export function wallText(date: Date, allDay: boolean): string {
  const iso = date.toISOString();
  return allDay ? iso.slice(0, 10) : iso.slice(0, 16);
}

/** The instant at which the clocks of `timeZone` show this floating wall time. */
export function zonedInstant(wall: Date, timeZone: string): Date {
  let guess = wall.getTime();
  for (let i = 0; i < 3; i++) {
    const c = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
    const diff = shown - wall.getTime();
    if (diff === 0) break;
    guess -= diff;
  }
  return new Date(guess);
}

function floatingNow(instant: Date, timeZone: string): Date {
  const c = wallClock(instant, timeZone);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute));
}

/** How long each occurrence lasts, in wall-clock minutes. */
export function durationMinutes(event: Pick<EventData, 'start' | 'end' | 'allDay'>): number {
  const start = floating(event.start);
  const end = event.end ? floating(event.end) : null;
  if (start && end && end > start) return (end.getTime() - start.getTime()) / 60_000;
  return event.allDay ? 24 * 60 : DEFAULT_MINUTES;
}

const RULE_PARTS = new Set([
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
const FREQUENCIES = new Set(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY']);

/** Why an RRULE value cannot be used, or null when it can. */
export function recurrenceProblem(value: string): string | null {
  if (/(^|;)\s*DTSTART/i.test(value) || /^RRULE:/i.test(value) || /\n/.test(value))
    return 'give only the rule (e.g. FREQ=WEEKLY;BYDAY=TH); the start field says when the series begins';
  for (const part of value.split(';')) {
    const [key = '', val = ''] = part.split('=');
    if (!RULE_PARTS.has(key.toUpperCase()) || !val) return `"${part}" is not a part of an RFC 5545 RRULE`;
  }
  const freq = /(?:^|;)FREQ=([^;]*)/i.exec(value)?.[1];
  if (!freq) return 'needs FREQ (e.g. FREQ=WEEKLY)';
  if (!FREQUENCIES.has(freq.toUpperCase()))
    return `FREQ must be one of ${[...FREQUENCIES].join(', ')} in an RFC 5545 RRULE`;
  try {
    const options = RRule.parseString(value);
    new RRule(options).between(new Date(0), new Date(1), true);
    return null;
  } catch (error) {
    return `is not a valid RFC 5545 RRULE: ${(error as Error).message}`;
  }
}

function series(event: EventData): InstanceType<typeof RRuleSet> | null {
  const start = floating(event.start);
  if (!event.rrule || !start) return null;
  const set = new RRuleSet();
  set.rrule(new RRule({ ...RRule.parseString(event.rrule), dtstart: start }));
  for (const ex of event.exdates) {
    const date = floating(ex);
    if (date) set.exdate(date);
  }
  return set;
}

function occurrenceAt(event: EventData & { id: number }, wall: Date, minutes: number): Occurrence {
  return {
    eventId: event.id,
    localStart: wallText(wall, event.allDay),
    start: zonedInstant(wall, event.timeZone),
    end: zonedInstant(new Date(wall.getTime() + minutes * 60_000), event.timeZone),
  };
}

/** The occurrences that overlap [from, to), in order; an endless series yields only what the window holds. */
export function occurrencesBetween(event: EventData & { id: number }, from: Date, to: Date): Occurrence[] {
  const start = floating(event.start);
  if (!start) return [];
  const minutes = durationMinutes(event);
  const overlaps = (o: Occurrence) => o.end > from && o.start < to;
  const set = series(event);
  if (!set) {
    const single = occurrenceAt(event, start, minutes);
    return overlaps(single) ? [single] : [];
  }
  // An occurrence that began before the window but is still going counts: look back by one duration.
  const after = new Date(floatingNow(from, event.timeZone).getTime() - minutes * 60_000 - 60 * 60_000);
  const before = new Date(floatingNow(to, event.timeZone).getTime() + 60 * 60_000);
  return set
    .between(after, before, true, (_date, i) => i < MAX_OCCURRENCES_PER_WINDOW)
    .map((wall) => occurrenceAt(event, wall, minutes))
    .filter(overlaps);
}

/** When a series begins and ends (null: never ends), for finding the events a window may hold. */
export function seriesBounds(event: EventData): { first: Date; last: Date | null } {
  const start = floating(event.start) ?? new Date(0);
  const minutes = durationMinutes(event);
  const first = zonedInstant(start, event.timeZone);
  const set = series(event);
  if (!set)
    return { first, last: zonedInstant(new Date(start.getTime() + minutes * 60_000), event.timeZone) };
  const options = RRule.parseString(event.rrule ?? '');
  if (options.count === undefined && !options.until) return { first, last: null };
  const all = set.all((_date, i) => i < MAX_SERIES);
  const lastWall = all.at(-1);
  if (all.length >= MAX_SERIES || !lastWall) return { first, last: all.length ? null : first };
  return { first, last: zonedInstant(new Date(lastWall.getTime() + minutes * 60_000), event.timeZone) };
}
