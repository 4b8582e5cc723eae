import Supercluster from 'supercluster';
import type { PlacePoint } from '../src/storage/repositories.ts';
import { type Summary, timeCalls, timeOnce } from './lib/stats.ts';
import type { Viewport } from './lib/viewports.ts';
import { type Workload, ZOOMS } from './lib/workload.ts';

/** The reference: plain supercluster over the same points, in memory, with the options ClusterIndex uses. */
export interface SuperclusterReference {
  loadMs: number;
  byZoom: Map<number, Summary & { features: number }>;
}

// Same as src/search/cluster-index.ts, so the two cluster the same way.
const OPTIONS = { radius: 60, maxZoom: 17 };

export async function benchSupercluster(workload: Workload): Promise<SuperclusterReference> {
  const features = workload.points.map((p: PlacePoint, i) => ({
    type: 'Feature' as const,
    properties: { i },
    geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
  }));
  const { ms: loadMs, value: index } = await timeOnce(() => new Supercluster(OPTIONS).load(features));
  const byZoom = new Map<number, Summary & { features: number }>();
  for (const zoom of ZOOMS) {
    const viewports = workload.viewports.get(zoom) as Viewport[];
    let total = 0;
    const summary = await timeCalls((i) => {
      const { bbox } = viewports[i % viewports.length] as Viewport;
      total += index.getClusters([bbox.minLon, bbox.minLat, bbox.maxLon, bbox.maxLat], zoom).length;
    });
    byZoom.set(zoom, { ...summary, features: total / viewports.length });
  }
  return { loadMs, byZoom };
}
