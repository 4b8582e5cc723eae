import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { isValidLonLat } from '../../domain/geo.ts';
import { htmlToText } from '../html-to-text.ts';
import {
  type FormatReader,
  ImportFileError,
  type ImportRecord,
  type ReadLimits,
  type RecordGeometry,
} from '../record.ts';
import { checkFileSize } from './detect-format.ts';
import { childNamed, childrenNamed, decimal, parseSafeXml, setField, type XmlElement } from './safe-xml.ts';

/**
 * KML as Google My Maps exports it: a Document of Folders (one per layer) of Placemarks, shared Styles and
 * StyleMaps, HTML descriptions in CDATA and the layer's data columns in ExtendedData. Points are read;
 * lines (My Maps directions) and polygons are counted as skipped.
 */
export const readKml: FormatReader = async function* (bytes, limits) {
  yield* kmlRecords(kmlDocument(parseSafeXml(bytes, limits)));
};

/** A KMZ: a ZIP archive with the KML at its root (`doc.kml`), read with the same limits as a KML file. */
export const readKmz: FormatReader = async function* (bytes, limits) {
  const entry = kmlEntry(bytes, limits);
  let root: XmlElement;
  try {
    root = kmlDocument(parseSafeXml(inflateEntry(bytes, entry, limits), limits));
  } catch (error) {
    throw inEntry(error, entry.name);
  }
  yield* kmlRecords(root);
};

function kmlDocument(root: XmlElement): XmlElement {
  if (root.name !== 'kml') {
    throw new ImportFileError('file', `is not a KML document (root element is <${root.name}>)`);
  }
  return root;
}

function* kmlRecords(root: XmlElement): Generator<ImportRecord> {
  const styles = new Map<string, XmlElement>();
  collectStyles(root, styles);
  let number = 0;
  for (const { placemark, layer } of placemarks(root, undefined)) {
    number++;
    yield placemarkRecord(placemark, number, layer, styles);
  }
}

/** Placemarks in file order with the name of the innermost named Folder around them. */
function* placemarks(
  container: XmlElement,
  layer: string | undefined,
): Generator<{ placemark: XmlElement; layer: string | undefined }> {
  for (const child of container.children) {
    if (child.name === 'Placemark') yield { placemark: child, layer };
    else if (child.name === 'Document') yield* placemarks(child, layer);
    else if (child.name === 'Folder') yield* placemarks(child, textOf(child, 'name') || layer);
  }
}

function placemarkRecord(
  placemark: XmlElement,
  number: number,
  layer: string | undefined,
  styles: ReadonlyMap<string, XmlElement>,
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
  const style = styleUrl && resolveStyle(styleUrl, styles);
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

/** Every Style and StyleMap with an id, wherever it is (My Maps puts them in the Document). */
function collectStyles(element: XmlElement, styles: Map<string, XmlElement>): void {
  for (const child of element.children) {
    const id = child.attrs.id;
    if ((child.name === 'Style' || child.name === 'StyleMap') && id && !styles.has(id)) styles.set(id, child);
    else collectStyles(child, styles);
  }
}

/** Longest StyleMap → StyleMap chain followed; a cycle ends there instead of looping. */
const MAX_STYLE_HOPS = 8;

/** The id of the Style a styleUrl shows: a StyleMap is followed through its `normal` pair. */
function resolveStyle(url: string, styles: ReadonlyMap<string, XmlElement>): string | undefined {
  let id = fragment(url);
  for (let hop = 0; hop < MAX_STYLE_HOPS && id; hop++) {
    const style = styles.get(id);
    if (style?.name !== 'StyleMap') return id;
    const normal = childrenNamed(style, 'Pair').find((pair) => textOf(pair, 'key') === 'normal');
    if (!normal) return id;
    const next = textOf(normal, 'styleUrl');
    // A pair may hold its Style inline instead of pointing at one.
    if (!next) return childNamed(normal, 'Style')?.attrs.id || id;
    id = fragment(next);
  }
  return id || undefined;
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

// ---------------------------------------------------------------------------------------------------------
// KMZ: the archive is listed from its central directory, then only the KML entry is inflated, as a stream.

interface ZipEntry {
  name: string;
  /** The uncompressed size the archive declares; a zip bomb may lie about it, so inflating also counts. */
  declaredSize: number;
}

/** Compressed bytes pushed to the inflater at a time: DEFLATE expands at most ~1032×, so 4 KB → ~4 MB. */
const INFLATE_CHUNK = 4096;

function kmlEntry(bytes: Uint8Array, limits: ReadLimits): ZipEntry {
  checkFileSize(bytes, limits);
  const zip =
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    bytes[3] === bytes[2] + 1;
  if (!zip) throw new ImportFileError('file', 'is not a KMZ (ZIP) archive');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: ({ name, originalSize }) => {
        if (entries.length === limits.maxZipEntries) {
          throw new ImportFileError('file', `has more than ${limits.maxZipEntries} entries`);
        }
        if (unsafeEntryName(name)) {
          throw new ImportFileError(
            'file',
            `has an entry named ${JSON.stringify(name.slice(0, 200))}, a path outside the archive`,
          );
        }
        if (names.has(name)) {
          throw new ImportFileError('file', `has two entries named ${JSON.stringify(name.slice(0, 200))}`);
        }
        names.add(name);
        entries.push({ name, declaredSize: originalSize });
        return false; // nothing is inflated while listing
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('file', 'is not a valid ZIP archive (its directory cannot be read)');
  }
  const atRoot = (entry: ZipEntry) => !entry.name.includes('/') && /\.kml$/i.test(entry.name);
  const entry = entries.find((e) => e.name === 'doc.kml') ?? entries.find(atRoot);
  if (!entry) {
    throw new ImportFileError(
      'file',
      'has no .kml file at the root of the archive (KMZ keeps it in doc.kml)',
    );
  }
  if (entry.declaredSize > limits.maxBytes) {
    throw new ImportFileError(
      entry.name,
      `is ${entry.declaredSize} bytes uncompressed, more than the ${limits.maxBytes} allowed`,
    );
  }
  return entry;
}

/** `..` segments, absolute paths, drive letters and backslashes: names that could write outside a folder. */
function unsafeEntryName(name: string): boolean {
  return (
    name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..')
  );
}

/** Inflates one entry, counting the bytes as they come and stopping as soon as they pass the limit. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limits: ReadLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  let started = false;
  let failure: ImportFileError | undefined;
  const unzip = new Unzip((file) => {
    if (file.name !== entry.name || started) return;
    started = true;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new ImportFileError('file', `cannot be decompressed (${error.message})`);
        return;
      }
      total += data.length;
      if (total > limits.maxBytes) {
        failure = new ImportFileError(
          'file',
          `inflates to more than the ${limits.maxBytes} bytes allowed (the archive says ${entry.declaredSize})`,
        );
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !done && !failure; at += INFLATE_CHUNK) {
      unzip.push(bytes.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= bytes.length);
    }
  } catch {
    failure ??= new ImportFileError('file', 'cannot be read from the archive (the ZIP is damaged)');
  }
  if (failure) throw failure;
  if (!done) throw new ImportFileError('file', 'cannot be read from the archive (the ZIP is damaged)');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Errors about the KML inside a KMZ name the entry: `doc.kml, line 3` instead of `line 3`. */
function inEntry(error: unknown, name: string): unknown {
  if (!(error instanceof ImportFileError)) return error;
  const where = error.where === 'file' ? name : `${name}, ${error.where}`;
  return new ImportFileError(where, error.problem);
}
