import { describe, expect, it } from 'vitest';
import { checkHours, hoursStatus, weekSchedule } from '../../src/domain/hours.ts';

const BELGRADE = 'Europe/Belgrade';

describe('opening hours', () => {
  it('accepts valid OpenStreetMap syntax and explains invalid values', () => {
    expect(checkHours('Mo-Fr 09:00-22:00; Sa 10:00-20:00').ok).toBe(true);
    const bad = checkHours('Mo-Fx 9-22');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toMatch(/opening_hours/);
    expect(checkHours('   ').ok).toBe(false);
  });

  it('is open at noon on a weekday in Belgrade and says when it closes', () => {
    // 11:00 UTC is 12:00 in Belgrade in November (CET).
    const status = hoursStatus('Mo-Fr 09:00-22:00', new Date('2026-11-24T11:00:00Z'), BELGRADE);
    expect(status?.open).toBe(true);
    expect(status?.next).toMatchObject({ hour: 22, minute: 0, daysAhead: 0 });
  });

  it('uses the city time zone, not the server one: 21:30 UTC in summer is 23:30 in Belgrade', () => {
    const status = hoursStatus('Mo-Su 09:00-23:00', new Date('2026-07-01T21:30:00Z'), BELGRADE);
    expect(status?.open).toBe(false);
    expect(status?.next).toMatchObject({ hour: 9, minute: 0, daysAhead: 1 });
  });

  it('knows a Friday-night closing opens again on Monday', () => {
    const status = hoursStatus('Mo-Fr 09:00-18:00', new Date('2026-11-27T18:30:00Z'), BELGRADE);
    expect(status?.open).toBe(false);
    expect(status?.next).toMatchObject({ hour: 9, daysAhead: 3, weekday: 1 });
  });

  it('builds a Monday-first week table', () => {
    const week = weekSchedule(
      'Mo-Fr 09:00-18:00; Sa 10:00-14:00',
      new Date('2026-11-24T11:00:00Z'),
      BELGRADE,
    );
    expect(week?.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(week?.[0]?.intervals).toEqual([['09:00', '18:00']]);
    expect(week?.[5]?.intervals).toEqual([['10:00', '14:00']]);
    expect(week?.[6]?.intervals).toEqual([]);
  });
});
