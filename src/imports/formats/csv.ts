import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { isValidLonLat } from '../../domain/geo.ts';
import { aliasKey, canonicalField } from '../field-aliases.ts';
import { type FormatReader, ImportFileError, type ImportRecord, type RecordGeometry } from '../record.ts';
import { binaryContent, checkFileSize, decodeUtf8 } from './detect-format.ts';
import { setField } from './safe-xml.ts';

/** The encodings spreadsheets in the community's languages are saved in. */
export type CsvEncoding = 'utf-8' | 'windows-1251' | 'windows-1250';

export interface CsvOptions {
  /** Kvartal key → header in the file (`{ name: 'Заведение', lat: 'Ш' }`); wins over recognised headers. */
  columns?: Record<string, string>;
  /** The file's encoding when detection guesses wrong. */
  encoding?: CsvEncoding;
  /** The field delimiter when detection guesses wrong. */
  delimiter?: string;
}

/** Delimiters detected from the header line, in order of preference on a tie. */
const DELIMITERS = [',', ';', '\t', '|'];
/** Text is handed to the parser in pieces of this many characters, so a huge file is parsed as it streams. */
const CHUNK_CHARS = 64 * 1024;
/** How much of a file the encoding detector reads. */
const ENCODING_SAMPLE = 256 * 1024;

/**
 * A CSV (or TSV) reader: RFC 4180 quoting, the encoding and delimiter detected unless given, one record per
 * row with the header's texts as field names, coordinates from latitude/longitude columns or one
 * "lat, lon" column.
 */
export function csvReader(options: CsvOptions = {}): FormatReader {
  const { delimiter } = options;
  if (delimiter !== undefined && (delimiter === '' || /["\r\n]/.test(delimiter))) {
    throw new TypeError(
      `csvReader: ${JSON.stringify(delimiter)} cannot separate fields; give one like ";" or "\\t"`,
    );
  }
  return async function* readCsvFile(bytes, limits) {
    checkFileSize(bytes, limits);
    const binary = binaryContent(bytes);
    if (binary) throw new ImportFileError('file', `is not a text file: ${binary}`);
    const text = decode(bytes, options.encoding ?? detectEncoding(bytes)).replace(/\r\n?/g, '\n');
    if (text.trim() === '') throw new ImportFileError('file', 'is empty');
    // The parser reports where each record ends; where the next one starts is kept here as it parses. A
    // parse error destroys the stream before the records it buffered are read, so the failing record's line
    // is `parsedTo + 1`, and the start lines of buffered records wait in `starts` until they are read.
    let parsedTo = 0;
    const starts: number[] = [];
    const parser = Readable.from(chunks(text)).pipe(
      parse({
        delimiter: delimiter ?? detectDelimiter(text),
        record_delimiter: '\n',
        // Rows with a wrong number of cells become invalid records, not a failed file.
        relax_column_count: true,
        // `Кафе "Ромашка"` unquoted is common in hand-made files and means what it says.
        relax_quotes: true,
        trim: true,
        // Measured by the parser on the decoded text (UTF-8), close to the file's bytes for UTF-8 files.
        max_record_size: limits.maxLineBytes,
        on_record: (record, context) => {
          starts.push(parsedTo + 1);
          parsedTo = context.lines;
          return record;
        },
      }),
    );
    let layout: Layout | undefined;
    let rows = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        const start = starts.shift() ?? parsedTo;
        if (record.every((cell) => cell === '')) continue;
        if (layout === undefined) {
          layout = columnLayout(record, options.columns ?? {});
          continue;
        }
        rows++;
        yield rowRecord(record, start, layout);
      }
    } catch (error) {
      throw fileError(error, parsedTo + 1, limits.maxLineBytes);
    }
    if (layout === undefined) throw new ImportFileError('file', 'is empty');
    if (rows === 0) throw new ImportFileError('file', 'has a header row but no data rows');
  };
}

/** Reads a CSV file with everything detected. */
export const readCsv: FormatReader = csvReader();

function decode(bytes: Uint8Array, encoding: CsvEncoding): string {
  if (encoding === 'utf-8') return decodeUtf8(bytes, 'save the file as UTF-8 or choose its encoding');
  return new TextDecoder(encoding).decode(bytes);
}

function* chunks(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK_CHARS);
    // Never split a surrogate pair: each piece is encoded to UTF-8 on its own.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

