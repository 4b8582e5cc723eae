import { describe, expect, it } from 'vitest';
import type { EventData } from '../../../src/domain/events/event.ts';
import {
  MAX_OCCURRENCES_PER_WINDOW,
  occurrencesBetween,
  recurrenceProblem,
  seriesBounds,
} from '../../../src/domain/events/occurrences.ts';

const BASE: EventData = {
  titles: { ru: 'Языковой обмен' },
  descriptions: {},
  originalLocale: 'ru',
  type: 'language-exchange',
  start: '2026-10-02T19:00',
  end: '2026-10-02T21:00',
  allDay: false,
  timeZone: 'Europe/Belgrade',
  rrule: null,
  exdates: [],
  city: 'belgrade',
  placeId: null,
  address: null,
  lon: null,
  lat: null,
  languages: ['ru', 'sr'],
  localsWelcome: true,
  bilingual: true,
  free: true,
  price: null,
  minAge: null,
  organiserUrl: null,
  status: 'scheduled',
  isDemo: false,
};
const event = (change: Partial<EventData>) => ({ ...BASE, ...change, id: 1 });
const iso = (dates: { start: Date }[]) => dates.map((o) => o.start.toISOString());

describe('event occurrences', () => {
  it('keeps a weekly series at 19:00 local across the end of summer time', () => {
    const weekly = event({ rrule: 'FREQ=WEEKLY;BYDAY=FR' });
    const got = occurrencesBetween(weekly, new Date('2026-10-20T00:00Z'), new Date('2026-11-03T00:00Z'));
    // 23 October is still summer time (UTC+2); 30 October is winter time (UTC+1).
    expect(iso(got)).toEqual(['2026-10-23T17:00:00.000Z', '2026-10-30T18:00:00.000Z']);
    expect(got.map((o) => o.localStart)).toEqual(['2026-10-23T19:00', '2026-10-30T19:00']);
    expect(got.every((o) => o.end.getTime() - o.start.getTime() === 2 * 3600_000)).toBe(true);
  });

  it('keeps local time when summer time begins, even for an occurrence running over the change', () => {
    const nightly = event({
      start: '2027-03-26T23:00',
      end: '2027-03-27T04:00',
      rrule: 'FREQ=DAILY;COUNT=3',
    });
    const got = occurrencesBetween(nightly, new Date('2027-03-26T00:00Z'), new Date('2027-03-30T00:00Z'));
    expect(iso(got)).toEqual([
      '2027-03-26T22:00:00.000Z',
      '2027-03-27T22:00:00.000Z',
      '2027-03-28T21:00:00.000Z',
    ]);
    // The night the clocks go forward is an hour shorter in real time, as it is on the wall.
    expect((got[1]?.end.getTime() ?? 0) - (got[1]?.start.getTime() ?? 0)).toBe(4 * 3600_000);
  });

  it('lands on the last day of every month, whatever its length', () => {
    const monthly = event({ start: '2027-01-31T18:00', end: null, rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' });
    const got = occurrencesBetween(monthly, new Date('2027-01-01T00:00Z'), new Date('2027-05-01T00:00Z'));
    expect(got.map((o) => o.localStart)).toEqual([
      '2027-01-31T18:00',
      '2027-02-28T18:00',
      '2027-03-31T18:00',
      '2027-04-30T18:00',
    ]);
  });

  it('skips the exceptions: every Friday at 19:00 except 1 January', () => {
    const fridays = event({
      start: '2026-12-18T19:00',
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      exdates: ['2027-01-01T19:00'],
    });
    const got = occurrencesBetween(fridays, new Date('2026-12-20T00:00Z'), new Date('2027-01-10T00:00Z'));
    expect(got.map((o) => o.localStart)).toEqual(['2026-12-25T19:00', '2027-01-08T19:00']);
  });

  it('expands an endless series only inside the window asked, never more than the cap', () => {
    const daily = event({ rrule: 'FREQ=DAILY' });
    expect(
      occurrencesBetween(daily, new Date('2030-06-01T00:00Z'), new Date('2030-06-08T00:00Z')),
    ).toHaveLength(7);
    const minutely = event({ rrule: 'FREQ=MINUTELY;INTERVAL=1' });
    expect(
      occurrencesBetween(minutely, new Date('2027-01-01T00:00Z'), new Date('2027-12-31T00:00Z')).length,
    ).toBeLessThanOrEqual(MAX_OCCURRENCES_PER_WINDOW);
    expect(seriesBounds(daily).last).toBeNull();
  });

  it('gives the series its real end when it has COUNT or UNTIL, and an all-day event its day', () => {
    expect(seriesBounds(event({ rrule: 'FREQ=WEEKLY;COUNT=3' })).last?.toISOString()).toBe(
      '2026-10-16T19:00:00.000Z',
    );
    const fair = event({ start: '2026-12-05', end: '2026-12-07', allDay: true });
    const [day] = occurrencesBetween(fair, new Date('2026-12-01T00:00Z'), new Date('2026-12-31T00:00Z'));
    expect([day?.start.toISOString(), day?.end.toISOString()]).toEqual([
      '2026-12-04T23:00:00.000Z',
      '2026-12-06T23:00:00.000Z',
    ]);
  });

  it('names what is wrong with a rule', () => {
    expect(recurrenceProblem('FREQ=WEEKLY;BYDAY=TH')).toBeNull();
    expect(recurrenceProblem('BYDAY=TH')).toMatch(/FREQ/);
    expect(recurrenceProblem('FREQ=SOMETIMES')).toMatch(/RRULE/);
    expect(recurrenceProblem('DTSTART:20260101T000000\nRRULE:FREQ=DAILY')).toMatch(/start field/);
  });
});
