import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readKml } from '../../src/imports/formats/kml.ts';
import { readKmz } from '../../src/imports/formats/kmz.ts';
import { htmlToText } from '../../src/imports/html-to-text.ts';
import { DEFAULT_READ_LIMITS, ImportFileError, type ImportRecord } from '../../src/imports/record.ts';
import { refusal as fileError, readAll as read, readUntilRefusal, utf8 } from './reading.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = readFileSync(join(here, '../fixtures/imports/little-russia.kml'));
// A real My Maps export kept beside the repository, never inside it (its licence is unknown).
const TBILISI = join(here, '../../../shared/testdata/mymaps-export-tbilisi-ru.kml');

/** A KML document around `body` (the Document's content). */
const kml = (body: string) =>
  utf8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>${body}</Document>\n</kml>\n`,
  );

const point = (coordinates: string, name = 'Место') =>
  `<Placemark><name>${name}</name><Point><coordinates>${coordinates}</coordinates></Point></Placemark>`;

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function named(records: readonly ImportRecord[], name: string): ImportRecord {
  const found = records.find((record) => record.fields.name === name);
  if (!found) throw new Error(`no record named ${name}`);
  return found;
}

describe('reading the Little Russia My Maps export', () => {
  let records: ImportRecord[];
  beforeAll(async () => {
    records = await read(readKml, FIXTURE);
  });

  it('yields every placemark in file order, counted from 1 across the document', () => {
    expect(records).toHaveLength(21);
    expect(records[0]?.position).toBe('placemark 1 "Кофейня «Самовар»"');
    expect(records[20]?.position).toBe('placemark 21 "Обратно через Калемегдан"');
    expect(records.map((record) => record.position.split(' ')[1])).toEqual(
      Array.from({ length: 21 }, (_, i) => String(i + 1)),
    );
  });

  it('puts each placemark in its folder as a layer, with trailing spaces trimmed', () => {
    expect(countBy(records, (record) => record.layer ?? '(none)')).toEqual({
      'Кафе и рестораны': 7,
      'Детские сады': 3,
      Парикмахерские: 3,
      Врачи: 3,
      Разное: 3,
      'Directions from Кафе А to Кафе Б': 2,
    });
  });

  it('trims placemark names', () => {
    expect(records[5]?.fields.name).toBe('Пекарня «Колобок»');
    expect(records[5]?.position).toBe('placemark 6 "Пекарня «Колобок»"');
  });

  it('reads points inside Belgrade or Novi Sad', () => {
    const points = records.flatMap((record) => (record.geometry.kind === 'point' ? [record.geometry] : []));
    expect(points).toHaveLength(17);
    for (const { lon, lat } of points) {
      const belgrade = lon >= 20.38 && lon <= 20.52 && lat >= 44.76 && lat <= 44.83;
      const noviSad = lon >= 19.8 && lon <= 19.88 && lat >= 45.24 && lat <= 45.27;
      expect(belgrade || noviSad).toBe(true);
    }
    expect(named(records, 'Кофейня «Самовар»').geometry).toEqual({
      kind: 'point',
      lon: 20.4612337,
      lat: 44.8203512,
    });
  });

  it('skips the directions lines and the polygon, and reports the broken coordinates as invalid', () => {
    const skipped = records.flatMap((record) =>
      record.geometry.kind === 'skipped' ? [record.geometry.what] : [],
    );
    expect(countBy(skipped, (what) => what)).toEqual({ line: 2, polygon: 1 });
    const invalid = records.filter((record) => record.geometry.kind === 'invalid');
    expect(invalid.map((record) => record.position)).toEqual(['placemark 19 "Барахолка по субботам"']);
    expect(invalid[0]?.geometry).toEqual({
      kind: 'invalid',
      problem: 'coordinates "20.4472;44.8036" are not lon,lat',
    });
  });

  it('keeps every ExtendedData field under its data name', () => {
    expect(named(records, 'Кофейня «Самовар»').fields).toMatchObject({
      gx_media_links: 'https://mymaps.usercontent.google.com/hostedimage/m/*/samovar-zal.jpg?fife=s16383',
      Телефон: '+381 60 123 4567',
      Адрес: 'Cara Dušana 34, Beograd',
      'Часы работы': 'Mo-Fr 08:00-20:00; Sa 09:00-15:00',
    });
  });

  it('turns HTML descriptions into text with safe links, without the image', () => {
    expect(named(records, 'Кофейня «Самовар»').fields.description).toBe(
      'Завтраки весь день: сырники, блины, каша.\nЕсть детское меню и стульчики.\n\n' +
        'Бронь в телеграме: [@samovar_dorcol](https://t.me/samovar_dorcol)',
    );
    expect(named(records, 'Пекарня «Колобок»').fields.description).toBe(
      'Чёрный хлеб, бородинский, пирожки с капустой.\n' +
        'Пишите: [kolobok.ns@example.org](mailto:kolobok.ns@example.org) или звоните [+381 21 123 4567](tel:+381211234567)',
    );
    expect(named(records, 'Пельменная «Сибирь»').fields.description).toBe(
      'Пельмени ручной лепки & вареники, морс. Доставка по Врачару.',
    );
  });

  it('drops script content and javascript: links from descriptions', () => {
    const description = named(records, 'Бар «Берёзка»').fields.description;
    expect(description).toBe(
      'Настолки по средам, квизы по пятницам.\nМеню: нажмите тут\nИнстаграм: [berezka.bar](https://www.instagram.com/berezka.bar/)',
    );
    expect(description).not.toMatch(/alert|script|javascript/);
  });

  it('resolves styles through their StyleMaps to the normal Style', () => {
    expect(named(records, 'Кофейня «Самовар»').fields['kml:style']).toBe('icon-1577-E65100-normal');
    expect(named(records, 'Кафе А').fields['kml:style']).toBe('icon-1899-0288D1-nodesc-normal');
    expect(named(records, 'Парикмахерская «Чародейка»').fields['kml:style']).toBe('icon-1899-0288D1-normal');
    expect(named(records, 'Парк Ушће — место для пикников').fields['kml:style']).toBe(
      'poly-0F9D58-1200-77-nodesc-normal',
    );
  });

  it('gives no description field to placemarks without one', () => {
    expect(named(records, 'Салон «Локон»').fields).toEqual({
      name: 'Салон «Локон»',
      'kml:style': 'icon-1899-0288D1-nodesc-normal',
    });
  });
});

describe('KML structure', () => {
  it('reads placemarks directly in the Document without a layer, in file order with folders', async () => {
    const records = await read(
      readKml,
      kml(
        `${point('20.46,44.81', 'Первое')}<Folder><name>Слой</name>${point('20.47,44.80', 'Второе')}</Folder>${point('20.45,44.82', 'Третье')}`,
      ),
    );
    expect(records.map((record) => [record.position, record.layer])).toEqual([
      ['placemark 1 "Первое"', undefined],
      ['placemark 2 "Второе"', 'Слой'],
      ['placemark 3 "Третье"', undefined],
    ]);
    expect('layer' in (records[0] as ImportRecord)).toBe(false);
  });

  it('takes the innermost named folder as the layer', async () => {
    const records = await read(
      readKml,
      kml(
        `<Folder><name>Внешний</name>${point('20.46,44.81', 'А')}<Folder><name> Внутренний </name>${point('20.46,44.81', 'Б')}</Folder><Folder>${point('20.46,44.81', 'В')}</Folder></Folder>`,
      ),
    );
    expect(records.map((record) => record.layer)).toEqual(['Внешний', 'Внутренний', 'Внешний']);
  });

  it('reads a kml document without a Document, and with namespace prefixes', async () => {
    const bare = utf8(
      `<kml><Placemark><name>Голый</name><Point><coordinates>20.46,44.81</coordinates></Point></Placemark></kml>`,
    );
    expect((await read(readKml, bare))[0]?.geometry).toEqual({ kind: 'point', lon: 20.46, lat: 44.81 });
    const prefixed = utf8(
      `<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"><kml:Document><kml:Placemark><kml:name>Префикс</kml:name><kml:Point><kml:coordinates>20.46,44.81</kml:coordinates></kml:Point></kml:Placemark></kml:Document></kml:kml>`,
    );
    expect((await read(readKml, prefixed))[0]?.fields.name).toBe('Префикс');
  });

  it('uses the id attribute as the source id', async () => {
    const [record] = await read(
      readKml,
      kml(
        `<Placemark id="pm-42"><name>С id</name><Point><coordinates>20.46,44.81</coordinates></Point></Placemark>`,
      ),
    );
    expect(record?.sourceId).toBe('pm-42');
  });

  it('reads coordinates with whitespace, altitude and line breaks', async () => {
    const records = await read(
      readKml,
      kml(point('\n   20.46 , 44.81 , 117.5\n  ') + point('20.46,44.81') + point('-0.5,+51.5,0')),
    );
    expect(records.map((record) => record.geometry)).toEqual([
      { kind: 'point', lon: 20.46, lat: 44.81 },
      { kind: 'point', lon: 20.46, lat: 44.81 },
      { kind: 'point', lon: -0.5, lat: 51.5 },
    ]);
  });

  it('reports coordinates that are not numbers or out of range as invalid, naming the value', async () => {
    const records = await read(
      readKml,
      kml(
        point('abc,44.81') +
          point('20.46') +
          point('200.5,44.81') +
          point('20.46,95') +
          point('20.46,44.81,0 20.47,44.82,0') +
          point(''),
      ),
    );
    expect(records.map((record) => record.geometry)).toEqual([
      { kind: 'invalid', problem: 'coordinates "abc,44.81" are not lon,lat' },
      { kind: 'invalid', problem: 'coordinates "20.46" are not lon,lat' },
      { kind: 'invalid', problem: 'coordinates "200.5,44.81" are out of range (lon −180…180, lat −90…90)' },
      { kind: 'invalid', problem: 'coordinates "20.46,95" are out of range (lon −180…180, lat −90…90)' },
      { kind: 'invalid', problem: 'coordinates "20.46,44.81,0 20.47,44.82,0" are not lon,lat' },
      { kind: 'invalid', problem: 'has a Point without coordinates' },
    ]);
  });

  it('takes the point of a MultiGeometry, skips other geometries, and flags a placemark with none', async () => {
    const records = await read(
      readKml,
      kml(
        `<Placemark><name>Мульти</name><MultiGeometry><LineString><coordinates>20.4,44.8 20.5,44.8</coordinates></LineString><Point><coordinates>20.46,44.81</coordinates></Point></MultiGeometry></Placemark>` +
          `<Placemark><name>Линии</name><MultiGeometry><LineString><coordinates>20.4,44.8 20.5,44.8</coordinates></LineString></MultiGeometry></Placemark>` +
          `<Placemark><name>Трек</name><gx:Track xmlns:gx="http://www.google.com/kml/ext/2.2"><when>2025-01-01T00:00:00Z</when></gx:Track></Placemark>` +
          `<Placemark><name>Без места</name><description>Адрес уточняется</description></Placemark>`,
      ),
    );
    expect(records.map((record) => record.geometry)).toEqual([
      { kind: 'point', lon: 20.46, lat: 44.81 },
      { kind: 'skipped', what: 'other' },
      { kind: 'skipped', what: 'other' },
      { kind: 'invalid', problem: 'has no position' },
    ]);
  });

  it('resolves a direct Style, a styleUrl with a file part, and stops on a StyleMap cycle', async () => {
    const records = await read(
      readKml,
      kml(
        `<Style id="plain"/><StyleMap id="loop-a"><Pair><key>normal</key><styleUrl>#loop-b</styleUrl></Pair></StyleMap>` +
          `<StyleMap id="loop-b"><Pair><key>normal</key><styleUrl>#loop-a</styleUrl></Pair></StyleMap>` +
          `<Placemark><name>1</name><styleUrl>#plain</styleUrl><Point><coordinates>20.46,44.81</coordinates></Point></Placemark>` +
          `<Placemark><name>2</name><styleUrl>styles.kml#elsewhere</styleUrl><Point><coordinates>20.46,44.81</coordinates></Point></Placemark>` +
          `<Placemark><name>3</name><styleUrl>#loop-a</styleUrl><Point><coordinates>20.46,44.81</coordinates></Point></Placemark>`,
      ),
    );
    expect(records.map((record) => record.fields['kml:style'])).toEqual([
      'plain',
      'elsewhere',
      expect.stringMatching(/^loop-/),
    ]);
  });

  it('keeps the placemark name over a same-named data field and ignores __proto__', async () => {
    const [record] = await read(
      readKml,
      kml(
        `<Placemark><name>Настоящее имя</name><ExtendedData><Data name="name"><value>Другое</value></Data>` +
          `<Data name="__proto__"><value>x</value></Data><Data name="Пусто"><value/></Data>` +
          `<SchemaData schemaUrl="#s"><SimpleData name="amenity">cafe</SimpleData></SchemaData></ExtendedData>` +
          `<Point><coordinates>20.46,44.81</coordinates></Point></Placemark>`,
      ),
    );
    expect(record?.fields).toEqual({ name: 'Настоящее имя', amenity: 'cafe' });
    expect(Object.getPrototypeOf(record?.fields)).toBe(Object.prototype);
  });

  it('decodes the predefined entities and character references, and leaves undeclared ones as written', async () => {
    const [record] = await read(
      readKml,
      kml(point('20.46,44.81', 'Tom &amp; Jerry &#1058;&#x435;&lt;3 &xxe;')),
    );
    expect(record?.fields.name).toBe('Tom & Jerry Те<3 &xxe;');
  });

  it('reads files that declare windows-1251 or windows-1250, and a UTF-8 BOM', async () => {
    const cp1251 = (text: string) =>
      Uint8Array.from(text, (c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0)));
    const cyrillic = cp1251(
      `<?xml version="1.0" encoding="windows-1251"?><kml><Placemark><name>Кафе</name><Point><coordinates>20.46,44.81</coordinates></Point></Placemark></kml>`,
    );
    expect((await read(readKml, cyrillic))[0]?.fields.name).toBe('Кафе');

    const latin2 = { Č: 0xc8, č: 0xe8, ć: 0xe6 } as Record<string, number>;
    const serbian = Uint8Array.from(
      `<?xml version='1.0' encoding='windows-1250'?><kml><Placemark><name>Čačak ćevapi</name></Placemark></kml>`,
      (c) => latin2[c] ?? c.charCodeAt(0),
    );
    expect((await read(readKml, serbian))[0]?.fields.name).toBe('Čačak ćevapi');

    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...kml(point('20.46,44.81', 'С BOM'))]);
    expect((await read(readKml, bom))[0]?.fields.name).toBe('С BOM');
  });
});

