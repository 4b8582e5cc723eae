import type { PlacePoint, Storage } from '../../src/storage/repositories.ts';
import { mulberry32, pickFrom } from './prng.ts';
import { DEFAULT_TIMING } from './stats.ts';
import { type Viewport, viewportCentres, viewportsAt } from './viewports.ts';

export const ZOOMS = [10, 13, 16] as const;

/** The questions asked of every backend at one size: the same viewports and ids, so lines compare. */
export interface Workload {
  size: number;
  /** Active places, as the cluster index sees them. */
  points: PlacePoint[];
  viewports: Map<number, Viewport[]>;
  ids: number[];
  /** Every active id once, shuffled: requests that no cache has seen. */
  allIds: number[];
}

export async function buildWorkload(storage: Storage, size: number): Promise<Workload> {
  const points: PlacePoint[] = [];
  for await (const batch of storage.places.points()) for (const p of batch) points.push(p);
  const n = DEFAULT_TIMING.warmup + DEFAULT_TIMING.samples;
  const centres = viewportCentres(points, n);
  const random = mulberry32(11);
  // Enough distinct ids that HTTP runs (tens of thousands of requests) do not just hit one page of the cache.
  const ids = Array.from({ length: Math.max(n, 10_000) }, () => pickFrom(random, points).id);
  const allIds = points.map((p) => p.id);
  for (let i = allIds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [allIds[i], allIds[j]] = [allIds[j] as number, allIds[i] as number];
  }
  return { size, points, viewports: new Map(ZOOMS.map((z) => [z, viewportsAt(centres, z)])), ids, allIds };
}
