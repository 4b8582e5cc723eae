import type { LonLat } from '../../domain/geo.ts';

/**
 * Where an OSM way or area, or a GeoJSON polygon, is imported: the centre of its area. Computed on plain
 * lon/lat degrees, which is close enough at the size of a building or a park; the shoelace formula runs on
 * coordinates relative to the ring's first vertex so large longitudes do not cost precision.
 */

interface Moment {
  /** Unsigned area, in square degrees. */
  area: number;
  lon: number;
  lat: number;
}

/**
 * The centre of a closed ring's area (first and last vertex equal), or the mean of the vertices for an open
 * line or a ring with no area. Undefined for no vertices.
 */
export function centroid(points: readonly LonLat[]): LonLat | undefined {
  const moment = ringMoment(points);
  return moment ? [moment.lon, moment.lat] : vertexMean([points]);
}

/** The centre of a polygon's area: the first ring is the outer boundary, the others are holes. */
export function polygonCentroid(rings: readonly (readonly LonLat[])[]): LonLat | undefined {
  const moment = polygonMoment(rings);
  return moment ? [moment.lon, moment.lat] : vertexMean(rings.slice(0, 1));
}

/** The centre of several polygons, each weighted by its area (a MultiPolygon, an OSM multipolygon). */
export function multiPolygonCentroid(
  polygons: readonly (readonly (readonly LonLat[])[])[],
): LonLat | undefined {
  let area = 0;
  let lon = 0;
  let lat = 0;
  for (const rings of polygons) {
    const moment = polygonMoment(rings);
    if (!moment) continue;
    area += moment.area;
    lon += moment.lon * moment.area;
    lat += moment.lat * moment.area;
  }
  if (area > 0) return [lon / area, lat / area];
  return vertexMean(polygons.map((rings) => rings[0] ?? []));
}

function polygonMoment(rings: readonly (readonly LonLat[])[]): Moment | undefined {
  const [outer, ...holes] = rings;
  const moment = outer && ringMoment(outer);
  if (!moment) return undefined;
  let area = moment.area;
  let lon = moment.lon * moment.area;
  let lat = moment.lat * moment.area;
  for (const hole of holes) {
    const cut = ringMoment(hole);
    if (!cut) continue;
    area -= cut.area;
    lon -= cut.lon * cut.area;
    lat -= cut.lat * cut.area;
  }
  // Holes that cover the whole outer ring mean the rings are not what they claim; use the outer ring alone.
  return area > 0 ? { area, lon: lon / area, lat: lat / area } : moment;
}

function ringMoment(ring: readonly LonLat[]): Moment | undefined {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) return undefined;
  let twiceArea = 0;
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as LonLat;
    const b = ring[i + 1] as LonLat;
    const ax = a[0] - first[0];
    const ay = a[1] - first[1];
    const bx = b[0] - first[0];
    const by = b[1] - first[1];
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    lon += (ax + bx) * cross;
    lat += (ay + by) * cross;
  }
  if (twiceArea === 0) return undefined;
  // Clockwise and counter-clockwise rings give the same centre; the sign cancels in the division.
  return {
    area: Math.abs(twiceArea) / 2,
    lon: first[0] + lon / (3 * twiceArea),
    lat: first[1] + lat / (3 * twiceArea),
  };
}

/** The mean of the vertices, counting a ring's closing vertex once. */
function vertexMean(parts: readonly (readonly LonLat[])[]): LonLat | undefined {
  let count = 0;
  let lon = 0;
  let lat = 0;
  for (const part of parts) {
    const first = part[0];
    const last = part[part.length - 1];
    const closed = part.length > 1 && first && last && first[0] === last[0] && first[1] === last[1];
    const end = closed ? part.length - 1 : part.length;
    for (let i = 0; i < end; i++) {
      const point = part[i] as LonLat;
      lon += point[0];
      lat += point[1];
      count++;
    }
  }
  return count > 0 ? [lon / count, lat / count] : undefined;
}
