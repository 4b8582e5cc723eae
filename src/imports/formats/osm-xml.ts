import { isValidLonLat, type LonLat } from '../../domain/geo.ts';
import { type FormatReader, ImportFileError, type ImportRecord, type RecordGeometry } from '../record.ts';
import { centroid } from './centroid.ts';
import { childNamed, childrenNamed, decimal, parseSafeXml, setField, type XmlElement } from './safe-xml.ts';

/**
 * OpenStreetMap XML (`.osm`) as the OSM API, JOSM or Overpass (`out body;`, `out center;`, `out geom;`) write
 * it. Every tagged node, way and relation is a record with its tags as fields; untagged nodes only give ways
 * their shape. Ways import at their centre, relations only when Overpass gave their `<center>`.
 */
export const readOsmXml: FormatReader = async function* (bytes, limits) {
  const root = parseSafeXml(bytes, limits);
  if (root.name !== 'osm') {
    throw new ImportFileError('file', `is not OpenStreetMap XML (root element is <${root.name}>)`);
  }
  const nodes = new Map<string, LonLat>();
  for (const element of childrenNamed(root, 'node')) {
    const id = element.attrs.id;
    const position = lonLatOf(element);
    if (id !== undefined && position && !removed(element)) nodes.set(id, position);
  }
  for (const element of root.children) {
    if (!OBJECT_TYPES.has(element.name) || removed(element)) continue;
    const fields = tagsOf(element);
    if (Object.keys(fields).length === 0) continue;
    const id = element.attrs.id;
    const record: ImportRecord = {
      position: id ? `${element.name}/${id}` : `${element.name} without an id`,
      geometry: geometryOf(element, nodes),
      fields,
    };
    if (id) record.sourceId = `${element.name}/${id}`;
    yield record;
  }
};

const OBJECT_TYPES = new Set(['node', 'way', 'relation']);

/** Deleted in a JOSM file (`action="delete"`) or in history output (`visible="false"`): not a place. */
function removed(element: XmlElement): boolean {
  return element.attrs.action === 'delete' || element.attrs.visible === 'false';
}

function tagsOf(element: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const tag of childrenNamed(element, 'tag')) {
    const { k, v } = tag.attrs;
    if (k && v !== undefined) setField(fields, k, v);
  }
  return fields;
}

function geometryOf(element: XmlElement, nodes: ReadonlyMap<string, LonLat>): RecordGeometry {
  if (element.name === 'node') {
    const position = lonLatOf(element);
    if (position) return { kind: 'point', lon: position[0], lat: position[1] };
    const { lat = '', lon = '' } = element.attrs;
    return {
      kind: 'invalid',
      problem: `has no usable position (lat ${JSON.stringify(lat.slice(0, 30))}, lon ${JSON.stringify(lon.slice(0, 30))})`,
    };
  }
  const center = childNamed(element, 'center');
  const centre = center && lonLatOf(center);
  if (centre) return { kind: 'point', lon: centre[0], lat: centre[1] };
  if (element.name === 'relation') return { kind: 'skipped', what: 'other' };
  // `out geom;` puts coordinates on each <nd>; otherwise the nodes must be elsewhere in the file.
  const shape: LonLat[] = [];
  for (const nd of childrenNamed(element, 'nd')) {
    const position = lonLatOf(nd) ?? (nd.attrs.ref === undefined ? undefined : nodes.get(nd.attrs.ref));
    if (position) shape.push(position);
  }
  const middle = centroid(shape);
  if (!middle) return { kind: 'invalid', problem: 'none of its nodes is in the file' };
  return { kind: 'point', lon: middle[0], lat: middle[1] };
}

/** The `lat` and `lon` attributes as a position, or undefined when they are missing or not a position. */
function lonLatOf(element: XmlElement): LonLat | undefined {
  const lat = decimal(element.attrs.lat ?? '');
  const lon = decimal(element.attrs.lon ?? '');
  return lat !== undefined && lon !== undefined && isValidLonLat(lon, lat) ? [lon, lat] : undefined;
}
