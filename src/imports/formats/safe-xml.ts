import { Buffer } from 'node:buffer';
import { SaxesParser } from 'saxes';
import { ImportFileError, type ReadLimits } from '../record.ts';
import { binaryContent, checkFileSize, decodeUtf8 } from './detect-format.ts';
import type { XmlAttributes } from './xml-stream.ts';

/**
 * The one way import readers read XML (KML, OSM): as a stream of events, so a reader holds one record at a
 * time and passes it on as soon as it is complete, instead of a tree of the whole file. Import files come
 * from strangers, so this refuses what XML can do beyond markup: DOCTYPEs and entity declarations are
 * rejected before parsing (no external entities, no "billion laughs"), only the five predefined entities and
 * numeric character references are decoded, nesting and size are capped, and bytes must be valid in the
 * declared encoding.
 */

/** What a reader does with the events of one XML file. Element names are local: `kml:Placemark` is `Placemark`. */
export interface XmlHandler<T> {
  /** An element starts; `depth` is 1 for the root. Throwing an ImportFileError refuses the file. */
  open(name: string, attrs: XmlAttributes, depth: number): void;
  /** Text or CDATA (kept as written) directly inside the innermost open element. */
  text(text: string): void;
  /** The innermost open element ends; a value returned (a finished record) is passed on. */
  close(name: string): T | undefined;
}

/** Bytes decoded and parsed at a time; the records they complete are passed on before the next chunk. */
const CHUNK_BYTES = 64 * 1024;

/** Deeper than any KML or OSM file nests; a hostile file must not make every reader's stack grow. */
const MAX_DEPTH = 100;

/** Encodings a declaration may name; everything else is asked to be saved as UTF-8. */
const READABLE_ENCODINGS = new Set(['utf-8', 'windows-1250', 'windows-1251', 'windows-1252']);

const UTF8_ADVICE = 'save the file as UTF-8, or name its encoding in the XML declaration';

/**
 * Reads an XML file, calling `handler` for its elements and text, and yields what the handler finishes, in
 * file order, chunk by chunk. Refuses (with an ImportFileError) files over `limits.maxBytes`, binary or
 * undecodable bytes, DOCTYPEs and entity declarations, malformed markup (with its line and column) and
 * nesting deeper than MAX_DEPTH. What was finished before a problem is yielded before the error is thrown.
 */
export function* readXml<T>(bytes: Uint8Array, limits: ReadLimits, handler: XmlHandler<T>): Generator<T> {
  const encoding = fileEncoding(bytes, limits);
  const declaration = findDeclaration(bytes);
  if (declaration)
    throw declarationError(positionIn(bytes, declaration.index, encoding), declaration.keyword);

  const parser = new SaxesParser({ xmlns: false, position: true });
  const where = () => `line ${parser.line}, column ${Math.max(1, parser.column)}`;
  const finished: T[] = [];
  let depth = 0;
  let lastClosed: T | undefined;
  // The text last written and where it starts in the stream: an error names only a position.
  let chunk = '';
  let chunkStart = 0;

  parser.on('error', (error) => {
    const problem = error.message.replace(/^\d+:\d+: /, '');
    // Kept as written instead of refused, as Kvartal always read them: references to undefined entities
    // (nothing is ever defined: DOCTYPEs are refused), references to characters XML forbids, and control
    // characters in text (common in My Maps exports).
    if (problem === 'undefined entity.' || problem === 'malformed character entity.') return;
    if (
      problem === 'disallowed character.' &&
      isControl(chunk.charCodeAt(parser.position - 1 - chunkStart))
    ) {
      return;
    }
    // saxes ends the element a wrong end tag stands for, then reports the tag: what it finished is dropped.
    if (problem === 'unexpected close tag.' && lastClosed !== undefined) finished.pop();
    throw new ImportFileError(where(), `is not well-formed XML: ${problem}`);
  });
  // The scan above already refused it; this is the second lock.
  parser.on('doctype', () => {
    throw declarationError(where(), 'DOCTYPE');
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_DEPTH) throw new ImportFileError(where(), `nests elements more than ${MAX_DEPTH} deep`);
    handler.open(localName(tag.name), localAttributes(tag.attributes), depth);
  });
  parser.on('text', (text) => {
    if (depth > 0) handler.text(text);
  });
  parser.on('cdata', (text) => handler.text(text));
  parser.on('closetag', (tag) => {
    depth--;
    lastClosed = handler.close(localName(tag.name));
    if (lastClosed !== undefined) finished.push(lastClosed);
  });

  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const end = Math.min(at + CHUNK_BYTES, bytes.length);
    let failure: unknown;
    try {
      chunkStart += chunk.length;
      chunk = decodeChunk(decoder, bytes, at, end);
      parser.write(chunk);
      if (end === bytes.length) parser.close();
    } catch (error) {
      failure = error;
    }
    for (const done of finished) yield done;
    finished.length = 0;
    if (failure !== undefined) throw failure;
  }
}

/** Reads a whole file only for what `handler` keeps (a first pass), refusing it as readXml does. */
function passOverXml(bytes: Uint8Array, limits: ReadLimits, handler: XmlHandler<unknown>): void {
  const events = readXml(bytes, limits, handler);
  while (!events.next().done);
}

/**
 * Records in one pass when what a record needs from elsewhere in the file (styles, node positions) always
 * comes before it; otherwise a first pass only collects that (`prepare`) and a second yields the records,
 * so nothing is held back waiting and memory stays bounded.
 */
