import { type EntityDecoderOptions, XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportFileError, type ReadLimits } from '../record.ts';
import { binaryContent, checkFileSize, decodeUtf8, lineAndColumn } from './detect-format.ts';

/**
 * The one way import readers read XML (KML, OSM). Import files come from strangers, so this refuses what XML
 * can do beyond markup: DOCTYPEs and entity declarations are rejected before parsing (no external entities,
 * no "billion laughs"), only the five predefined entities and numeric character references are decoded,
 * the size is capped, and bytes must be valid in the declared encoding.
 */

/** An element with its attributes, child elements in file order, and its own text. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Direct text and CDATA, concatenated in order: entities decoded in text, CDATA kept as written. */
  readonly text: string;
}

/** Encodings a declaration may name; everything else is asked to be saved as UTF-8. */
const READABLE_ENCODINGS = new Set(['utf-8', 'windows-1250', 'windows-1251', 'windows-1252']);

/**
 * Decodes an XML file's bytes: strict UTF-8 (with or without a BOM) unless the XML declaration names a
 * readable single-byte encoding (windows-1251 and windows-1250 are still common around Serbia).
 */
export function decodeXml(bytes: Uint8Array, limits: ReadLimits): string {
  checkFileSize(bytes, limits);
  const binary = binaryContent(bytes);
  if (binary) throw new ImportFileError('file', `is not a text file: ${binary}`);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // A BOM is authoritative (XML 1.0 appendix F); without one the declaration decides.
  const encoding = hasBom ? 'utf-8' : declaredEncoding(bytes);
  if (encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes);
  return decodeUtf8(bytes, 'save the file as UTF-8, or name its encoding in the XML declaration');
}

/**
 * Parses an XML file into its root element, refusing DOCTYPEs, entity declarations, malformed markup and
 * files over `limits.maxBytes`.
 */
export function parseSafeXml(bytes: Uint8Array, limits: ReadLimits): XmlElement {
  const text = decodeXml(bytes, limits);
  if (text.trim() === '') throw new ImportFileError('file', 'is empty');
  const declaration = findDeclaration(text);
  if (declaration) {
    const { line, column } = lineAndColumn(text, declaration.index);
    throw new ImportFileError(
      `line ${line}, column ${column}`,
      `has a <!${declaration.keyword}> declaration, which import files may not have ` +
        '(it can read other files or expand without bound)',
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = line ? `line ${line}${col ? `, column ${col}` : ''}` : 'file';
    throw new ImportFileError(where, `is not well-formed XML: ${msg}`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    throw new ImportFileError('file', `is not well-formed XML: ${(error as Error).message}`);
  }
  const [root, second] = toElements(parsed);
  if (!root) throw new ImportFileError('file', 'has no root element');
  if (second)
    throw new ImportFileError('file', `has more than one root element (<${root.name}>, <${second.name}>)`);
  return root;
}

/** The child elements called `name`, in file order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The first child element called `name`. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
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

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReference(reference: string, body: string): string {
  const predefined = PREDEFINED[body];
  if (predefined !== undefined) return predefined;
  if (body.charAt(0) !== '#') return reference;
  const hex = body.charAt(1) === 'x' || body.charAt(1) === 'X';
  const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  const usable = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return usable ? String.fromCodePoint(code) : reference;
}

/**
 * Decodes only the five predefined entities and numeric references. Entities a document declares are never
 * expanded (DOCTYPEs are refused before parsing; this is the second lock), and unknown names stay as written.
 */
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text) =>
    text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot|apos);/g, decodeReference),
};

const parser = new XMLParser({
  // File order across different element names matters (Folders and Placemarks interleave), so the ordered
  // form is read; in it every element's children are an array, whether it repeats or not.
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Values stay text: a phone number or an id must not turn into a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // Text is kept as written and trimmed by the readers, so text around CDATA keeps its spaces.
  trimValues: false,
  // `kml:Placemark` and `Placemark`, `gx:Track` and `Track` read the same.
  removeNSPrefix: true,
  entityDecoder,
});

type OrderedNode = Record<string, unknown>;

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/** The top-level elements of fast-xml-parser's ordered output (the declaration and text dropped). */
function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes as OrderedNode[]) {
    const name = elementName(node);
    if (name !== undefined) elements.push(toElement(name, node));
  }
  return elements;
}

/**
 * One ordered node as an XmlElement, in one pass over its content. Leaves share the empty attribute and
 * child objects: a 64 MB file has millions of elements. Attribute values are strings (parseAttributeValue
 * is off), and the parser already renames dangerous names such as `__proto__`.
 */
function toElement(name: string, node: OrderedNode): XmlElement {
  const content = node[name];
  let children: XmlElement[] | undefined;
  let text = '';
  if (Array.isArray(content)) {
    for (const child of content as OrderedNode[]) {
      const value = child['#text'];
      if (value !== undefined) text += String(value);
      else {
        const childName = elementName(child);
        if (childName === undefined) continue;
        children ??= [];
        children.push(toElement(childName, child));
      }
    }
  }
  const attrs = node[':@'] as Record<string, string> | undefined;
  return { name, attrs: attrs ?? NO_ATTRIBUTES, children: children ?? NO_CHILDREN, text };
}

/** The element name of an ordered node; undefined for text and processing instructions (`?xml`). */
function elementName(node: OrderedNode): string | undefined {
  for (const key in node) {
    if (key !== ':@' && key !== '#text' && !key.startsWith('?')) return key;
  }
  return undefined;
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

/**
 * The first `<!DOCTYPE` or `<!ENTITY` outside CDATA sections and comments (where they are only text).
 * A linear scan with indexOf: a regex with lazy quantifiers would be quadratic on unclosed sections.
 */
function findDeclaration(text: string): { index: number; keyword: string } | undefined {
  let at = text.indexOf('<!');
  while (at !== -1) {
    let resume = at + 2;
    if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) return undefined; // unclosed: the validator reports it
      resume = end + 3;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return undefined;
      resume = end + 3;
    } else {
      const keyword = text.slice(at + 2, at + 9).toUpperCase();
      if (keyword === 'DOCTYPE') return { index: at, keyword };
      if (keyword.startsWith('ENTITY')) return { index: at, keyword: 'ENTITY' };
    }
    at = text.indexOf('<!', resume);
  }
  return undefined;
}
