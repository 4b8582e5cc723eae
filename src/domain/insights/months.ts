/**
 * Calendar months as `YYYY-MM` text: the insights count by month, and timestamps are stored as ISO text, so
 * a month is a prefix of every instant in it and months compare (and sort) as plain strings.
 */
export type Month = string;

const MONTH = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** `2025-03` (or a date such as `2025-03-14`, taken as its month); null when it is neither. */
export function parseMonth(text: string): Month | null {
  const match = MONTH.exec(text.trim());
  if (!match) return null;
  const [, year = '', month = '', day] = match;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day !== undefined) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) return null;
  }
  return `${year}-${month}`;
}

export function addMonths(month: Month, count: number): Month {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + count;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: Month, to: Month): number {
  const [fy = 0, fm = 1] = from.split('-').map(Number);
  const [ty = 0, tm = 1] = to.split('-').map(Number);
  return Math.max(0, ty * 12 + tm - (fy * 12 + fm) + 1);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  return Array.from({ length: monthCount(from, to) }, (_, i) => addMonths(from, i));
}

/** The month an instant falls in, on the wall calendar of a time zone. */
export function monthIn(instant: Date, timeZone: string): Month {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(
    instant,
  );
  const year = parts.find((p) => p.type === 'year')?.value ?? '1970';
  const month = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
}

/** The first instant of a month (UTC), for windows over stored UTC timestamps. */
export function monthStart(month: Month): Date {
  return new Date(`${month}-01T00:00:00Z`);
}