export function* readXmlInPasses<T>(
  bytes: Uint8Array,
  limits: ReadLimits,
  needsFirstPass: boolean,
  handlers: { both: () => XmlHandler<T>; prepare: () => XmlHandler<unknown>; records: () => XmlHandler<T> },
): Generator<T> {
  if (!needsFirstPass) {
    yield* readXml(bytes, limits, handlers.both());
    return;
  }
  passOverXml(bytes, limits, handlers.prepare());
  yield* readXml(bytes, limits, handlers.records());
}

/**
 * Sets a record field from a name found in the file. `__proto__` would replace the object's prototype
 * instead of adding a field, so it is dropped.
 */
export function setField(fields: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') return;
  fields[key] = value;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number written as text in XML (a coordinate), or undefined: `Number()` would read '' and ' ' as 0. */
export function decimal(text: string): number | undefined {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * The encoding to decode the file with, after the checks every file gets: its size, binary content, and an
 * encoding Kvartal reads. Strict UTF-8 (with or without a BOM) unless the XML declaration names a readable
 * single-byte encoding (windows-1251 and windows-1250 are still common around Serbia).
 */
function fileEncoding(bytes: Uint8Array, limits: ReadLimits): string {
  checkFileSize(bytes, limits);
  const binary = binaryContent(bytes);
  if (binary) throw new ImportFileError('file', `is not a text file: ${binary}`);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // A BOM is authoritative (XML 1.0 appendix F); without one the declaration decides.
  const encoding = hasBom ? 'utf-8' : declaredEncoding(bytes);
  if (isBlank(bytes, hasBom ? 3 : 0)) throw new ImportFileError('file', 'is empty');
  return encoding;
}

/** Decodes one chunk; the decoder carries a character split between chunks over to the next. */
function decodeChunk(decoder: TextDecoder, bytes: Uint8Array, at: number, end: number): string {
  try {
    return decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
  } catch {
    // Decoding the bytes read so far in one piece names the first invalid byte, as every reader does.
    decodeUtf8(bytes.subarray(0, end), UTF8_ADVICE);
    throw new ImportFileError('file', `is not valid UTF-8; ${UTF8_ADVICE}`);
  }
}

function isBlank(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

/** C0 controls other than tab and line ends, and the non-characters U+FFFE and U+FFFF. */
function isControl(code: number): boolean {
  return code < 0x20 || code === 0xfffe || code === 0xffff;
}

/** `kml:Placemark` → `Placemark`: files name the KML namespace with a prefix or without one. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Attributes by local name, without namespace declarations (`xmlns`, `xmlns:gx`). */
function localAttributes(attributes: Record<string, string>): XmlAttributes {
  let plain = true;
  for (const name in attributes) {
    if (name.includes(':') || name === 'xmlns') {
      plain = false;
      break;
    }
  }
  if (plain) return attributes;
  // No prototype, as saxes gives them: a `__proto__` attribute is then only a name.
  const local: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(attributes)) {
    const colon = name.indexOf(':');
    if ((colon === -1 ? name : name.slice(0, colon)) === 'xmlns') continue;
    local[colon === -1 ? name : name.slice(colon + 1)] = value;
  }
  return local;
}

/** The encoding an XML declaration names (TextDecoder's canonical name), or utf-8 when none is named. */
function declaredEncoding(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const label = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  if (label === undefined) return 'utf-8';
  let encoding: string | undefined;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    encoding = undefined;
  }
  if (encoding === undefined || !READABLE_ENCODINGS.has(encoding)) {
    throw new ImportFileError(
      'file',
      `declares the encoding "${label}", which Kvartal cannot read; save it as UTF-8`,
    );
  }
  return encoding;
}

function declarationError(where: string, keyword: string): ImportFileError {
  return new ImportFileError(
    where,
    `has a <!${keyword}> declaration, which import files may not have ` +
      '(it can read other files or expand without bound)',
  );
}

/**
 * The first `<!DOCTYPE` or `<!ENTITY` outside CDATA sections and comments (where they are only text), found
 * in the bytes before anything is parsed: markup is ASCII in every encoding Kvartal reads. A linear scan
 * with indexOf: a regex with lazy quantifiers would be quadratic on unclosed sections.
 */
function findDeclaration(bytes: Uint8Array): { index: number; keyword: string } | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const startsWith = (prefix: string, at: number) =>
    text.toString('latin1', at, at + prefix.length) === prefix;
  let at = text.indexOf('<!');
  while (at !== -1) {
    let resume = at + 2;
    if (startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) return undefined; // unclosed: the parser reports it
      resume = end + 3;
    } else if (startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return undefined;
      resume = end + 3;
    } else {
      const keyword = text.toString('latin1', at + 2, at + 9).toUpperCase();
      if (keyword === 'DOCTYPE') return { index: at, keyword };
      if (keyword.startsWith('ENTITY')) return { index: at, keyword: 'ENTITY' };
    }
    at = text.indexOf('<!', resume);
  }
  return undefined;
}

/** `line L, column C` of a byte offset: lines counted by line feeds, columns in decoded characters. */
function positionIn(bytes: Uint8Array, index: number, encoding: string): string {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < index; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = new TextDecoder(encoding).decode(bytes.subarray(lineStart, index)).length + 1;
  return `line ${line}, column ${column}`;
}
