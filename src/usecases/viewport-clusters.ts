import type { BBox } from '../domain/geo.ts';
import { type Locale, pickText } from '../domain/locales.ts';
import type { AppContext } from './context.ts';
import { buildFilter } from './place-filter.ts';
import { placePath } from './present-place.ts';

export interface ViewportRequest {
  bbox: BBox;
  zoom: number;
  locale: Locale;
  categories?: string[];
  city?: string;
  neighbourhood?: string;
  languages?: string[];
  openNow?: boolean;
}

// Names are looked up for single places only up to this many; beyond it the map shows dots without names.
const MAX_NAMED_POINTS = 1000;

/** Clusters and single places for one map viewport, with the same filters as the list. */
export async function viewportClusters(ctx: AppContext, request: ViewportRequest) {
  const { bbox, zoom, locale, ...filters } = request;
  const filter = await buildFilter(ctx, filters);
  const features = await ctx.clusters.clusters(filter, bbox, zoom);
  const pointIds = features.flatMap((f) => (f.placeId !== undefined ? [f.placeId] : []));
  const places = pointIds.length <= MAX_NAMED_POINTS ? await ctx.storage.places.getMany(pointIds) : [];
  const byId = new Map(places.map((p) => [p.id, p]));
  return features.map((f) => {
    const geometry = { type: 'Point' as const, coordinates: [f.lon, f.lat] };
    if (f.cluster) {
      return {
        type: 'Feature' as const,
        geometry,
        properties: {
          cluster: true,
          cluster_id: f.cluster.id,
          point_count: f.cluster.count,
          expansion_zoom: f.cluster.expansionZoom,
        },
      };
    }
    const place = f.placeId !== undefined ? byId.get(f.placeId) : undefined;
    const category = ctx.taxonomy.category(f.category ?? '');
    const name = place ? pickText(place.names, locale, place.originalLocale) : undefined;
    return {
      type: 'Feature' as const,
      geometry,
      properties: {
        cluster: false,
        id: f.placeId ?? 0,
        ...(place && name !== undefined ? { name, url: placePath(place) } : {}),
        category: f.category ?? '',
        color: category?.color ?? '#4a5568',
      },
    };
  });
}
