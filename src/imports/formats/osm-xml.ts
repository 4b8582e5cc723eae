import { Buffer } from 'node:buffer';
import { isValidLonLat, type LonLat } from '../../domain/geo.ts';
import { type FormatReader, ImportFileError, type ImportRecord, type RecordGeometry } from '../record.ts';
import { centroid } from './centroid.ts';
import { decimal, readXmlInPasses, setField, type XmlHandler } from './safe-xml.ts';
import {
  childNamed,
  childrenNamed,
  ElementCapture,
  type XmlAttributes,
  type XmlElement,
} from './xml-stream.ts';

/**
 * OpenStreetMap XML (`.osm`) as the OSM API, JOSM or Overpass (`out body;`, `out center;`, `out geom;`) write
 * it. Every tagged node, way and relation is a record with its tags as fields; untagged nodes only give ways
 * their shape. Ways import at their centre, relations only when Overpass gave their `<center>`. Each object
 * is passed on as soon as its end tag is read; what stays in memory is the position of every node, which
 * the ways after it may need.
 */
export const readOsmXml: FormatReader = async function* (bytes, limits) {
  const nodes = new NodePositions();
  // Files list nodes before ways (the API, JOSM and Overpass all do); one that has a node after a way is
  // read twice, first for the node positions only, so a way's nodes are known wherever they are.
  yield* readXmlInPasses(bytes, limits, nodeAfterWay(bytes), {
    both: () => new OsmReader(nodes, 'nodes and records'),
    prepare: () => new OsmReader(nodes, 'nodes'),
    records: () => new OsmReader(nodes, 'records'),
  });
};

/**
 * Whether a node may follow a way: the last `<node` or `:node` (a prefixed name) after the first `<way` or
 * `:way`. Any text counts, so a mention in a comment only costs a second pass.
 */
function nodeAfterWay(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ways = [text.indexOf('<way'), text.indexOf(':way')].filter((at) => at !== -1);
  if (ways.length === 0) return false;
  return Math.max(text.lastIndexOf('<node'), text.lastIndexOf(':node')) > Math.min(...ways);
}

type OsmPass = 'nodes' | 'records' | 'nodes and records';

const OBJECT_TYPES = new Set(['node', 'way', 'relation']);

/** The objects directly inside `<osm>`, one at a time. */
class OsmReader implements XmlHandler<ImportRecord> {
  private readonly object = new ElementCapture();

  constructor(
    private readonly nodes: NodePositions,
    private readonly pass: OsmPass,
  ) {}

  open(name: string, attrs: XmlAttributes, depth: number): void {
    if (depth === 1 && name !== 'osm') {
      throw new ImportFileError('file', `is not OpenStreetMap XML (root element is <${name}>)`);
    }
    if (this.object.active) this.object.start(name, attrs);
    else if (depth === 2 && OBJECT_TYPES.has(name)) {
      if (name === 'node' && this.pass !== 'records') this.addNode(attrs);
      if (this.pass !== 'nodes') this.object.start(name, attrs);
    }
  }

  /** OSM XML keeps everything in attributes. */
  text(): void {}

  close(): ImportRecord | undefined {
    const element = this.object.active ? this.object.end() : undefined;
    return element && record(element, this.nodes);
  }

  private addNode(attrs: XmlAttributes): void {
    const position = lonLatOf(attrs);
    if (attrs.id !== undefined && position && !removed(attrs)) this.nodes.set(attrs.id, position);
  }
}

function record(element: XmlElement, nodes: NodePositions): ImportRecord | undefined {
  if (removed(element.attrs)) return undefined;
  const fields = tagsOf(element);
  if (Object.keys(fields).length === 0) return undefined;
  const id = element.attrs.id;
  const record: ImportRecord = {
    position: id ? `${element.name}/${id}` : `${element.name} without an id`,
    geometry: geometryOf(element, nodes),
    fields,
  };
  if (id) record.sourceId = `${element.name}/${id}`;
  return record;
}

/** Deleted in a JOSM file (`action="delete"`) or in history output (`visible="false"`): not a place. */
function removed(attrs: XmlAttributes): boolean {
  return attrs.action === 'delete' || attrs.visible === 'false';
}

function tagsOf(element: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const tag of childrenNamed(element, 'tag')) {
    const { k, v } = tag.attrs;
    if (k && v !== undefined) setField(fields, k, v);
  }
  return fields;
}

function geometryOf(element: XmlElement, nodes: NodePositions): RecordGeometry {
  if (element.name === 'node') {
    const position = lonLatOf(element.attrs);
    if (position) return { kind: 'point', lon: position[0], lat: position[1] };
    const { lat = '', lon = '' } = element.attrs;
    return {
      kind: 'invalid',
      problem: `has no usable position (lat ${JSON.stringify(lat.slice(0, 30))}, lon ${JSON.stringify(lon.slice(0, 30))})`,
    };
  }
  const center = childNamed(element, 'center');
  const centre = center && lonLatOf(center.attrs);
  if (centre) return { kind: 'point', lon: centre[0], lat: centre[1] };
  if (element.name === 'relation') return { kind: 'skipped', what: 'other' };
  // `out geom;` puts coordinates on each <nd>; otherwise the nodes must be elsewhere in the file.
  const shape: LonLat[] = [];
  for (const nd of childrenNamed(element, 'nd')) {
    const position = lonLatOf(nd.attrs) ?? (nd.attrs.ref === undefined ? undefined : nodes.get(nd.attrs.ref));
    if (position) shape.push(position);
  }
  const middle = centroid(shape);
  if (!middle) return { kind: 'invalid', problem: 'none of its nodes is in the file' };
  return { kind: 'point', lon: middle[0], lat: middle[1] };
}

/** The `lat` and `lon` attributes as a position, or undefined when they are missing or not a position. */
function lonLatOf(attrs: XmlAttributes): LonLat | undefined {
  const lat = decimal(attrs.lat ?? '');
  const lon = decimal(attrs.lon ?? '');
  return lat !== undefined && lon !== undefined && isValidLonLat(lon, lat) ? [lon, lat] : undefined;
}

/**
 * Node positions by id, packed two numbers a node in one growing array: a city's file has millions of
 * nodes, and a [lon, lat] array each would cost several times more.
 */
class NodePositions {
  private readonly slots = new Map<string, number>();
  private coordinates = new Float64Array(2 * 1024);

  set(id: string, [lon, lat]: LonLat): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(id, slot);
      if (2 * slot + 2 > this.coordinates.length) {
        const grown = new Float64Array(this.coordinates.length * 2);
        grown.set(this.coordinates);
        this.coordinates = grown;
      }
    }
    this.coordinates[2 * slot] = lon;
    this.coordinates[2 * slot + 1] = lat;
  }

  get(id: string): LonLat | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    return [this.coordinates[2 * slot] as number, this.coordinates[2 * slot + 1] as number];
  }
}
