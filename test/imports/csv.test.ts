import { describe, expect, it } from 'vitest';
import { csvReader, detectDelimiter, detectEncoding, readCsv } from '../../src/imports/formats/csv.ts';
import { DEFAULT_READ_LIMITS, type FormatReader } from '../../src/imports/record.ts';
import { fixture, readAll, refusal, utf8 } from './reading.ts';

const read = (bytes: Uint8Array, reader: FormatReader = readCsv, limits = DEFAULT_READ_LIMITS) =>
  readAll(reader, bytes, limits);
const fileError = (bytes: Uint8Array, reader: FormatReader = readCsv, limits = DEFAULT_READ_LIMITS) =>
  refusal(reader, bytes, limits);

describe('CSV reader: files people export', () => {
  it('reads a UTF-8 file with a BOM, Russian headers, ";" and decimal commas', async () => {
    const records = await read(fixture('places-utf8-bom.csv'));
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual({
      position: 'line 2',
      geometry: { kind: 'point', lat: 44.8176, lon: 20.4569 },
      fields: {
        Название: 'Кафе «Самовар»',
        Категория: 'Кафе',
        Телефон: '+381 64 123 4567',
        'Часы работы': 'Mo-Su 08:00-22:00',
        Адрес: 'Краља Милана 12, Београд',
      },
    });
    // The BOM does not end up in the first header, and empty cells are left out.
    expect(records[1]?.fields).not.toHaveProperty('Адрес');
    expect(records[2]?.fields.Название).toBe('Пекарня "Хлеб да соль"');
  });

  it('reads quoted fields with commas, newlines and doubled quotes, and positions records where they start', async () => {
    const records = await read(fixture('places-utf8.csv'));
    expect(records.map((record) => record.position)).toEqual(['line 2', 'line 4', 'line 5']);
    expect(records.map((record) => record.sourceId)).toEqual(['cafe-1', 'salon-2', 'school-3']);
    expect(records[0]?.fields).toMatchObject({
      Name: 'Zmaj Café, Dorćol',
      Description: 'Specialty coffee, syrniki and "honest" pancakes.\nRussian and English spoken.',
    });
    expect(records[0]?.fields).not.toHaveProperty('id');
    expect(records[0]?.fields).not.toHaveProperty('Latitude');
    expect(records[2]?.fields.Name).toBe('Chess club "Knight"');
  });

  it('reads one Serbian "Koordinate" column written as "lat, lon", "lat lon" or degrees and minutes', async () => {
    const records = await read(fixture('places-serbian.csv'));
    expect(records.map((record) => record.geometry)).toEqual([
      { kind: 'point', lat: 45.2551, lon: 19.8452 },
      { kind: 'point', lat: 45.2461, lon: 19.8338 },
      { kind: 'point', lat: 45.2589, lon: 19.8227 },
      { kind: 'point', lat: expect.closeTo(45.258222, 5), lon: expect.closeTo(19.844528, 5) },
    ]);
    expect(records[1]?.fields).toEqual({
      Naziv: 'Vrtić Zvončić',
      Kategorija: 'Vrtić',
      Telefon: '+381 21 456 789',
      'Radno vreme': 'Mo-Fr 06:30-17:30',
    });
  });

  it('reads a Windows-1251 file with Ukrainian headers and Russian text', async () => {
    const records = await read(fixture('places-cp1251.csv'));
    expect(records).toHaveLength(4);
    expect(records[0]?.fields).toEqual({
      Назва: "Кав'ярня «Київ»",
      Категорія: 'Кафе',
      Телефон: '+381 64 765 4321',
      Опис: 'Сирники, вареники, борщ',
    });
    expect(records[2]?.fields.Назва).toBe('Магазин «Берёзка»');
    expect(records[3]?.geometry).toEqual({ kind: 'point', lat: 44.8177, lon: 20.4103 });
  });

  it('reads a Windows-1250 file in Serbian Latin with č ć š ž đ', async () => {
    const records = await read(fixture('places-cp1250.csv'));
    expect(records.map((record) => record.fields.Naziv)).toEqual([
      'Ćevabdžinica Željko',
      'Frizerski salon Đurđa',
      'Vrtić Čarobna šuma',
      'Škola šaha Šah-mat',
    ]);
    expect(records[0]?.geometry).toEqual({ kind: 'point', lat: 45.254, lon: 19.844 });
  });
});

