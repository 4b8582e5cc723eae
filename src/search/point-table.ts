import type { PlacePoint } from '../storage/repositories.ts';

/**
 * Every active place as flat typed arrays (about 30 bytes a place): what the viewport and cluster queries
 * filter in memory. Slugs are interned to small integers so a filter is a few integer compares per place.
 */
export class PointTable {
  readonly size: number;
  readonly ids: Int32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly category: Uint16Array;
  readonly city: Uint16Array;
  readonly neighbourhood: Uint16Array;
  readonly languageMask: Uint32Array;
  readonly hoursId: Int32Array;
  readonly localsWelcome: Uint8Array;
  readonly slugs: string[] = [''];
  private readonly slugIds = new Map<string, number>([['', 0]]);

  constructor(points: PlacePoint[]) {
    const n = points.length;
    this.size = n;
    this.ids = new Int32Array(n);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.category = new Uint16Array(n);
    this.city = new Uint16Array(n);
    this.neighbourhood = new Uint16Array(n);
    this.languageMask = new Uint32Array(n);
    this.hoursId = new Int32Array(n);
    this.localsWelcome = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const p = points[i] as PlacePoint;
      this.ids[i] = p.id;
      this.lon[i] = p.lon;
      this.lat[i] = p.lat;
      this.category[i] = this.intern(p.category);
      this.city[i] = this.intern(p.city);
      this.neighbourhood[i] = this.intern(p.neighbourhood ?? '');
      this.languageMask[i] = p.languageMask;
      this.hoursId[i] = p.hoursId ?? -1;
      this.localsWelcome[i] = p.localsWelcome ? 1 : 0;
    }
  }

  /** The interned id of a slug, or -1 when no place uses it (so a filter on it matches nothing). */
  slugId(slug: string): number {
    return this.slugIds.get(slug) ?? -1;
  }

  private intern(slug: string): number {
    let id = this.slugIds.get(slug);
    if (id === undefined) {
      id = this.slugs.length;
      this.slugs.push(slug);
      this.slugIds.set(slug, id);
    }
    return id;
  }
}
