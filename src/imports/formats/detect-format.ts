import { ImportFileError, type ReadLimits } from '../record.ts';

/** The import formats Kvartal reads. */
export type ImportFormat = 'kml' | 'kmz' | 'geojson' | 'overpass-json' | 'osm-xml' | 'csv';

/** How a file's content is named in messages. */
const CONTENT: Record<ImportFormat, string> = {
  kml: 'KML',
  kmz: 'a ZIP archive',
  geojson: 'JSON',
  'overpass-json': 'Overpass JSON',
  'osm-xml': 'OpenStreetMap XML',
  csv: 'text (CSV)',
};

/** How a format is named in messages. */
const NAME: Record<ImportFormat, string> = {
  kml: 'KML',
  kmz: 'KMZ',
  geojson: 'GeoJSON',
  'overpass-json': 'Overpass JSON',
  'osm-xml': 'OpenStreetMap XML',
  csv: 'CSV',
};

/** Extensions that promise a format, what they promise, and which detected formats keep the promise. */
const EXTENSIONS: Record<string, { promise: string; formats: readonly ImportFormat[] }> = {
  kml: { promise: 'KML', formats: ['kml'] },
  kmz: { promise: 'KMZ', formats: ['kmz'] },
  geojson: { promise: 'GeoJSON', formats: ['geojson', 'overpass-json'] },
  json: { promise: 'JSON', formats: ['geojson', 'overpass-json'] },
  osm: { promise: 'OpenStreetMap XML', formats: ['osm-xml'] },
  xml: { promise: 'XML', formats: ['kml', 'osm-xml'] },
  csv: { promise: 'CSV', formats: ['csv'] },
  tsv: { promise: 'TSV', formats: ['csv'] },
  txt: { promise: 'text', formats: ['csv'] },
};

/** ZIP-based office files people export spreadsheets and documents as, by extension. */
const OFFICE_ZIP = new Set(['xlsx', 'xlsm', 'ods', 'docx', 'odt', 'numbers']);

/**
 * Which reader a file needs. The content decides (`head` is the first few KB); a known extension or a format
 * the user declared must agree with it, so a renamed or mislabelled file fails with a message that says what
 * it really is instead of as a parse error deep in the wrong reader.
 */
export function detectFormat(fileName: string, head: Uint8Array, declared?: ImportFormat): ImportFormat {
  const name = JSON.stringify(baseName(fileName));
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const content = sniffContent(name, extension, head);
  if (declared !== undefined) {
    // Both JSON formats are told apart by a heuristic on the head, so a declared one of the two is trusted.
    const bothJson = isJsonFormat(declared) && isJsonFormat(content);
    if (declared !== content && !bothJson) {
      throw new ImportFileError(
        'file',
        `${name} is not ${NAME[declared]}, the format given for it: its content is ${CONTENT[content]}`,
      );
    }
    return declared;
  }
  // Own keys only: a file called `x.constructor` must not find Object's prototype.
  const expected = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  if (expected && !expected.formats.includes(content)) {
    throw new ImportFileError(
      'file',
      `${name} is not ${expected.promise}: its content is ${CONTENT[content]}`,
    );
  }
  return content;
}

function sniffContent(name: string, extension: string, head: Uint8Array): ImportFormat {
  if (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 0x03 || head[2] === 0x05) &&
    head[3] === head[2] + 1
  ) {
    if (OFFICE_ZIP.has(extension) || isOfficeZip(head)) {
      throw new ImportFileError(
        'file',
        `${name} is a spreadsheet or document; save it as CSV (UTF-8) and import that`,
      );
    }
    return 'kmz';
  }
  const binary = binaryContent(head);
  if (binary)
    throw new ImportFileError('file', `${name} is a binary file, not text Kvartal can import (${binary})`);
  const text = new TextDecoder('latin1').decode(head);
  const start = skipBomAndSpace(text, 0);
  if (start === text.length) throw new ImportFileError('file', `${name} is empty`);
  const first = text.charAt(start);
  if (first === '<') return xmlFormat(name, text, start);
  if (first === '{' || first === '[') return isOverpassHead(text) ? 'overpass-json' : 'geojson';
  return 'csv';
}

function isJsonFormat(format: ImportFormat): boolean {
  return format === 'geojson' || format === 'overpass-json';
}

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

/** The name of the first entry of a ZIP archive says whether it is an Office Open XML or OpenDocument file. */
function isOfficeZip(head: Uint8Array): boolean {
  const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
  const first = new TextDecoder('latin1').decode(head.subarray(30, 30 + nameLength));
  return first === '[Content_Types].xml' || first === 'mimetype' || /^(xl|word|_rels)\//.test(first);
}