describe('reading KML as a stream', () => {
  /** A My Maps-like document of `count` placemarks in two folders, with its end tags left out. */
  const unfinished = (count: number) =>
    utf8(
      `<kml><Document><Style id="s"/><Folder><name>Кафе</name>` +
        Array.from({ length: count }, (_, i) => point('20.46,44.81', `Место ${i + 1}`)).join('\n') +
        `</Folder><Folder><name>Разное</name>${point('20.47,44.82', 'Последнее')}`,
    );

  it('passes the first placemark on before the rest of the file is parsed', async () => {
    // Parsing everything first would fail before the first record: the file's end is malformed.
    const { first, count, failure } = await readUntilRefusal(readKml, unfinished(2_000));
    expect(first).toMatchObject({ position: 'placemark 1 "Место 1"', layer: 'Кафе' });
    // Every complete placemark comes before the refusal, which the import's transaction then rolls back.
    expect(count).toBe(2_001);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect((failure as ImportFileError).where).toMatch(/^line 2000, column \d+$/);
    expect((failure as ImportFileError).problem).toMatch(/^is not well-formed XML: unclosed tag/);
  });

  it('resolves styles declared after the placemarks that use them', async () => {
    const styles =
      `<Style id="late-normal"/><StyleMap id="late"><Pair><key>normal</key><styleUrl>#late-normal</styleUrl></Pair></StyleMap>` +
      `<StyleMap id="inline"><Pair><key>normal</key><Style id="inline-normal"/></Pair></StyleMap>`;
    const placemarks =
      `<Folder><name>Слой</name><Placemark><name>1</name><styleUrl>#late</styleUrl></Placemark>` +
      `<Placemark><name>2</name><styleUrl>#inline</styleUrl></Placemark></Folder>`;
    const early = await read(readKml, kml(styles + placemarks));
    const late = await read(readKml, kml(placemarks + styles));
    const inLaterFolder = await read(
      readKml,
      kml(`${placemarks}<Folder><name>Стили</name>${styles}</Folder>`),
    );
    expect(early.map((record) => record.fields['kml:style'])).toEqual(['late-normal', 'inline-normal']);
    expect(late).toEqual(early);
    expect(inLaterFolder).toEqual(early);
  });

  it('keeps the first Style or StyleMap of an id, and ignores the styles inside a kept one', async () => {
    const records = await read(
      readKml,
      kml(
        `<Style id="a"/><StyleMap id="a"><Pair><key>normal</key><styleUrl>#x</styleUrl></Pair></StyleMap>` +
          `<StyleMap id="b"><Pair><key>normal</key><styleUrl>#c</styleUrl></Pair>` +
          `<Pair><key>highlight</key><StyleMap id="c"><Pair><key>normal</key><styleUrl>#d</styleUrl></Pair></StyleMap></Pair></StyleMap>` +
          `<Placemark><styleUrl>#a</styleUrl></Placemark><Placemark><styleUrl>#b</styleUrl></Placemark>`,
      ),
    );
    expect(records.map((record) => record.fields['kml:style'])).toEqual(['a', 'c']);
  });

  it('reads only the placemarks of the document and its folders', async () => {
    const records = await read(
      readKml,
      kml(
        `<Folder><name>Слой</name>${point('20.46,44.81', 'В папке')}` +
          `<NetworkLinkControl><Update><Create><Folder>${point('20.46,44.81', 'В обновлении')}</Folder></Create></Update></NetworkLinkControl>` +
          `<Placemark><name>Внешнее</name><Point><coordinates>20.46,44.81</coordinates></Point>${point('1,1', 'Внутреннее')}</Placemark></Folder>`,
      ),
    );
    expect(records.map((record) => record.position)).toEqual([
      'placemark 1 "В папке"',
      'placemark 2 "Внешнее"',
    ]);
  });

  it('keeps control characters in text as written, as files from My Maps can have them', async () => {
    const [record] = await read(readKml, kml(point('20.46,44.81', 'Кафе\u000bна углу')));
    expect(record?.fields.name).toBe('Кафе\u000bна углу');
  });
});