describe('CSV reader: encodings', () => {
  it('detects the three encodings of the fixtures', () => {
    expect(detectEncoding(fixture('places-utf8-bom.csv'))).toBe('utf-8');
    expect(detectEncoding(fixture('places-utf8.csv'))).toBe('utf-8');
    expect(detectEncoding(fixture('places-cp1251.csv'))).toBe('windows-1251');
    expect(detectEncoding(fixture('places-cp1250.csv'))).toBe('windows-1250');
  });

  it('tells Cyrillic from Serbian Latin in a single short row', () => {
    const cp1251 = Uint8Array.from([0xca, 0xe0, 0xf4, 0xe5, 0x3b, 0x31]); // "Кафе;1"
    const cp1250 = Uint8Array.from([0x56, 0x72, 0x74, 0x69, 0xe6, 0x3b, 0x31]); // "Vrtić;1"
    expect(detectEncoding(cp1251)).toBe('windows-1251');
    expect(detectEncoding(cp1250)).toBe('windows-1250');
  });

  it('reads Serbian Cyrillic letters (ђ ћ љ њ џ ј) in Windows-1251', async () => {
    // "Назив;Широта;Дужина\nЋевабџиница Ђурђа;44.81;20.46" with Serbian letters in the upper half of 1251.
    const text = 'Назив;Широта;Дужина\nЋевабџиница Ђурђа Љиљана Њивица Јанко;44.81;20.46\n';
    const records = await read(encode1251(text));
    expect(records[0]?.fields.Назив).toBe('Ћевабџиница Ђурђа Љиљана Њивица Јанко');
  });

  it('honours an explicit encoding over detection', async () => {
    const bytes = encode1251('Название,lat,lon\nКафе,44.81,20.46\n');
    const [asLatin] = await read(bytes, csvReader({ encoding: 'windows-1250' }));
    expect(asLatin?.fields).toHaveProperty('Íŕçâŕíčĺ', 'Ęŕôĺ');
  });

  it('fails on UTF-8 with broken bytes, naming the byte offset, instead of guessing a legacy encoding', async () => {
    const good = utf8('Название,lat,lon\nКафе «Самовар»,44.81,20.46\nПекарня,44.79,20.44\n');
    const broken = new Uint8Array([...good.subarray(0, 40), 0xff, ...good.subarray(40)]);
    expect(detectEncoding(broken)).toBe('utf-8');
    const error = await fileError(broken);
    expect(error.where).toBe('byte 40');
    expect(error.problem).toMatch(/not valid UTF-8/);
  });
});

