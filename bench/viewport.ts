import { viewportClusters } from '../src/usecases/viewport-clusters.ts';
import type { Target } from './lib/datasets.ts';
import { type Summary, timeCalls, timeOnce } from './lib/stats.ts';
import type { Viewport } from './lib/viewports.ts';
import { type Workload, ZOOMS } from './lib/workload.ts';

export interface ViewportResult {
  /** The first request: reads every point from storage and builds the unfiltered cluster index. */
  buildMs: number;
  byZoom: Map<number, Summary & { features: number }>;
}

/** `viewportClusters` (what GET /api/v1/clusters runs) at each zoom, without filters. */
export async function benchViewport(target: Target, workload: Workload): Promise<ViewportResult> {
  const first = (workload.viewports.get(13) as Viewport[])[0] as Viewport;
  const { ms: buildMs } = await timeOnce(() => viewportClusters(target.ctx, first));
  const byZoom = new Map<number, Summary & { features: number }>();
  for (const zoom of ZOOMS) {
    const viewports = workload.viewports.get(zoom) as Viewport[];
    let features = 0;
    const summary = await timeCalls(async (i) => {
      const result = await viewportClusters(target.ctx, viewports[i % viewports.length] as Viewport);
      features += result.length;
    });
    byZoom.set(zoom, { ...summary, features: features / viewports.length });
  }
  return { buildMs, byZoom };
}