describe('hostile and wrong KML files', () => {
  it('refuses a DOCTYPE with an external entity', async () => {
    const error = await fileError(
      readKml,
      utf8(
        `<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM "http://attacker.example/steal">]>\n<kml><Document>${point('20.46,44.81', '&xxe;')}</Document></kml>`,
      ),
    );
    expect(error.where).toBe('line 2, column 1');
    expect(error.problem).toMatch(/<!DOCTYPE> declaration/);
  });

  it('refuses the billion laughs', async () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join(
      '\n',
    );
    const error = await fileError(
      readKml,
      utf8(
        `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<kml><Document>${point('20.46,44.81', '&lol9;')}</Document></kml>`,
      ),
    );
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('refuses an entity declaration even without a DOCTYPE, but not the same text inside CDATA', async () => {
    const error = await fileError(readKml, utf8(`<kml><!ENTITY x "y"><Document/></kml>`));
    expect(error.problem).toMatch(/<!ENTITY> declaration/);
    const [record] = await read(
      readKml,
      kml(
        `<Placemark><name>Ок</name><description><![CDATA[<!DOCTYPE html><p>Привет</p>]]></description></Placemark>`,
      ),
    );
    expect(record?.fields.description).toBe('Привет');
  });

  it('refuses bytes that are not UTF-8, naming the byte', async () => {
    const good = kml(point('20.46,44.81', 'Кафе'));
    const bad = new Uint8Array([...good.subarray(0, 120), 0xc3, 0x28, ...good.subarray(120)]);
    const error = await fileError(readKml, bad);
    expect(error.where).toBe('byte 120');
    expect(error.problem).toMatch(/^is not valid UTF-8/);
  });

  it('refuses an encoding it cannot read', async () => {
    const error = await fileError(readKml, utf8(`<?xml version="1.0" encoding="EBCDIC-CP-US"?><kml/>`));
    expect(error.problem).toMatch(/encoding "EBCDIC-CP-US"/);
  });

  it('refuses XML that is not KML', async () => {
    const error = await fileError(
      readKml,
      utf8(`<?xml version="1.0"?><gpx version="1.1"><wpt lat="44.8" lon="20.4"/></gpx>`),
    );
    expect(error.message).toBe('file: is not a KML document (root element is <gpx>)');
  });

  it('refuses malformed XML with the line and column', async () => {
    const error = await fileError(
      readKml,
      utf8(`<kml>\n<Document>\n<Placemark><name>x</Placemark>\n</Document></kml>`),
    );
    expect(error.where).toMatch(/^line 3, column \d+$/);
    expect(error.problem).toMatch(/^is not well-formed XML/);
  });

  it('refuses an empty file, text that is not XML, and nesting deeper than the parser allows', async () => {
    expect((await fileError(readKml, utf8('  \n'))).problem).toBe('is empty');
    expect((await fileError(readKml, utf8('name,lat,lon\n'))).problem).toMatch(/not well-formed XML/);
    const deep = `<kml>${'<Folder>'.repeat(300)}${'</Folder>'.repeat(300)}</kml>`;
    expect(await fileError(readKml, utf8(deep))).toBeInstanceOf(ImportFileError);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await fileError(readKml, FIXTURE, { ...DEFAULT_READ_LIMITS, maxBytes: 1000 });
    expect(error.problem).toBe(`is ${FIXTURE.length} bytes, more than the 1000 allowed`);
  });
});

describe('KMZ', () => {
  it('reads doc.kml from the archive exactly as the KML file', async () => {
    const kmz = zipSync({
      'doc.kml': FIXTURE,
      'images/icon-1.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(await read(readKmz, kmz)).toEqual(await read(readKml, FIXTURE));
  });

  it('falls back to the first .kml at the root', async () => {
    const kmz = zipSync({ 'files/other.kml': kml(point('1,1', 'Не то')), 'Little Russia.KML': FIXTURE });
    const records = await read(readKmz, kmz);
    expect(records).toHaveLength(21);
  });

  it('names doc.kml in errors about its content', async () => {
    const error = await fileError(readKmz, zipSync({ 'doc.kml': utf8('<kml>\n<Document>\n</kml>') }));
    expect(error.where).toMatch(/^doc\.kml, line \d+/);
    const notKml = await fileError(readKmz, zipSync({ 'doc.kml': utf8('<html/>') }));
    expect(notKml.message).toBe('doc.kml: is not a KML document (root element is <html>)');
  });

  describe('zip bombs', () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxBytes: 1024 * 1024 };
    let bomb: Uint8Array;
    beforeAll(() => {
      // 100 MB of zeros deflate to about 100 KB.
      bomb = zipSync({ 'doc.kml': new Uint8Array(100 * 1024 * 1024) }, { level: 9 });
    });

    it('refuses an entry whose declared size is over the limit, before inflating', async () => {
      const error = await fileError(readKmz, bomb, limits);
      expect(error.message).toBe('doc.kml: is 104857600 bytes uncompressed, more than the 1048576 allowed');
    });

    it('stops inflating once the real size passes the limit when the headers lie', async () => {
      const liar = bomb.slice();
      const view = new DataView(liar.buffer);
      view.setUint32(22, 1000, true); // local header: uncompressed size
      const central = findSignature(liar, 0x02014b50);
      view.setUint32(central + 24, 1000, true); // central directory: uncompressed size
      const error = await fileError(readKmz, liar, limits);
      expect(error.message).toBe(
        'doc.kml: inflates to more than the 1048576 bytes allowed (the archive says 1000)',
      );
    });
  });

  it.each([['../evil.kml'], ['maps/../../evil.kml'], ['/etc/evil.kml'], ['C:/evil.kml'], ['maps\\evil.kml']])(
    'refuses an entry named %s (path traversal)',
    async (name) => {
      const error = await fileError(readKmz, zipSync({ 'doc.kml': FIXTURE, [name]: utf8('x') }));
      expect(error.problem).toBe(`has an entry named ${JSON.stringify(name)}, a path outside the archive`);
    },
  );

  it('refuses an archive with too many entries', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`images/${i}.png`, new Uint8Array(1)]),
    );
    const error = await fileError(readKmz, zipSync({ 'doc.kml': FIXTURE, ...files }), {
      ...DEFAULT_READ_LIMITS,
      maxZipEntries: 5,
    });
    expect(error.message).toBe('file: has more than 5 entries');
  });

  it('refuses bytes that are not a ZIP archive, a damaged archive, and one without a KML', async () => {
    expect((await fileError(readKmz, FIXTURE)).message).toBe('file: is not a KMZ (ZIP) archive');
    const damaged = zipSync({ 'doc.kml': FIXTURE }).subarray(0, 200);
    expect((await fileError(readKmz, damaged)).problem).toMatch(/^is not a valid ZIP archive/);
    const noKml = await fileError(
      readKmz,
      zipSync({ 'images/icon.png': new Uint8Array(4), 'maps/doc.kml': FIXTURE }),
    );
    expect(noKml.problem).toMatch(/^has no \.kml file at the root/);
  });

  it('refuses an archive over the size limit', async () => {
    const kmz = zipSync({ 'doc.kml': FIXTURE });
    const error = await fileError(readKmz, kmz, { ...DEFAULT_READ_LIMITS, maxBytes: 100 });
    expect(error.message).toBe(`file: is ${kmz.length} bytes, more than the 100 allowed`);
  });
});