describe('CSV reader: delimiters and columns', () => {
  it('detects tab and pipe delimiters and ignores delimiters inside quoted headers', () => {
    expect(detectDelimiter('name\tlat\tlon\n')).toBe('\t');
    expect(detectDelimiter('name|lat|lon\n')).toBe('|');
    expect(detectDelimiter('"name, full";lat;lon\n"a, b";1;2\n')).toBe(';');
    expect(detectDelimiter('Название;Широта;Долгота;Заметки, часы\nКафе;44,81;20,46;у парка\n')).toBe(';');
    // A tie goes to the delimiter that occurs as often in the next line.
    expect(detectDelimiter('name;note,lat\nКафе;44\n')).toBe(';');
  });

  it('takes an explicit delimiter over detection', async () => {
    const bytes = utf8('name;note|lat|lon\nКафе;у парка|44.81|20.46\n');
    const [record] = await read(bytes, csvReader({ delimiter: '|' }));
    expect(record?.fields).toEqual({ 'name;note': 'Кафе;у парка' });
  });

  it('refuses a delimiter that cannot separate fields when the reader is made', () => {
    expect(() => csvReader({ delimiter: '' })).toThrow(TypeError);
    expect(() => csvReader({ delimiter: '"' })).toThrow(/cannot separate fields/);
  });

  it('maps columns the operator names, over recognised headers, and keys them by the Kvartal key', async () => {
    const bytes = utf8('Заведение;Ш;Д;Широта;Долгота\nКафе «Самовар»;44,8176;20,4569;0;0\n');
    const reader = csvReader({ columns: { name: 'Заведение', lat: 'Ш', lon: 'Д' } });
    const [record] = await read(bytes, reader);
    expect(record?.geometry).toEqual({ kind: 'point', lat: 44.8176, lon: 20.4569 });
    expect(record?.fields).toMatchObject({ name: 'Кафе «Самовар»' });
  });

  it('names a mapped header the file does not have', async () => {
    const error = await fileError(fixture('places-utf8.csv'), csvReader({ columns: { name: 'Заведение' } }));
    expect(error.problem).toMatch(/no column "Заведение" \(given for name\)/);
    expect(error.problem).toMatch(/Latitude/);
  });

  it('lists the headers it looked for when there is no coordinate column', async () => {
    const error = await fileError(utf8('Naziv,Kategorija\nFrizer Olja,Frizer\n'));
    expect(error.where).toBe('file');
    expect(error.problem).toMatch(/широта\/долгота/);
    expect(error.problem).toMatch(/koordinate/);
    expect(error.problem).toMatch(/its columns are: Naziv, Kategorija/);
  });

  it('trims headers and values, leaves empty cells out and keeps both values of a repeated header', async () => {
    const bytes = utf8(
      ' Name , Phone ,Phone, lat , lon ,__proto__\n  Кафе  ,+381 64 123 4567,+381 11 222 333,44.81,20.46,x\n',
    );
    const [record] = await read(bytes);
    expect(record?.fields).toEqual({ Name: 'Кафе', Phone: '+381 64 123 4567;+381 11 222 333' });
    expect(Object.getPrototypeOf(record?.fields)).toBe(Object.prototype);
  });

  it('takes the source id from a "source_id" column, or from the column mapped to it', async () => {
    const [record] = await read(utf8('source_id,name,lat,lon\nmymaps-17,Кафе,44.81,20.46\n'));
    expect(record?.sourceId).toBe('mymaps-17');
    expect(record?.fields).toEqual({ name: 'Кафе' });
    const bytes = utf8('Broj;Naziv;Koordinate\n17;Frizer Olja;45.2551 19.8452\n');
    const [mapped] = await read(bytes, csvReader({ columns: { source_id: 'Broj' } }));
    expect(mapped).toMatchObject({ sourceId: '17', fields: { Naziv: 'Frizer Olja' } });
    expect(mapped?.fields).not.toHaveProperty('Broj');
  });
});

describe('CSV reader: bad rows are invalid records, not a failed file', () => {
  const header = 'Название;Категория;Широта;Долгота;Телефон\n';

  it('reports a row with the wrong number of columns', async () => {
    const records = await read(utf8(`${header}Кафе;Кафе;44,81\nПекарня;Пекарня;44,79;20,44;\n`));
    expect(records[0]).toEqual({
      position: 'line 2',
      geometry: { kind: 'invalid', problem: 'has 3 columns, the header has 5' },
      fields: {},
    });
    expect(records[1]?.geometry.kind).toBe('point');
  });

  it('tolerates a trailing delimiter after the last column', async () => {
    const [record] = await read(utf8(`${header}Кафе;Кафе;44,81;20,46;+381 64 123 4567;\n`));
    expect(record?.geometry).toEqual({ kind: 'point', lat: 44.81, lon: 20.46 });
  });

  it('names the column, the line and the value of a coordinate that is not a number', async () => {
    const [record] = await read(utf8(`${header}Кафе;Кафе;44,8x;20,46;\n`));
    expect(record?.geometry).toEqual({
      kind: 'invalid',
      problem: '"Широта" on line 2 is "44,8x", not a latitude',
    });
  });

  it('reports coordinates out of range', async () => {
    const records = await read(utf8(`${header}Кафе;Кафе;144,81;20,46;\nБар;Бар;44,81;200,46;\n`));
    expect(records[0]?.geometry).toEqual({
      kind: 'invalid',
      problem: 'latitude 144.81 in "Широта" on line 2 is out of range (-90 to 90)',
    });
    expect(records[1]?.geometry).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/longitude 200.46/),
    });
  });

  it('reports a row without coordinates and a "lat, lon" cell it cannot read', async () => {
    const records = await read(
      utf8('Naziv,Koordinate\nFrizer,\nVrtić,"45.25 / 19.84"\nPekara,"19.8227E, 45.2589N"\n'),
    );
    expect(records[0]?.geometry).toEqual({ kind: 'invalid', problem: '"Koordinate" on line 2 is empty' });
    expect(records[1]?.geometry).toEqual({
      kind: 'invalid',
      problem: '"Koordinate" on line 3 is "45.25 / 19.84", not "latitude, longitude"',
    });
    // Hemisphere letters put the longitude first.
    expect(records[2]?.geometry).toEqual({ kind: 'point', lat: 45.2589, lon: 19.8227 });
  });

  it('reads "lat;lon" and decimal commas in a coordinates column, and a pasted Google Maps pair', async () => {
    const bytes = utf8(
      'Name\tCoordinates\nA\t44,8176; 20,4569\nB\t44.8176,20.4569\nC\t(44.8176, 20.4569)\nD\t44,8176 20,4569\n',
    );
    const records = await read(bytes);
    for (const record of records)
      expect(record.geometry).toEqual({ kind: 'point', lat: 44.8176, lon: 20.4569 });
  });

  it('counts physical lines across CRLF endings, blank lines and multi-line cells', async () => {
    const text = 'name,lat,lon\r\n\r\n"Кафе\r\nу парка",44.81,20.46\r\n,,\r\nБар,44.82,20.47';
    const records = await read(utf8(text));
    expect(records.map((record) => record.position)).toEqual(['line 3', 'line 6']);
    expect(records[0]?.fields.name).toBe('Кафе\nу парка');
  });
});