/**
 * Overpass JSON names its `elements` before any GeoJSON member; a GeoJSON file only has `elements` as a
 * property name, after `type`, `features`, `properties` or `geometry`.
 */
function isOverpassHead(text: string): boolean {
  const elements = text.search(/"elements"\s*:/);
  if (elements === -1) return false;
  const geojson = text.search(/"(type|features|properties|geometry|coordinates)"\s*:/);
  return geojson === -1 || elements < geojson;
}

/** Reads past the XML declaration, comments and a DOCTYPE to the root element's local name. */
function xmlFormat(name: string, text: string, start: number): ImportFormat {
  let at = start;
  for (;;) {
    at = skipBomAndSpace(text, at);
    if (text.startsWith('<?', at)) at = endOf(text, '?>', at);
    else if (text.startsWith('<!--', at)) at = endOf(text, '-->', at);
    else if (text.startsWith('<!', at)) at = endOf(text, hasInternalSubset(text, at) ? ']>' : '>', at);
    else break;
    if (at === -1)
      throw new ImportFileError('file', `${name} is XML, but its root element is not near the start`);
  }
  const root = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text.slice(at, at + 200))?.[1];
  if (root === 'kml') return 'kml';
  if (root === 'osm') return 'osm-xml';
  if (root === undefined) throw new ImportFileError('file', `${name} starts with "<" but is not XML`);
  const known: Record<string, string> = {
    gpx: 'a GPX track',
    html: 'a web page (HTML)',
    svg: 'an SVG image',
  };
  const what =
    (Object.hasOwn(known, root.toLowerCase()) && known[root.toLowerCase()]) ||
    `XML with the root element <${root}>`;
  throw new ImportFileError(
    'file',
    `${name} is ${what}; Kvartal imports KML, KMZ, GeoJSON, OSM XML, Overpass JSON and CSV`,
  );
}

/** Whether a DOCTYPE has an internal subset (`<!DOCTYPE x [ … ]>`), which has `>` inside it. */
function hasInternalSubset(text: string, from: number): boolean {
  const bracket = text.indexOf('[', from);
  return bracket !== -1 && bracket < text.indexOf('>', from);
}

function endOf(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

function skipBomAndSpace(text: string, from: number): number {
  // The head is decoded as Latin-1, so a UTF-8 BOM reads as "ï»¿".
  let at = text.startsWith('ï»¿', from) ? from + 3 : from;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  return at;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the bytes: checks every text reader makes before parsing (CSV, GeoJSON, Overpass JSON).

/** Refuses a file over `limits.maxBytes` before anything is decoded. */
export function checkFileSize(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length > limits.maxBytes) {
    throw new ImportFileError('file', `is ${bytes.length} bytes, more than the ${limits.maxBytes} allowed`);
  }
}

/** How much of a file is looked at for binary content: enough to see it, cheap for 64 MB files. */
const BINARY_SAMPLE = 64 * 1024;

/**
 * Why the bytes are not text, or undefined when they look like text: UTF-16 (which has NUL bytes but
 * deserves its own advice), NUL bytes anywhere, or many control characters near the start.
 */
export function binaryContent(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'it is UTF-16; save it as UTF-8';
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return `it has a NUL byte at byte ${nul}`;
  let controls = 0;
  const end = Math.min(bytes.length, BINARY_SAMPLE);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    // Tab, line feed, vertical tab (Excel's line break in a cell), form feed and carriage return are text.
    if (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) controls++;
  }
  // A stray Ctrl-Z at the end of an old DOS file is text; random binary has about one control byte in ten.
  return controls > Math.max(8, end / 100)
    ? `it has ${controls} control bytes in its first ${end}`
    : undefined;
}

/** Decodes strict UTF-8 (a BOM is dropped); invalid bytes fail with their offset from the file's start. */
export function decodeUtf8(bytes: Uint8Array, advice = 'save the file as UTF-8'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const value = bytes[at]?.toString(16).toUpperCase().padStart(2, '0');
    throw new ImportFileError(`byte ${at}`, `is not valid UTF-8 (0x${value}); ${advice}`);
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let code: number;
    let least: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, code, least] = [2, lead & 0x1f, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, code, least] = [3, lead & 0x0f, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, code, least] = [4, lead & 0x07, 0x10000];
    else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/** 1-based line and column (in characters) of an offset in a text. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