describe('htmlToText', () => {
  it('passes plain text through, decoding entities only', () => {
    expect(htmlToText('Пн–Пт 9–18, *скидки* 1. _всем_ &laquo;друзьям&raquo; &amp; a < b')).toBe(
      'Пн–Пт 9–18, *скидки* 1. _всем_ «друзьям» & a < b',
    );
    expect(htmlToText('строка 1\nстрока 2\n\n\n\nстрока 3  ')).toBe('строка 1\nстрока 2\n\nстрока 3');
  });

  it('keeps http, https, mailto and tel links and drops the others to their text', () => {
    expect(
      htmlToText(
        '<a href="https://x.rs/a b">сайт</a> <a href="mailto:a@b.rs">почта</a> <a href="tel:+38111">тел</a> ' +
          '<a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <a href="/relative">отн</a>',
      ),
    ).toBe('[сайт](https://x.rs/a%20b) [почта](mailto:a@b.rs) [тел](tel:+38111) js data отн');
  });

  it('removes scripts, styles, iframes and images with their content, and collapses blank lines', () => {
    expect(
      htmlToText(
        '<style>p{color:red}</style><p>Раз</p><script>alert(1)</script><br><br><br><br>' +
          '<iframe src="https://x.example"><p>внутри</p></iframe><img src="https://x/y.png" alt="картинка">Два',
      ),
    ).toBe('Раз\n\nДва');
  });
});

describe('the real My Maps export of Tbilisi', () => {
  it.skipIf(!existsSync(TBILISI))('reads 9 layers, 194 named points and skips 4 directions', async () => {
    const records = await read(readKml, readFileSync(TBILISI));
    const points = records.filter((record) => record.geometry.kind === 'point');
    const layers = new Set(records.map((record) => record.layer));
    expect(layers.size).toBe(9);
    expect(layers.has('город')).toBe(true);
    expect([...layers].every((layer) => layer !== undefined && layer === layer.trim())).toBe(true);
    expect(points).toHaveLength(194);
    expect(records.filter((record) => record.geometry.kind === 'skipped')).toEqual(
      Array.from({ length: 4 }, () =>
        expect.objectContaining({ geometry: { kind: 'skipped', what: 'line' } }),
      ),
    );
    expect(records.filter((record) => record.geometry.kind === 'invalid')).toEqual([]);
    expect(points.every((record) => (record.fields.name ?? '') !== '')).toBe(true);
  });
});

function findSignature(bytes: Uint8Array, signature: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 4; i >= 0; i--) if (view.getUint32(i, true) === signature) return i;
  throw new Error('signature not found');
}
