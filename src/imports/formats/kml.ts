import { Buffer } from 'node:buffer';
import { isValidLonLat } from '../../domain/geo.ts';
import { htmlToText } from '../html-to-text.ts';
import {
  type FormatReader,
  ImportFileError,
  type ImportRecord,
  type ReadLimits,
  type RecordGeometry,
} from '../record.ts';
import { decimal, readXmlInPasses, setField, type XmlHandler } from './safe-xml.ts';
import {
  childNamed,
  childrenNamed,
  ElementCapture,
  type XmlAttributes,
  type XmlElement,
} from './xml-stream.ts';

/**
 * KML as Google My Maps exports it: a Document of Folders (one per layer) of Placemarks, shared Styles and
 * StyleMaps, HTML descriptions in CDATA and the layer's data columns in ExtendedData. Points are read;
 * lines (My Maps directions) and polygons are counted as skipped. Each Placemark is passed on as soon as
 * its end tag is read.
 */
export const readKml: FormatReader = async function* (bytes, limits) {
  yield* kmlRecords(bytes, limits);
};

function* kmlRecords(bytes: Uint8Array, limits: ReadLimits): Generator<ImportRecord> {
  const styles = new StyleTable();
  // A Placemark's style is resolved when the Placemark ends, through the StyleMaps read by then. My Maps and
  // Google Earth declare them all before the first Placemark; a file that does not is read twice, first
  // for its styles only, so memory stays bounded by the styles instead of by held-back records.
  yield* readXmlInPasses(bytes, limits, styleMapAfterPlacemark(bytes), {
    both: () => new KmlReader(styles, 'styles and placemarks'),
    prepare: () => new KmlReader(styles, 'styles'),
    records: () => new KmlReader(styles, 'placemarks'),
  });
}

/**
 * Whether the bytes "StyleMap" follow the first "Placemark". If not, every StyleMap ends before any
 * Placemark starts. Any text counts, so a mention in a description only costs a second pass.
 */
function styleMapAfterPlacemark(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const placemark = text.indexOf('Placemark');
  return placemark !== -1 && text.indexOf('StyleMap', placemark) !== -1;
}

type KmlPass = 'styles' | 'placemarks' | 'styles and placemarks';

/** An element outside any Placemark. */
interface Scope {
  /** Whether Placemarks directly inside are read: the root, a Document or a Folder. */
  readonly container: boolean;
  /** The layer its Placemarks get: the innermost named Folder's name. */
  layer: string | undefined;
  /** Whether a name for the layer is still to come: a Folder's first `name`. */
  nameless: boolean;
}

const OTHER: Scope = Object.freeze({ container: false, layer: undefined, nameless: false });

/** Placemarks in file order with the layer of the innermost named Folder around them, one at a time. */
class KmlReader implements XmlHandler<ImportRecord> {
  private readonly scopes: Scope[] = [];
  /** A Placemark, or the name of the Folder on top of `scopes`, being gathered. */
  private readonly capture = new ElementCapture();
  private capturing: 'placemark' | 'folder name' = 'placemark';
  private placemarks = 0;

  constructor(
    private readonly styles: StyleTable,
    private readonly pass: KmlPass,
  ) {}

