import { hoursStatus } from '../domain/hours.ts';
import type { Storage } from '../storage/repositories.ts';
import type { DataVersion } from './data-version.ts';

const MAX_CACHE_MS = 60_000;

/**
 * Which hours patterns are open at a moment. Places share few distinct `opening_hours` values, so "open now"
 * evaluates each distinct value once and filters places by pattern id — the same in SQL and in memory.
 * The answer is kept until the first pattern changes state (at most a minute).
 */
export class OpenNow {
  private cached: { ids: number[]; from: number; until: number; version: number } | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly dataVersion: DataVersion,
    private readonly timeZone: string,
  ) {}

  async openHoursIds(now: Date): Promise<number[]> {
    const at = now.getTime();
    const version = await this.dataVersion.current();
    const cached = this.cached;
    if (cached && cached.version === version && at >= cached.from && at < cached.until) return cached.ids;
    const patterns = await this.storage.places.hoursPatterns();
    const ids: number[] = [];
    let until = at + MAX_CACHE_MS;
    for (const pattern of patterns) {
      const status = hoursStatus(pattern.value, now, this.timeZone);
      if (!status) continue;
      if (status.open && !status.unknown) ids.push(pattern.id);
      if (status.next) {
        const minutesToNext = status.next.daysAhead * 1440 + status.next.hour * 60 + status.next.minute;
        const clock = now;
        const changeAt = wallMinutesToInstant(clock, this.timeZone, minutesToNext);
        until = Math.min(until, changeAt);
      }
    }
    this.cached = { ids, from: at, until, version };
    return ids;
  }
}

/** The instant of "today's midnight + minutes" on the city's wall clock, within a minute (good enough for caching). */
function wallMinutesToInstant(now: Date, timeZone: string, minutesFromMidnight: number): number {
  const local = new Date(now.toLocaleString('en-US', { timeZone }));
  const offsetMs = local.getTime() - now.getTime();
  const midnight = new Date(local.getFullYear(), local.getMonth(), local.getDate()).getTime();
  return midnight + minutesFromMidnight * 60_000 - offsetMs;
}
