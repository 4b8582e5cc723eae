import { isValidLonLat, type LonLat } from '../../domain/geo.ts';
import {
  type FormatReader,
  ImportFileError,
  type ImportRecord,
  type ReadLimits,
  type RecordGeometry,
} from '../record.ts';
import { multiPolygonCentroid, polygonCentroid } from './centroid.ts';
import { binaryContent, checkFileSize, decodeUtf8, lineAndColumn } from './detect-format.ts';
import { setField } from './safe-xml.ts';

/**
 * GeoJSON (RFC 7946): a FeatureCollection or a single Feature, strict UTF-8. Points import as they are;
 * polygons only when they are OSM ways or relations (an Overpass turbo export), at their centroid.
 */
export const readGeoJson: FormatReader = async function* (bytes, limits) {
  const root = readJsonFile(bytes, limits);
  const features = featuresOf(root);
  for (let i = 0; i < features.length; i++) yield featureRecord(features[i], i + 1);
};

function featuresOf(root: unknown): unknown[] {
  if (isJsonObject(root) && root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features))
      throw new ImportFileError('file', 'is a FeatureCollection without a "features" array');
    return root.features;
  }
  if (isJsonObject(root) && root.type === 'Feature') return [root];
  const found = Array.isArray(root)
    ? 'an array'
    : isJsonObject(root)
      ? typeof root.type === 'string'
        ? `an object of type "${root.type.slice(0, 40)}"`
        : 'an object without a "type"'
      : `a ${root === null ? 'null' : typeof root}`;
  throw new ImportFileError(
    'file',
    `is not GeoJSON Kvartal can import: expected a FeatureCollection or a Feature, found ${found}`,
  );
}

function featureRecord(feature: unknown, index: number): ImportRecord {
  const position = `feature ${index}`;
  if (!isJsonObject(feature) || feature.type !== 'Feature') {
    return { position, geometry: { kind: 'invalid', problem: 'is not a GeoJSON Feature' }, fields: {} };
  }
  const properties = isJsonObject(feature.properties) ? feature.properties : {};
  const sourceId = [feature.id, properties['@id'], properties.id]
    .map(scalarText)
    .find((id) => id !== undefined && id !== '');
  const record: ImportRecord = {
    position,
    geometry: geometryOf(feature.geometry, sourceId),
    fields: flatten(properties),
  };
  if (sourceId !== undefined) record.sourceId = sourceId;
  return record;
}

/** Properties as text fields: scalars as text, lists of scalars joined with `;` (OSM's separator). */
function flatten(properties: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'id' || key === '@id') continue;
    const text = Array.isArray(value) ? listText(value) : scalarText(value);
    if (text !== undefined && text !== '') setField(fields, key, text);
  }
  return fields;
}

