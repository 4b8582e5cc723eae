import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import type { BBox } from '../domain/geo.ts';
import type { PlaceFilter, Storage } from '../storage/repositories.ts';
import type { DataVersion } from '../usecases/data-version.ts';
import { PointTable } from './point-table.ts';

export interface ClusterFeature {
  lon: number;
  lat: number;
  /** Set for a cluster. */
  cluster?: { id: number; count: number };
  /** Set for a single place. */
  placeId?: number;
  category?: string;
}

/** Only the filters the in-memory index understands; text search never reaches the cluster layer. */
export type ClusterFilter = Pick<
  PlaceFilter,
  'categories' | 'city' | 'neighbourhood' | 'languageMask' | 'hoursIds' | 'localsWelcome'
>;

interface Options {
  /** How many filtered cluster indexes to keep (each distinct filter combination builds one). */
  cacheSize: number;
}

type PointProps = { i: number };

/**
 * Server-side clustering for any viewport at a million places: supercluster over a typed-array copy of the
 * active places, one index per filter combination (LRU), rebuilt when the shared data version moves on.
 * Clustering on the server keeps the browser's download small whatever the zoom; the whole table costs
 * ~30 MB per process, and every process stays stateless because it rebuilds from the database.
 */
export class ClusterIndex {
  private table: PointTable | null = null;
  private version = -1;
  private loading: Promise<void> | null = null;
  private readonly indexes = new Map<string, Supercluster<PointProps>>();
  private readonly options: Options;

  constructor(
    private readonly storage: Storage,
    private readonly dataVersion: DataVersion,
    options: Partial<Options> = {},
  ) {
    this.options = { cacheSize: 24, ...options };
  }

  async clusters(filter: ClusterFilter, bbox: BBox, zoom: number): Promise<ClusterFeature[]> {
    const table = await this.current();
    const index = this.indexFor(table, filter);
    const features = index.getClusters(
      [bbox.minLon, bbox.minLat, bbox.maxLon, bbox.maxLat],
      Math.floor(zoom),
    );
    return features.map((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as Partial<ClusterProperties> & Partial<PointProps>;
      if (props.cluster && props.cluster_id !== undefined) {
        return {
          lon,
          lat,
          cluster: { id: props.cluster_id, count: props.point_count ?? 0 },
        };
      }
      const i = props.i ?? 0;
      return { lon, lat, placeId: table.ids[i] ?? 0, category: table.slugs[table.category[i] ?? 0] ?? '' };
    });
  }

  private async current(): Promise<PointTable> {
    const version = await this.dataVersion.current();
    if (this.table && version === this.version) return this.table;
    if (!this.loading) {
      this.loading = this.load(version).finally(() => {
        this.loading = null;
      });
    }
    // Serve the previous table while a newer one loads; wait only when there is none yet.
    if (this.table) return this.table;
    await this.loading;
    return this.table as unknown as PointTable;
  }

  private async load(version: number): Promise<void> {
    const points = [];
    for await (const batch of this.storage.places.points()) points.push(...batch);
    this.table = new PointTable(points);
    this.version = version;
    this.indexes.clear();
  }

  private indexFor(table: PointTable, filter: ClusterFilter): Supercluster<PointProps> {
    const key = JSON.stringify([
      filter.categories ?? null,
      filter.city ?? null,
      filter.neighbourhood ?? null,
      filter.languageMask ?? null,
      filter.hoursIds ?? null,
      filter.localsWelcome ?? false,
    ]);
    const cached = this.indexes.get(key);
    if (cached) {
      this.indexes.delete(key);
      this.indexes.set(key, cached);
      return cached;
    }
    const index = new Supercluster<PointProps>({ radius: 60, maxZoom: 17 });
    index.load(this.select(table, filter));
    this.indexes.set(key, index);
    if (this.indexes.size > this.options.cacheSize) {
      const oldest = this.indexes.keys().next().value;
      if (oldest !== undefined) this.indexes.delete(oldest);
    }
    return index;
  }

  private select(table: PointTable, filter: ClusterFilter): Array<PointFeature<PointProps>> {
    const categories = filter.categories ? new Set(filter.categories.map((s) => table.slugId(s))) : null;
    const city = filter.city ? table.slugId(filter.city) : null;
    const neighbourhood = filter.neighbourhood ? table.slugId(filter.neighbourhood) : null;
    const mask = filter.languageMask ?? 0;
    const hours = filter.hoursIds ? new Set(filter.hoursIds) : null;
    const out: Array<PointFeature<PointProps>> = [];
    for (let i = 0; i < table.size; i++) {
      if (categories && !categories.has(table.category[i] as number)) continue;
      if (city !== null && table.city[i] !== city) continue;
      if (neighbourhood !== null && table.neighbourhood[i] !== neighbourhood) continue;
      if (mask && ((table.languageMask[i] as number) & mask) === 0) continue;
      if (hours && !hours.has(table.hoursId[i] as number)) continue;
      if (filter.localsWelcome && table.localsWelcome[i] !== 1) continue;
      out.push({
        type: 'Feature',
        properties: { i },
        geometry: { type: 'Point', coordinates: [table.lon[i] as number, table.lat[i] as number] },
      });
    }
    return out;
  }
}
