import { isValidLonLat, type LonLat } from '../../domain/geo.ts';
import { type FormatReader, ImportFileError, type RecordGeometry } from '../record.ts';
import { centroid, multiPolygonCentroid } from './centroid.ts';
import { isJsonObject, readJsonFile } from './geojson.ts';
import { setField } from './safe-xml.ts';

/**
 * Overpass API JSON (`[out:json]`): every tagged node, way and relation is a record with its tags as fields.
 * Ways and relations import at the `center` of `out center`, else the centroid of `out geom`'s geometry,
 * else of `out bb`'s bounds, else of their nodes when the file has them (`>; out skel;`).
 */
export const readOverpassJson: FormatReader = async function* (bytes, limits) {
  const root = readJsonFile(bytes, limits);
  if (!isJsonObject(root) || !Array.isArray(root.elements)) {
    throw new ImportFileError('file', 'is not Overpass JSON: it has no "elements" array');
  }
  // Overpass answers a timed-out or out-of-memory query with whatever it had so far and a remark.
  if (typeof root.remark === 'string' && /error/i.test(root.remark)) {
    throw new ImportFileError('file', `is an incomplete Overpass result: ${root.remark.slice(0, 300)}`);
  }
  const elements: unknown[] = root.elements;
  const index = new ElementIndex(elements);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (!isJsonObject(element) || typeof element.type !== 'string' || !isId(element.id)) {
      yield {
        position: `element ${i + 1}`,
        geometry: { kind: 'invalid', problem: 'is not an OSM element' },
        fields: {},
      };
      continue;
    }
    const tags = element.tags;
    if (!isJsonObject(tags) || Object.keys(tags).length === 0) continue;
    const id = `${element.type}/${element.id}`;
    yield { position: id, sourceId: id, geometry: geometryOf(element, index), fields: tagFields(tags) };
  }
};

function tagFields(tags: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (typeof value === 'string' || typeof value === 'number') setField(fields, key, String(value));
  }
  return fields;
}

function geometryOf(element: Record<string, unknown>, index: ElementIndex): RecordGeometry {
  if (element.type === 'node') {
    const point = lonLat(element);
    return point ? checked(point, 'its coordinates') : { kind: 'invalid', problem: 'has no coordinates' };
  }
  if (element.type !== 'way' && element.type !== 'relation') return { kind: 'skipped', what: 'other' };
  const center = lonLat(element.center);
  if (center) return checked(center, 'its center');
  const shape = element.type === 'way' ? [lonLats(element.geometry)] : relationShape(element.members);
  if (shape.some((part) => part.length > 0)) return centreOf(shape, 'the centroid of its geometry');
  const bounds = boundsCentre(element.bounds);
  if (bounds) return checked(bounds, 'the centre of its bounds');
  const nodes = element.type === 'way' ? index.wayNodes(element.nodes) : index.relationNodes(element.members);
  if (nodes.length > 0) return centreOf([nodes], 'the centroid of its nodes');
  return {
    kind: 'invalid',
    problem: 'has no position: the file has no center, geometry or nodes for it (query with "out center;")',
  };
}

/** A relation's member geometries (`out geom`): its outer ways when it has them, else every member. */
function relationShape(members: unknown): LonLat[][] {
  if (!Array.isArray(members)) return [];
  const parts: { role: unknown; points: LonLat[] }[] = [];
  for (const member of members) {
    if (!isJsonObject(member)) continue;
    const point = lonLat(member);
    const points = point ? [point] : lonLats(member.geometry);
    if (points.length > 0) parts.push({ role: member.role, points });
  }
  const outer = parts.filter((part) => part.role === 'outer');
  return (outer.length > 0 ? outer : parts).map((part) => part.points);
}

/** Closed parts are areas, weighted by size; anything else is averaged vertex by vertex. */
function centreOf(parts: LonLat[][], what: string): RecordGeometry {
  const allClosed = parts.every((part) => isClosed(part));
  const centre = allClosed ? multiPolygonCentroid(parts.map((ring) => [ring])) : centroid(parts.flat());
  return centre ? checked(centre, what) : { kind: 'invalid', problem: `has no usable ${what}` };
}

function isClosed(points: readonly LonLat[]): boolean {
  const first = points[0];
  const last = points[points.length - 1];
  return (
    points.length >= 4 &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1]
  );
}

function checked([lon, lat]: LonLat, what: string): RecordGeometry {
  if (isValidLonLat(lon, lat)) return { kind: 'point', lon, lat };
  return { kind: 'invalid', problem: `has ${what} out of range: lat ${lat}, lon ${lon}` };
}

/** `{lat, lon}` as a LonLat tuple. */
function lonLat(value: unknown): LonLat | undefined {
  if (!isJsonObject(value) || typeof value.lat !== 'number' || typeof value.lon !== 'number')
    return undefined;
  return [value.lon, value.lat];
}

/** A list of `{lat, lon}`; `out geom(bbox)` leaves nulls for nodes outside the box, which are passed over. */
function lonLats(value: unknown): LonLat[] {
  if (!Array.isArray(value)) return [];
  return value.map(lonLat).filter((point) => point !== undefined);
}

function boundsCentre(bounds: unknown): LonLat | undefined {
  if (!isJsonObject(bounds)) return undefined;
  const { minlat, minlon, maxlat, maxlon } = bounds;
  if (typeof minlat !== 'number' || typeof minlon !== 'number') return undefined;
  if (typeof maxlat !== 'number' || typeof maxlon !== 'number') return undefined;
  return [(minlon + maxlon) / 2, (minlat + maxlat) / 2];
}

/** Node positions and way node lists by id, built on first use: only files without geometry need them. */
class ElementIndex {
  private nodes: Map<unknown, LonLat> | undefined;
  private ways: Map<unknown, unknown> | undefined;

  constructor(private readonly elements: readonly unknown[]) {}

  /** A way's nodes in order (a closed way's first node twice, so it reads as a ring). */
  wayNodes(refs: unknown): LonLat[] {
    const nodes = this.index().nodes;
    if (!Array.isArray(refs)) return [];
    return refs.map((ref) => nodes.get(ref)).filter((point) => point !== undefined);
  }

  /** A relation's member nodes and its member ways' nodes, each node once. */
  relationNodes(members: unknown): LonLat[] {
    const { nodes, ways } = this.index();
    if (!Array.isArray(members)) return [];
    const refs = new Set<unknown>();
    for (const member of members) {
      if (!isJsonObject(member)) continue;
      if (member.type === 'node') refs.add(member.ref);
      const wayRefs = member.type === 'way' ? ways.get(member.ref) : undefined;
      if (Array.isArray(wayRefs)) for (const ref of wayRefs) refs.add(ref);
    }
    return [...refs].map((ref) => nodes.get(ref)).filter((point) => point !== undefined);
  }

  private index(): { nodes: Map<unknown, LonLat>; ways: Map<unknown, unknown> } {
    if (!this.nodes || !this.ways) {
      this.nodes = new Map();
      this.ways = new Map();
      for (const element of this.elements) {
        if (!isJsonObject(element)) continue;
        const point = element.type === 'node' ? lonLat(element) : undefined;
        if (point) this.nodes.set(element.id, point);
        if (element.type === 'way') this.ways.set(element.id, element.nodes);
      }
    }
    return { nodes: this.nodes, ways: this.ways };
  }
}

function isId(value: unknown): boolean {
  return (
    (typeof value === 'number' && Number.isSafeInteger(value)) ||
    (typeof value === 'string' && /^\d+$/.test(value))
  );
}
