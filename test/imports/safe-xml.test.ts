import { describe, expect, it } from 'vitest';
import { readXml, type XmlHandler } from '../../src/imports/formats/safe-xml.ts';
import { ElementCapture, type XmlElement } from '../../src/imports/formats/xml-stream.ts';
import { DEFAULT_READ_LIMITS, ImportFileError } from '../../src/imports/record.ts';
import { utf8 } from './reading.ts';

/** Gathers every `item` element directly inside the root, and counts the elements the parser opened. */
class Items implements XmlHandler<XmlElement> {
  opened = 0;
  private readonly capture = new ElementCapture();

  open(name: string, attrs: Readonly<Record<string, string>>, depth: number): void {
    this.opened++;
    if (this.capture.active || (depth === 2 && name === 'item')) this.capture.start(name, attrs);
  }

  text(text: string): void {
    if (this.capture.active) this.capture.text(text);
  }

  close(): XmlElement | undefined {
    return this.capture.active ? this.capture.end() : undefined;
  }
}

function readItems(bytes: Uint8Array): XmlElement[] {
  return [...readXml(bytes, DEFAULT_READ_LIMITS, new Items())];
}

function refusal(bytes: Uint8Array): ImportFileError {
  try {
    readItems(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was read without an ImportFileError');
}

const items = (count: number, text = (i: number) => `Пункт ${i}`) =>
  Array.from({ length: count }, (_, i) => `<item n="${i}">${text(i)}</item>\n`).join('');

describe('reading XML as a stream', () => {
  it('passes on the first elements before the parser has read the rest of the file', () => {
    const handler = new Items();
    const events = readXml(utf8(`<list>\n${items(20_000)}</list>`), DEFAULT_READ_LIMITS, handler);
    const first = events.next();
    expect(first.value).toMatchObject({ name: 'item', attrs: { n: '0' }, text: 'Пункт 0' });
    expect(handler.opened).toBeGreaterThan(1);
    expect(handler.opened).toBeLessThan(20_001);
    expect([...events]).toHaveLength(19_999);
  });

  it('yields what was complete before malformed markup, then refuses the file with the line and column', () => {
    const events = readXml(utf8(`<list>\n${items(3)}<item>open</list>\n`), DEFAULT_READ_LIMITS, new Items());
    const read: string[] = [];
    let failure: unknown;
    try {
      for (const item of events) read.push(item.text);
    } catch (error) {
      failure = error;
    }
    expect(read).toEqual(['Пункт 0', 'Пункт 1', 'Пункт 2']);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect((failure as ImportFileError).where).toBe('line 5, column 17');
    expect((failure as ImportFileError).problem).toMatch(/^is not well-formed XML: /);
  });

  it('decodes characters split between chunks, in UTF-8 and windows-1251', () => {
    // An odd number of ASCII bytes before two-byte letters puts a chunk boundary inside a letter.
    const text = (i: number) => `${'x'.repeat(i % 2)}${'ж'.repeat(997)}`;
    const records = readItems(utf8(`<list>${items(200, text)}</list>`));
    expect(records).toHaveLength(200);
    expect(records.every((item, i) => item.text === text(i))).toBe(true);

    const cp1251 = Uint8Array.from(
      `<?xml version="1.0" encoding="windows-1251"?><list>${items(2_000, () => 'Кафе')}</list>`,
      (c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0)),
    );
    expect(readItems(cp1251).map((item) => item.text)).toEqual(Array(2_000).fill('Кафе'));
  });

  it('names the first invalid UTF-8 byte anywhere in the file', () => {
    const good = utf8(`<list>${items(10_000)}</list>`);
    const bad = new Uint8Array([...good.subarray(0, 100_000), 0xc3, 0x28, ...good.subarray(100_000)]);
    const error = refusal(bad);
    expect(error.where).toBe('byte 100000');
    expect(error.problem).toMatch(/^is not valid UTF-8 \(0xC3\)/);
  });

  it('refuses a DOCTYPE at its line and column, after a BOM and Windows line ends', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('<?xml version="1.0"?>\r\n<!-- <!DOCTYPE is fine here -->\r\n  <!DOCTYPE list>\r\n<list/>'),
    ]);
    const error = refusal(bytes);
    expect(error.message).toBe(
      'line 3, column 3: has a <!DOCTYPE> declaration, which import files may not have ' +
        '(it can read other files or expand without bound)',
    );
  });

  it('keeps references to undefined entities, forbidden characters and control characters as written', () => {
    const [item] = readItems(
      utf8('<list><item n="&xxe;&amp;">a &xxe; &#0; &#x41;\u000b<![CDATA[&lt;<!DOCTYPE>]]></item></list>'),
    );
    expect(item?.attrs.n).toBe('&xxe;&');
    expect(item?.text).toBe('a &xxe; &#0; A\u000b&lt;<!DOCTYPE>');
  });

  it('reads attributes by local name without namespace declarations', () => {
    const [item] = readItems(utf8('<k:list xmlns:k="urn:k"><k:item xmlns="urn:x" k:n="1" id="a"/></k:list>'));
    expect(item?.name).toBe('item');
    expect({ ...item?.attrs }).toEqual({ n: '1', id: 'a' });
  });

  it('refuses nesting deeper than 100 elements', () => {
    const nest = (depth: number) => utf8(`${'<e>'.repeat(depth)}${'</e>'.repeat(depth)}`);
    expect(readItems(nest(100))).toEqual([]);
    expect(refusal(nest(101)).message).toBe('line 1, column 303: nests elements more than 100 deep');
  });
});
