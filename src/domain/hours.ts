import OpeningHours from 'opening_hours';

/** Problems with an `opening_hours` value, in the library's own words. */
export type HoursCheck = { ok: true; normalized: string } | { ok: false; problem: string };

const OPTIONAL_CONF = { address: { country_code: 'rs', state: '' }, lat: 44.8, lon: 20.46 } as const;

export function checkHours(value: string): HoursCheck {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, problem: 'is empty' };
  if (trimmed.length > 500) return { ok: false, problem: 'is longer than 500 characters' };
  // Normalising costs more than the cached parse (an import checks the same few hundred values again and
  // again), so the whole answer is kept per value.
  let check = checkCache.get(trimmed);
  if (!check) {
    check = uncachedCheck(trimmed);
    if (checkCache.size > 20_000) checkCache.clear();
    checkCache.set(trimmed, check);
  }
  return check;
}

const checkCache = new Map<string, HoursCheck>();

function uncachedCheck(trimmed: string): HoursCheck {
  try {
    const parsed = parse(trimmed);
    return { ok: true, normalized: parsed.prettifyValue() };
  } catch (error) {
    const message = String(error).replace(/\s+/g, ' ').trim();
    return { ok: false, problem: `is not valid OpenStreetMap opening_hours syntax: ${message}` };
  }
}

// Parsing is the expensive part; real data repeats the same few hundred values, so parsed values are kept.
const parsedCache = new Map<string, OpeningHours>();
function parse(value: string): OpeningHours {
  let parsed = parsedCache.get(value);
  if (!parsed) {
    parsed = new OpeningHours(value, OPTIONAL_CONF as never);
    if (parsedCache.size > 20_000) parsedCache.clear();
    parsedCache.set(value, parsed);
  }
  return parsed;
}

/** Wall-clock time in a time zone, independent of the server's own zone. */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

// Building a formatter costs far more than using one (it dominated reading a place): one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: weekdays.indexOf(get('weekday')),
  };
}

/**
 * opening_hours reads the local fields of a Date; a Date whose local fields equal the city's wall clock makes
 * its answers right whatever time zone the server runs in.
 */
function asLocalDate(clock: WallClock): Date {
  return new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
}

function fromLocalDate(date: Date): WallClock {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    weekday: date.getDay(),
  };
}

export interface HoursStatus {
  open: boolean;
  /** When the state changes next (city wall clock), or null when it never does within a week. */
  next: (WallClock & { daysAhead: number }) | null;
  /** Set when the value says `unknown` or is a comment-only rule. */
  unknown: boolean;
}

export function hoursStatus(value: string, now: Date, timeZone: string): HoursStatus | null {
  let parsed: OpeningHours;
  try {
    parsed = parse(value.trim());
  } catch {
    return null;
  }
  const local = asLocalDate(wallClock(now, timeZone));
  const open = parsed.getState(local);
  const unknown = parsed.getUnknown(local);
  const limit = new Date(local.getTime() + 8 * 24 * 3600_000);
  const change = parsed.getNextChange(local, limit);
  if (!change) return { open, next: null, unknown };
  const next = fromLocalDate(change);
  const startOfToday = new Date(local.getFullYear(), local.getMonth(), local.getDate());
  const startOfChangeDay = new Date(change.getFullYear(), change.getMonth(), change.getDate());
  const daysAhead = Math.round((startOfChangeDay.getTime() - startOfToday.getTime()) / 86_400_000);
  return { open, next: { ...next, daysAhead }, unknown };
}

/** One line per weekday (Monday first) of the next seven days: [[from, to] as "HH:MM"] intervals. */
export function weekSchedule(
  value: string,
  now: Date,
  timeZone: string,
): Array<{ weekday: number; intervals: [string, string][] }> | null {
  let parsed: OpeningHours;
  try {
    parsed = parse(value.trim());
  } catch {
    return null;
  }
  const clock = wallClock(now, timeZone);
  const today = new Date(clock.year, clock.month - 1, clock.day);
  const mondayOffset = (today.getDay() + 6) % 7;
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - mondayOffset);
  const days: Array<{ weekday: number; intervals: [string, string][] }> = [];
  for (let i = 0; i < 7; i++) {
    const from = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i);
    const to = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i + 1);
    const intervals = parsed.getOpenIntervals(from, to).map(([start, end]) => {
      const endsAtMidnight = end.getTime() === to.getTime();
      return [hhmm(start), endsAtMidnight ? '24:00' : hhmm(end)] as [string, string];
    });
    days.push({ weekday: from.getDay(), intervals });
  }
  return days;
}

function hhmm(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
