import type { PlaceData } from './place.ts';

// About 300 m in each direction at Serbia's latitudes (a degree of longitude is ~78.7 km at 45° N).
const CELL_LAT = 0.0027;
const CELL_LON = 0.0038;

/**
 * Where a home-based place (a tutor, a hairdresser working from home) is shown: the centre of the ~300 m
 * grid cell it lies in. Deterministic, so the same home always lands on the same spot (no averaging of
 * random jitter can reveal it), and a cell centre maps to itself.
 */
export function approximatePosition(lon: number, lat: number): { lon: number; lat: number } {
  const snap = (value: number, cell: number) => round7((Math.floor(value / cell) + 0.5) * cell);
  return { lon: snap(lon, CELL_LON), lat: snap(lat, CELL_LAT) };
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

/**
 * A place as the public may see it: a home-based place loses its exact position and street address. Every
 * public output (API, pages, map, exports) reads places through storage, which keeps only this view in the
 * public columns, so nothing can leak the exact one by forgetting to call this.
 */
export function publicView<T extends PlaceData>(place: T): T {
  if (!place.homeBased) return place;
  return { ...place, ...approximatePosition(place.lon, place.lat), address: null };
}