  open(name: string, attrs: XmlAttributes, depth: number): void {
    if (depth === 1 && name !== 'kml') {
      throw new ImportFileError('file', `is not a KML document (root element is <${name}>)`);
    }
    if (this.pass !== 'placemarks') this.styles.open(name, attrs);
    if (this.capture.active) {
      this.capture.start(name, attrs);
      return;
    }
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) this.scopes.push({ container: true, layer: undefined, nameless: false });
    else if (!scope.container) this.scopes.push(OTHER);
    else if (name === 'Placemark' && this.pass !== 'styles') this.gather('placemark', name, attrs);
    else if (name === 'Document') this.scopes.push({ container: true, layer: scope.layer, nameless: false });
    else if (name === 'Folder') this.scopes.push({ container: true, layer: scope.layer, nameless: true });
    else if (name === 'name' && scope.nameless) {
      scope.nameless = false;
      this.gather('folder name', name, attrs);
    } else this.scopes.push(OTHER);
  }

  text(text: string): void {
    if (this.pass !== 'placemarks') this.styles.text(text);
    if (this.capture.active) this.capture.text(text);
  }

  close(): ImportRecord | undefined {
    if (this.pass !== 'placemarks') this.styles.close();
    if (!this.capture.active) {
      this.scopes.pop();
      return undefined;
    }
    const element = this.capture.end();
    const scope = this.scopes[this.scopes.length - 1];
    if (!element || !scope) return undefined;
    if (this.capturing === 'folder name') {
      // A Folder's name comes before its Placemarks (the KML schema orders it so); a blank one keeps the
      // layer of the Folder around it.
      scope.layer = element.text.trim() || scope.layer;
      return undefined;
    }
    this.placemarks++;
    return placemarkRecord(element, this.placemarks, scope.layer, this.styles);
  }

  private gather(what: 'placemark' | 'folder name', name: string, attrs: XmlAttributes): void {
    this.capturing = what;
    this.capture.start(name, attrs);
  }
}

function placemarkRecord(
  placemark: XmlElement,
  number: number,
  layer: string | undefined,
  styles: StyleTable,
): ImportRecord {
  const name = textOf(placemark, 'name');
  const fields: Record<string, string> = {};
  if (name) fields.name = name;
  const description = htmlToText(childNamed(placemark, 'description')?.text ?? '');
  if (description) fields.description = description;
  // The Placemark's own name and description win over same-named data columns; otherwise the first wins.
  for (const [key, value] of extendedData(placemark)) {
    if (value && !Object.hasOwn(fields, key)) setField(fields, key, value);
  }
  const styleUrl = textOf(placemark, 'styleUrl');
  const style = styleUrl && styles.resolve(styleUrl);
  if (style) fields['kml:style'] = style;

  const record: ImportRecord = {
    position: name ? `placemark ${number} "${oneLine(name, 100)}"` : `placemark ${number}`,
    geometry: placemarkGeometry(placemark),
    fields,
  };
  const id = placemark.attrs.id?.trim();
  if (id) record.sourceId = id;
  if (layer) record.layer = layer;
  return record;
}

/** `<Data name><value>` (My Maps columns) and `<SchemaData><SimpleData name>` (GIS exports), trimmed. */
function* extendedData(placemark: XmlElement): Generator<[string, string]> {
  const extended = childNamed(placemark, 'ExtendedData');
  if (!extended) return;
  for (const data of childrenNamed(extended, 'Data')) {
    const key = data.attrs.name;
    if (key) yield [key, textOf(data, 'value')];
  }
  for (const schemaData of childrenNamed(extended, 'SchemaData')) {
    for (const simple of childrenNamed(schemaData, 'SimpleData')) {
      const key = simple.attrs.name;
      if (key) yield [key, simple.text.trim()];
    }
  }
}

const GEOMETRIES = new Set([
  'Point',
  'LineString',
  'LinearRing',
  'Polygon',
  'MultiGeometry',
  'Model',
  'Track',
  'MultiTrack',
]);

function placemarkGeometry(placemark: XmlElement): RecordGeometry {
  const geometry = placemark.children.find((child) => GEOMETRIES.has(child.name));
  if (!geometry) return { kind: 'invalid', problem: 'has no position' };
  switch (geometry.name) {
    case 'Point':
      return pointGeometry(geometry);
    case 'LineString':
    case 'LinearRing':
      return { kind: 'skipped', what: 'line' };
    case 'Polygon':
      return { kind: 'skipped', what: 'polygon' };
    case 'MultiGeometry': {
      const point = firstPoint(geometry);
      return point ? pointGeometry(point) : { kind: 'skipped', what: 'other' };
    }
    default:
      return { kind: 'skipped', what: 'other' };
  }
}

