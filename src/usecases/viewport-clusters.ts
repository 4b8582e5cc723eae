import type { BBox } from '../domain/geo.ts';
import type { AppContext } from './context.ts';
import { buildFilter } from './place-filter.ts';

export interface ViewportRequest {
  bbox: BBox;
  zoom: number;
  categories?: string[];
  city?: string;
  neighbourhood?: string;
  languages?: string[];
  openNow?: boolean;
  localsWelcome?: boolean;
}

/**
 * Clusters and single places for one map viewport, with the same filters as the list. Answered from memory
 * alone: single places carry their id, category and colour; a client that shows one asks for the place
 * itself (one cached read) instead of every viewport paying for names it rarely shows.
 */
export async function viewportClusters(ctx: AppContext, request: ViewportRequest) {
  const { bbox, zoom, ...filters } = request;
  const filter = await buildFilter(ctx, filters);
  const features = await ctx.clusters.clusters(filter, bbox, zoom);
  return features.map((f) => {
    const geometry = { type: 'Point' as const, coordinates: [f.lon, f.lat] };
    if (f.cluster) {
      return {
        type: 'Feature' as const,
        geometry,
        properties: { cluster: true, cluster_id: f.cluster.id, point_count: f.cluster.count },
      };
    }
    const category = f.category ?? '';
    return {
      type: 'Feature' as const,
      geometry,
      properties: {
        cluster: false,
        id: f.placeId ?? 0,
        category,
        color: ctx.taxonomy.category(category)?.color ?? '#4a5568',
      },
    };
  });
}