function listText(values: unknown[]): string | undefined {
  const texts = values.map(scalarText);
  if (texts.some((text) => text === undefined)) return undefined;
  return texts.filter((text) => text !== '').join(';');
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function geometryOf(geometry: unknown, sourceId: string | undefined): RecordGeometry {
  if (geometry === null || geometry === undefined) return { kind: 'invalid', problem: 'has no geometry' };
  if (!isJsonObject(geometry)) return { kind: 'invalid', problem: 'has a geometry that is not an object' };
  const { type, coordinates } = geometry;
  const isOsmArea = sourceId !== undefined && /^(way|relation)\//.test(sourceId);
  switch (type) {
    case 'Point':
      return pointGeometry(coordinates);
    case 'MultiPoint':
      return Array.isArray(coordinates) && coordinates.length > 0
        ? pointGeometry(coordinates[0])
        : { kind: 'invalid', problem: 'has a MultiPoint with no points' };
    case 'Polygon':
    case 'MultiPolygon': {
      if (!isOsmArea) return { kind: 'skipped', what: 'polygon' };
      const rings = type === 'Polygon' ? polygon(coordinates) : undefined;
      const polygons = type === 'MultiPolygon' ? multiPolygon(coordinates) : undefined;
      const centre = rings ? polygonCentroid(rings) : polygons && multiPolygonCentroid(polygons);
      return centre
        ? checkedPoint(centre, `the centroid of its ${type}`)
        : { kind: 'invalid', problem: `has a ${type} with malformed coordinates` };
    }
    case 'LineString':
    case 'MultiLineString':
      return { kind: 'skipped', what: 'line' };
    case 'GeometryCollection':
      return { kind: 'skipped', what: 'other' };
    default:
      return {
        kind: 'invalid',
        problem: `has an unknown geometry type ${String(JSON.stringify(type)).slice(0, 60)}`,
      };
  }
}

function pointGeometry(coordinates: unknown): RecordGeometry {
  const point = position(coordinates);
  return point
    ? checkedPoint(point, 'its point')
    : { kind: 'invalid', problem: 'has a point with malformed coordinates' };
}

function checkedPoint([lon, lat]: LonLat, what: string): RecordGeometry {
  if (isValidLonLat(lon, lat)) return { kind: 'point', lon, lat };
  return {
    kind: 'invalid',
    problem: `has ${what} at [${lon}, ${lat}], out of range (GeoJSON orders coordinates [longitude, latitude])`,
  };
}

/** A GeoJSON position as a LonLat tuple (an altitude is dropped), or undefined when malformed. */
function position(value: unknown): LonLat | undefined {
  if (!Array.isArray(value)) return undefined;
  const [lon, lat] = value;
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : undefined;
}

/** Every item of an array converted, or undefined when the value is not an array or an item is malformed. */
function listOf<T>(value: unknown, item: (value: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: T[] = [];
  for (const element of value) {
    const converted = item(element);
    if (converted === undefined) return undefined;
    items.push(converted);
  }
  return items;
}

const ring = (value: unknown) => listOf(value, position);
const polygon = (value: unknown) => listOf(value, ring);
const multiPolygon = (value: unknown) => listOf(value, polygon);

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// Reading a JSON file, shared with the Overpass JSON reader.

/**
 * Parses a JSON import file: size-capped, strict UTF-8 (a BOM is allowed), and syntax errors located by
 * line and column, which JSON.parse does not always give.
 */
export function readJsonFile(bytes: Uint8Array, limits: ReadLimits): unknown {
  checkFileSize(bytes, limits);
  const binary = binaryContent(bytes);
  if (binary) throw new ImportFileError('file', `is not a text file: ${binary}`);
  const text = decodeUtf8(bytes, 'JSON files must be UTF-8');
  if (text.trim() === '') throw new ImportFileError('file', 'is empty');
  try {
    return JSON.parse(text);
  } catch {
    const error = jsonSyntaxError(text) ?? { index: 0, expected: 'valid JSON' };
    const { line, column } = lineAndColumn(text, error.index);
    const found =
      error.index < text.length ? JSON.stringify(text.charAt(error.index)) : 'the end of the file';
    throw new ImportFileError(
      `line ${line}, column ${column}`,
      `is not valid JSON: expected ${error.expected}, found ${found}`,
    );
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/**
 * Where JSON syntax first goes wrong and what was expected there; undefined for valid JSON. A linear scan
 * with an explicit stack, so hostile nesting cannot overflow the call stack.
 */
function jsonSyntaxError(text: string): { index: number; expected: string } | undefined {
  const stack: string[] = [];
  let i = skipSpace(text, 0);
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    if (state === 'key') {
      if (text.charAt(i) !== '"') return { index: i, expected: 'a property name in double quotes' };
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return end;
      i = skipSpace(text, end);
      if (text.charAt(i) !== ':') return { index: i, expected: "':'" };
      i = skipSpace(text, i + 1);
      state = 'value';
      continue;
    }
    if (state === 'value') {
      const c = text.charAt(i);
      if (c === '{' || c === '[') {
        i = skipSpace(text, i + 1);
        const close = c === '{' ? '}' : ']';
        if (text.charAt(i) === close) {
          i = skipSpace(text, i + 1);
          state = 'after';
        } else {
          stack.push(close);
          state = c === '{' ? 'key' : 'value';
        }
        continue;
      }
      let end: number | { index: number; expected: string } | undefined;
      if (c === '"') end = stringEnd(text, i);
      else if (LITERALS.some((literal) => text.startsWith(literal, i))) end = i + (c === 'f' ? 5 : 4);
      else {
        NUMBER.lastIndex = i;
        end = NUMBER.test(text) ? NUMBER.lastIndex : undefined;
      }
      if (end === undefined) return { index: i, expected: 'a value' };
      if (typeof end !== 'number') return end;
      i = skipSpace(text, end);
      state = 'after';
      continue;
    }
    const close = stack[stack.length - 1];
    const c = text.charAt(i);
    if (close === undefined)
      return i === text.length ? undefined : { index: i, expected: 'the end of the file' };
    if (c === close) {
      stack.pop();
      i = skipSpace(text, i + 1);
    } else if (c === ',') {
      i = skipSpace(text, i + 1);
      state = close === '}' ? 'key' : 'value';
    } else {
      return { index: i, expected: `',' or '${close}'` };
    }
  }
}

/** The index after a string starting at `start` (a quote), or where it goes wrong. */
function stringEnd(text: string, start: number): number | { index: number; expected: string } {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { index: i, expected: 'no control characters inside a string' };
    if (code === 0x5c) {
      const escaped = text.charAt(i + 1);
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { index: i, expected: 'a \\uXXXX escape' };
        i += 5;
      } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') {
        i++;
      } else {
        return { index: i, expected: 'a valid escape' };
      }
    }
  }
  return { index: text.length, expected: "a closing '\"'" };
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    i++;
  }
}