function fileError(error: unknown, line: number, maxLineBytes: number): unknown {
  if (!(error instanceof CsvError)) return error;
  switch (error.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError(`line ${line}`, `is longer than ${maxLineBytes} bytes`);
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError(`line ${line}`, 'opens a quote that is never closed');
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportFileError(
        `line ${typeof error.lines === 'number' ? error.lines : line}`,
        'has text after a closing quote; a quote inside a quoted field is written twice ("")',
      );
    default:
      return new ImportFileError(`line ${line}`, `is not valid CSV: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Encoding and delimiter

/**
 * UTF-8 when the bytes are valid UTF-8 (or start with its BOM, or are UTF-8 with a few broken bytes, which
 * then fail with their offset); otherwise Windows-1251 or Windows-1250, whichever makes words of plausible
 * letters. In 1251 the high bytes are Cyrillic letters that make whole words on their own; in 1250 they are
 * accented Latin letters (č ć š ž đ) inside words of ASCII letters. Decoded the wrong way, Cyrillic words
 * turn into words of accented letters with no ASCII letter, and Latin words into a mix of scripts.
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // not UTF-8 throughout; weighed below
  }
  const sample = bytes.subarray(0, ENCODING_SAMPLE);
  if (looksLikeBrokenUtf8(sample)) return 'utf-8';
  const cyrillic = wordScore(new TextDecoder('windows-1251').decode(sample), false);
  const latin = wordScore(new TextDecoder('windows-1250').decode(sample), true);
  // On a tie (no word tells), Cyrillic: the community's old spreadsheets are mostly Russian.
  return latin > cyrillic ? 'windows-1250' : 'windows-1251';
}

/**
 * Adds the non-ASCII letters of every plausible word and subtracts those of implausible ones: in Latin
 * text a word with accented letters also has ASCII ones; in Cyrillic text it has none.
 */
function wordScore(text: string, latin: boolean): number {
  let score = 0;
  for (const [word] of text.matchAll(/\p{L}+/gu)) {
    const ascii = word.replace(/[^A-Za-z]/g, '').length;
    const other = word.length - ascii;
    if (other === 0) continue;
    const plausible = latin ? ascii > 0 : ascii === 0;
    // A lone accented letter is a word in neither case; it says nothing.
    if (plausible) score += other;
    else if (word.length > 1) score -= other;
  }
  return score;
}

/** Mostly well-formed multi-byte sequences with a few bad bytes: UTF-8 damaged, not a legacy encoding. */
function looksLikeBrokenUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (const char of new TextDecoder('utf-8').decode(bytes)) {
    if (char === '\uFFFD') invalid++;
    else if (char > '\u007F') valid++;
  }
  return valid > 0 && valid >= 4 * invalid;
}

/**
 * The delimiter occurring most often in the header line, outside quotes; a tie goes to the candidate that
 * occurs as often in the next line, then to the order of DELIMITERS.
 */
export function detectDelimiter(text: string): string {
  const header = delimiterCounts(text, text.search(/[^\n]/));
  const next = delimiterCounts(text, header.end + 1);
  let best = DELIMITERS[0] as string;
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const count = header.counts.get(delimiter) ?? 0;
    if (count === 0) continue;
    const score = count * 2 + (next.counts.get(delimiter) === count ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

function delimiterCounts(text: string, from: number): { counts: Map<string, number>; end: number } {
  const counts = new Map<string, number>();
  let quoted = false;
  let i = Math.max(0, from);
  for (; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) break;
    else if (!quoted && DELIMITERS.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return { counts, end: i };
}

// ---------------------------------------------------------------------------------------------------------
// Columns and rows

interface Layout {
  headers: string[];
  /** The field key of each column; undefined for the id and coordinate columns. */
  keys: (string | undefined)[];
  id: number | undefined;
  coordinates: CoordinateColumns;
}

/** Column mapping keys that hold the source's own id rather than a field. */
const ID_KEYS = new Set(['id', 'source_id', 'sourceId']);

function columnLayout(raw: string[], mapping: Record<string, string>): Layout {
  const headers = raw.map((header) => header.trim());
  const mapped = new Map<number, string>();
  for (const [key, header] of Object.entries(mapping)) {
    const index = findHeader(headers, header);
    if (index === undefined) {
      throw new ImportFileError(
        'file',
        `has no column "${header}" (given for ${key}); its columns are: ${headers.join(', ')}`,
      );
    }
    mapped.set(index, ID_KEYS.has(key) ? 'id' : key);
  }
  // A column mapped to one key is never recognised as another.
  const column = (key: string, recognise: (header: string) => boolean): number | undefined => {
    for (const [index, mappedKey] of mapped) if (mappedKey === key) return index;
    const index = headers.findIndex((header, i) => !mapped.has(i) && recognise(header));
    return index === -1 ? undefined : index;
  };
  const idColumn = column('id', (header) => ['id', 'sourceid'].includes(aliasKey(header)));
  const coordinates = coordinateColumns(headers, column);
  const used = new Set([idColumn, ...coordinates.columns]);
  const keys = headers.map((header, i) => {
    if (used.has(i)) return undefined;
    return mapped.get(i) ?? (header === '' ? `column ${i + 1}` : header);
  });
  return { headers, keys, id: idColumn, coordinates };
}

function findHeader(headers: string[], wanted: string): number | undefined {
  const exact = headers.indexOf(wanted.trim());
  if (exact !== -1) return exact;
  const key = aliasKey(wanted);
  const loose = headers.findIndex((header) => aliasKey(header) === key);
  return loose === -1 ? undefined : loose;
}

function coordinateColumns(
  headers: string[],
  column: (key: string, recognise: (header: string) => boolean) => number | undefined,
): CoordinateColumns {
  const is = (key: string) => (header: string) => canonicalField(header) === key;
  const lat = column('lat', is('lat'));
  const lon = column('lon', is('lon'));
  if (lat !== undefined && lon !== undefined) {
    return {
      kind: 'lat-lon',
      lat,
      lon,
      latHeader: headers[lat] ?? '',
      lonHeader: headers[lon] ?? '',
      columns: [lat, lon],
    };
  }
  const pair = column('coordinates', is('coordinates'));
  if (pair !== undefined) return { kind: 'pair', column: pair, header: headers[pair] ?? '', columns: [pair] };
  const half = lat ?? lon;
  const found = half === undefined ? '' : `it has "${headers[half]}" but not the other half; `;
  throw new ImportFileError(
    'file',
    `has no coordinate columns: ${found}it needs latitude and longitude columns (lat/lon, latitude/longitude, ` +
      'широта/долгота, širina/dužina, широта/довгота) or one "lat, lon" column (coordinates, координаты, ' +
      `koordinate, координати, location); its columns are: ${headers.join(', ')}`,
  );
}

function rowRecord(cells: string[], line: number, layout: Layout): ImportRecord {
  const position = `line ${line}`;
  const width = layout.headers.length;
  // Trailing empty cells past the header (a trailing delimiter) are harmless; anything else is shifted.
  if (cells.length < width || cells.slice(width).some((cell) => cell !== '')) {
    const columns = cells.length === 1 ? 'column' : 'columns';
    return {
      position,
      geometry: { kind: 'invalid', problem: `has ${cells.length} ${columns}, the header has ${width}` },
      fields: {},
    };
  }
  const fields: Record<string, string> = {};
  for (let i = 0; i < width; i++) {
    const key = layout.keys[i];
    const value = cells[i];
    if (key === undefined || !value) continue;
    // Two columns with one name (two phone columns) keep both values, the OSM way.
    setField(fields, key, Object.hasOwn(fields, key) ? `${fields[key]};${value}` : value);
  }
  const record: ImportRecord = {
    position,
    geometry: csvGeometry(cells, layout.coordinates, position),
    fields,
  };
  const sourceId = layout.id === undefined ? undefined : cells[layout.id];
  if (sourceId) record.sourceId = sourceId;
  return record;
}

// ---------------------------------------------------------------------------------------------------------
// Coordinates

type CoordinateColumns =
  | { kind: 'lat-lon'; lat: number; lon: number; latHeader: string; lonHeader: string; columns: number[] }
  | { kind: 'pair'; column: number; header: string; columns: number[] };

/** The record's point, or why not; problems name the column, the line and the value, as people search for them. */
function csvGeometry(cells: string[], columns: CoordinateColumns, position: string): RecordGeometry {
  const invalid = (problem: string): RecordGeometry => ({ kind: 'invalid', problem });
  const at = (header: string) => `"${header}" on ${position}`;
  if (columns.kind === 'pair') {
    const text = cells[columns.column] ?? '';
    if (text === '') return invalid(`${at(columns.header)} is empty`);
    const pair = parsePair(text);
    if (!pair) return invalid(`${at(columns.header)} is ${quoted(text)}, not "latitude, longitude"`);
    return inRange(pair[0], pair[1], at(columns.header), at(columns.header));
  }
  const latText = cells[columns.lat] ?? '';
  const lonText = cells[columns.lon] ?? '';
  if (latText === '' && lonText === '') {
    return invalid(`"${columns.latHeader}" and "${columns.lonHeader}" on ${position} are empty`);
  }
  const lat = parseDegrees(latText, 'lat');
  if (lat === undefined) return invalid(`${at(columns.latHeader)} is ${quoted(latText)}, not a latitude`);
  const lon = parseDegrees(lonText, 'lon');
  if (lon === undefined) return invalid(`${at(columns.lonHeader)} is ${quoted(lonText)}, not a longitude`);
  return inRange(lat.value, lon.value, at(columns.latHeader), at(columns.lonHeader));
}

function inRange(lat: number, lon: number, latAt: string, lonAt: string): RecordGeometry {
  if (isValidLonLat(lon, lat)) return { kind: 'point', lon, lat };
  const problem =
    Math.abs(lat) > 90 || !Number.isFinite(lat)
      ? `latitude ${lat} in ${latAt} is out of range (-90 to 90)`
      : `longitude ${lon} in ${lonAt} is out of range (-180 to 180)`;
  return { kind: 'invalid', problem };
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

interface Degrees {
  value: number;
  /** Which axis a hemisphere letter says the value is on. */
  axis?: 'lat' | 'lon';
}

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const DEGREES = new RegExp(
  String.raw`^([+-]?)(${NUMBER})\s*°?\s*(?:(${NUMBER})\s*['′]\s*(?:(${NUMBER})\s*(?:"|″|'')?)?)?\s*([NSEW]?)$`,
  'i',
);

/**
 * One coordinate: decimal degrees with a decimal point or comma (`44.8176`, `44,8176`, `-0.5`), optionally
 * with a degree sign, minutes and seconds and a hemisphere letter as map sites print them (`44°48'58.8"N`).
 */
function parseDegrees(text: string, expected?: 'lat' | 'lon'): Degrees | undefined {
  const match = DEGREES.exec(text.trim().replace(/\u2212/g, '-'));
  if (!match) return undefined;
  const [, sign, degrees = '', minutes, seconds, hemisphere = ''] = match;
  const number = (part: string | undefined) => (part ? Number(part.replace(',', '.')) : 0);
  if (number(minutes) >= 60 || number(seconds) >= 60) return undefined;
  let value = number(degrees) + number(minutes) / 60 + number(seconds) / 3600;
  const letter = hemisphere.toUpperCase();
  if (sign === '-' || letter === 'S' || letter === 'W') value = -value;
  const axis = letter === '' ? undefined : letter === 'N' || letter === 'S' ? 'lat' : 'lon';
  if (axis !== undefined && expected !== undefined && axis !== expected) return undefined;
  return axis === undefined ? { value } : { value, axis };
}

/**
 * "lat, lon" in one cell: separated by a comma, a semicolon or spaces (`44.8176, 20.4569`, `44,8176;20,4569`,
 * `44.8176 20.4569`, `44°48'58.8"N 20°27'32.4"E`); hemisphere letters may put longitude first.
 */
function parsePair(text: string): [lat: number, lon: number] | undefined {
  const cell = text
    .trim()
    .replace(/^[([]\s*|\s*[)\]]$/g, '')
    // `44.8176 N` → `44.8176N`, so spaces are left only between the two coordinates.
    .replace(/([\d°'′"″])\s+([NSEW])(?![A-Za-z])/gi, '$1$2')
    // `44° 48' 58.8"` → `44°48'58.8"`: a space after a degree or minute sign only joins the next part.
    .replace(/(\d)\s+°/g, '$1°')
    .replace(/°\s+(?=\d+(?:[.,]\d+)?\s*['′])/g, '°')
    .replace(/(['′])\s+(?=\d+(?:[.,]\d+)?\s*(?:"|″|''))/g, '$1');
  const commas = cell.split(',').length - 1;
  const parts = cell.includes(';')
    ? cell.split(';')
    : commas === 1
      ? cell.split(',')
      : /,\s/.test(cell)
        ? cell.split(/,\s+/)
        : cell.split(/\s+/);
  if (parts.length !== 2) return undefined;
  const [first, second] = parts.map((part) => parseDegrees(part));
  if (!first || !second || (first.axis !== undefined && first.axis === second.axis)) return undefined;
  return first.axis === 'lon' || second.axis === 'lat'
    ? [second.value, first.value]
    : [first.value, second.value];
}