/** The first Point of a MultiGeometry, looking into nested ones. */
function firstPoint(multi: XmlElement): XmlElement | undefined {
  for (const child of multi.children) {
    if (child.name === 'Point') return child;
    const nested = child.name === 'MultiGeometry' ? firstPoint(child) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

/** `lon,lat[,alt]`, tolerant of whitespace around and inside the tuple. */
function pointGeometry(point: XmlElement): RecordGeometry {
  const raw = textOf(point, 'coordinates');
  if (!raw) return { kind: 'invalid', problem: 'has a Point without coordinates' };
  const shown = JSON.stringify(oneLine(raw, 60));
  const parts = raw.split(',').map(decimal);
  const [lon, lat, altitude] = parts;
  if (
    parts.length > 3 ||
    lon === undefined ||
    lat === undefined ||
    (parts.length === 3 && altitude === undefined)
  ) {
    return { kind: 'invalid', problem: `coordinates ${shown} are not lon,lat` };
  }
  if (!isValidLonLat(lon, lat)) {
    return {
      kind: 'invalid',
      problem: `coordinates ${shown} are out of range (lon −180…180, lat −90…90)`,
    };
  }
  return { kind: 'point', lon, lat };
}

/**
 * What resolving a styleUrl needs of a Style or StyleMap: a Style, or a StyleMap without a `normal` pair,
 * ends at its own id; a StyleMap's normal pair points on with a styleUrl, or holds a Style inline.
 */
type StyleEntry = 'end' | { readonly next: string; readonly inline: string | undefined };

/** Longest StyleMap → StyleMap chain followed; a cycle ends there instead of looping. */
const MAX_STYLE_HOPS = 8;

/**
 * Every Style and StyleMap with an id, wherever it is (My Maps puts them in the Document). The first of an
 * id wins, and the Styles inside one that is kept are not read.
 */
class StyleTable {
  private readonly entries = new Map<string, StyleEntry>();
  private readonly styleMap = new ElementCapture();
  private styleMapId = '';
  /** Elements open inside a kept Style. */
  private insideStyle = 0;

  open(name: string, attrs: XmlAttributes): void {
    if (this.styleMap.active) this.styleMap.start(name, attrs);
    else if (this.insideStyle > 0) this.insideStyle++;
    else if (name === 'Style' || name === 'StyleMap') {
      const id = attrs.id;
      if (!id || this.entries.has(id)) return;
      if (name === 'Style') {
        this.entries.set(id, 'end');
        this.insideStyle = 1;
      } else {
        this.styleMapId = id;
        this.styleMap.start(name, attrs);
      }
    }
  }

  text(text: string): void {
    if (this.styleMap.active) this.styleMap.text(text);
  }

  close(): void {
    if (this.styleMap.active) {
      const styleMap = this.styleMap.end();
      if (styleMap) this.entries.set(this.styleMapId, styleMapEntry(styleMap));
    } else if (this.insideStyle > 0) this.insideStyle--;
  }

  /** The id of the Style a styleUrl shows: a StyleMap is followed through its `normal` pair. */
  resolve(url: string): string | undefined {
    let id = fragment(url);
    for (let hop = 0; hop < MAX_STYLE_HOPS && id; hop++) {
      const entry = this.entries.get(id);
      if (entry === undefined || entry === 'end') return id;
      // A pair may hold its Style inline instead of pointing at one.
      if (!entry.next) return entry.inline || id;
      id = fragment(entry.next);
    }
    return id || undefined;
  }
}

function styleMapEntry(styleMap: XmlElement): StyleEntry {
  const normal = childrenNamed(styleMap, 'Pair').find((pair) => textOf(pair, 'key') === 'normal');
  if (!normal) return 'end';
  return { next: textOf(normal, 'styleUrl'), inline: childNamed(normal, 'Style')?.attrs.id };
}

/** `#icon-1899-0288D1` or `styles.kml#icon-1899-0288D1` → `icon-1899-0288D1`. */
function fragment(url: string): string {
  return url.slice(url.lastIndexOf('#') + 1).trim();
}

/** Text for a message: whitespace runs as one space, cut at `max` characters. */
function oneLine(text: string, max: number): string {
  const line = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The trimmed text of the first child called `name`, or '' when there is none. */
function textOf(element: XmlElement, name: string): string {
  return childNamed(element, name)?.text.trim() ?? '';
}