describe('CSV reader: hostile and broken files', () => {
  it('refuses an empty file, a file of blank lines and a header without rows', async () => {
    expect((await fileError(new Uint8Array())).problem).toBe('is empty');
    expect((await fileError(utf8('\n\r\n  \n'))).problem).toBe('is empty');
    expect((await fileError(utf8('Название;Широта;Долгота\n\n'))).problem).toBe(
      'has a header row but no data rows',
    );
  });

  it('refuses a binary file named .csv as not a text file', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const error = await fileError(png);
    expect(error.where).toBe('file');
    expect(error.problem).toMatch(/^is not a text file/);
  });

  it('explains that a UTF-16 export must be saved as UTF-8', async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x6e, 0, 0x61, 0, 0x6d, 0, 0x65, 0]);
    expect((await fileError(utf16)).problem).toMatch(/UTF-16; save it as UTF-8/);
  });

  it('refuses a file over maxBytes before reading it', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxBytes: 100 };
    const error = await fileError(fixture('places-utf8.csv'), readCsv, limits);
    expect(error.problem).toMatch(/more than the 100 allowed/);
  });

  it('stops at a 10 MB single line with the line number, without reading it all', async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024 + 20);
    bytes.set(utf8('name,lat,lon\n'));
    bytes.fill(0x61, 13);
    const started = performance.now();
    const error = await fileError(bytes);
    expect(error.where).toBe('line 2');
    expect(error.problem).toBe(`is longer than ${DEFAULT_READ_LIMITS.maxLineBytes} bytes`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('measures a multi-line record as one record', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxLineBytes: 200 };
    const long = `"${'строка\n'.repeat(40)}"`;
    const error = await fileError(
      utf8(`name,lat,lon\nКафе,44.81,20.46\n${long},44.8,20.4\n`),
      readCsv,
      limits,
    );
    expect(error.where).toBe('line 3');
  });

  it('names the line of a quote that is never closed', async () => {
    const error = await fileError(
      utf8('name,lat,lon\nКафе,44.81,20.46\n"Бар,44.82,20.47\nКлуб,44.83,20.48\n'),
    );
    expect(error.where).toBe('line 3');
    expect(error.problem).toMatch(/never closed/);
  });

  it('keeps quotes inside an unquoted field as text', async () => {
    const [record] = await read(utf8('name;lat;lon\nКафе "Ромашка";44.81;20.46\n'));
    expect(record?.fields.name).toBe('Кафе "Ромашка"');
  });
});

/** Windows-1251 bytes for a text, from the decoder's own table. */
function encode1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((char) => table.get(char) ?? 0x3f));
}
