import type { BBox } from '../../src/domain/geo.ts';
import type { PlacePoint } from '../../src/storage/repositories.ts';
import { mulberry32, pickFrom } from './prng.ts';

export interface Viewport {
  bbox: BBox;
  zoom: number;
}

/** The screen the viewports are sized for: a 1280×800 browser window. */
export const SCREEN = { width: 1280, height: 800 } as const;
// MapLibre's zoom counts 512-pixel tiles (so does supercluster's default extent).
const TILE_SIZE = 512;
export const CITIES = ['belgrade', 'novi-sad'] as const;

/** The box a `width`×`height` pixel map shows at `zoom` around a point (web mercator). */
export function viewportAround(lon: number, lat: number, zoom: number, screen = SCREEN): BBox {
  const world = TILE_SIZE * 2 ** zoom;
  const x = ((lon + 180) / 360) * world;
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  const toLon = (px: number) => (px / world) * 360 - 180;
  const toLat = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / world))) * 180) / Math.PI;
  return {
    minLon: toLon(x - screen.width / 2),
    maxLon: toLon(x + screen.width / 2),
    minLat: toLat(y + screen.height / 2),
    maxLat: toLat(y - screen.height / 2),
  };
}

/**
 * Viewport centres: Belgrade and Novi Sad in turn, each centred on a random place of that city with a jitter
 * of up to ±500 m. Centring on places (not on uniform points of the city's bounds) weights the viewports the
 * way people look at the map: where the places are, so the dense centres dominate, as they would in use.
 */
export function viewportCentres(
  points: readonly PlacePoint[],
  count: number,
  seed = 7,
): Array<[number, number]> {
  const random = mulberry32(seed);
  const byCity = CITIES.map((city) => points.filter((p) => p.city === city));
  const centres: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const inCity = byCity[i % byCity.length] ?? [];
    const place = pickFrom(random, inCity.length > 0 ? inCity : points);
    const jitterLon = ((random() - 0.5) * 1000) / 78_000; // ~78 km per degree of longitude at 45°N
    const jitterLat = ((random() - 0.5) * 1000) / 111_000;
    centres.push([place.lon + jitterLon, place.lat + jitterLat]);
  }
  return centres;
}

export function viewportsAt(centres: ReadonlyArray<readonly [number, number]>, zoom: number): Viewport[] {
  return centres.map(([lon, lat]) => ({ bbox: viewportAround(lon, lat, zoom), zoom }));
}

export function bboxParam(bbox: BBox): string {
  return [bbox.minLon, bbox.minLat, bbox.maxLon, bbox.maxLat].map((n) => n.toFixed(6)).join(',');
}
