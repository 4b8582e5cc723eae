import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Place } from '../../src/domain/places/place.ts';
import { changedFields } from '../../src/domain/places/place-changes.ts';
import { ImportFileError } from '../../src/imports/record.ts';
import type { AppContext } from '../../src/usecases/context.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { type ImportRequest, importPlaces } from '../../src/usecases/import-places.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../support/backends.ts';

const encode = (text: string) => new TextEncoder().encode(text);

interface Feature {
  id?: string;
  lon: number;
  lat: number;
  tags: Record<string, string>;
}

function geojson(features: Feature[]): Uint8Array {
  return encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((f) => ({
        type: 'Feature',
        ...(f.id ? { id: f.id } : {}),
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: f.tags,
      })),
    }),
  );
}

const CAFE: Feature = {
  id: 'node/1',
  lon: 20.4633,
  lat: 44.8226,
  tags: {
    name: 'Сырники и кофе',
    'name:sr-Latn': 'Sirniki i kafa',
    amenity: 'cafe',
    opening_hours: 'Mo-Fr 08:00-20:00',
    phone: '+381 64 111 2233',
    'contact:telegram': 'https://t.me/syrniki_bg',
    'language:ru': 'yes',
    'language:sr': 'yes',
    'addr:street': 'Cara Dušana',
    'addr:housenumber': '10',
  },
};
const SALON: Feature = {
  id: 'node/2',
  lon: 20.4571,
  lat: 44.8125,
  tags: { name: 'Frizerski salon Đurđa', shop: 'hairdresser', website: 'jelena-frizer.rs' },
};
const DENTIST: Feature = {
  id: 'way/3',
  lon: 19.8335,
  lat: 45.2551,
  tags: { name: 'Стоматология Улыбка', amenity: 'dentist', email: 'mailto:hello@ulybka.rs' },
};

// Every behaviour holds whether the records are mapped in this thread (small files) or in a worker thread.
const CASES = BACKENDS.flatMap((backend) => [
  [backend, 'in process'] as const,
  [backend, 'in a worker'] as const,
]);

describe.each(CASES)('importing places on %s, mapping %s', (backend, mapping) => {
  let database: TestDatabase;
  let ctx: AppContext;

  const run = (request: Partial<ImportRequest> & { bytes: Uint8Array }) =>
    importPlaces(ctx, { fileName: 'osm.geojson', worker: mapping === 'in a worker', ...request });
  const realPlaces = async (): Promise<Place[]> => {
    const rows = await ctx.storage.places.list({ demo: false, limit: 1000 });
    return rows;
  };

  beforeAll(async () => {
    database = await freshDatabase(backend);
    ctx = await createContext(database.storage);
  });
  afterAll(() => database.drop());
  beforeEach(async () => {
    // Each test starts from an empty map: remove what the previous one imported.
    const places = await realPlaces();
    if (places.length) {
      await ctx.storage.places.transaction(async (repo) => {
        for (const place of places) await repo.update(place.id, { ...place, isDemo: true });
      });
      await ctx.storage.places.deleteDemo();
    }
  });

  it('imports OSM-tagged GeoJSON into complete places with their provenance', async () => {
    const report = await run({ bytes: geojson([CAFE, SALON, DENTIST]) });
    expect(report.written).toBe(true);
    expect(report.counts).toMatchObject({ records: 3, new: 3, invalid: 0, duplicate: 0 });
    const places = await realPlaces();
    const cafe = places.find((p) => p.provenance.sourceId === 'node/1');
    expect(cafe).toMatchObject({
      names: { ru: 'Сырники и кофе', 'sr-Latn': 'Sirniki i kafa' },
      originalLocale: 'ru',
      category: 'cafe',
      city: 'belgrade',
      address: 'Cara Dušana 10',
      hours: 'Mo-Fr 08:00-20:00',
      contacts: { phone: '+381 64 111 2233', telegram: '@syrniki_bg' },
      provenance: { source: 'import:osm.geojson', sourceId: 'node/1' },
      status: 'active',
      isDemo: false,
    });
    expect(cafe?.languages.sort()).toEqual(['ru', 'sr']);
    const salon = places.find((p) => p.provenance.sourceId === 'node/2');
    expect(salon).toMatchObject({
      category: 'hair-salon',
      names: { 'sr-Latn': 'Frizerski salon Đurđa' },
      contacts: { website: 'https://jelena-frizer.rs' },
    });
    const dentist = places.find((p) => p.provenance.sourceId === 'way/3');
    expect(dentist).toMatchObject({
      category: 'dentist',
      city: 'novi-sad',
      contacts: { email: 'hello@ulybka.rs' },
    });
  });

  it('changes nothing when the same file comes again, and updates only what the source changed', async () => {
    await run({ bytes: geojson([CAFE, SALON, DENTIST]) });
    const before = await realPlaces();
    const version = await ctx.storage.places.dataVersion();

    const again = await run({ bytes: geojson([CAFE, SALON, DENTIST]) });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3, duplicate: 0 });
    expect(await ctx.storage.places.dataVersion()).toBe(version);
    const after = await realPlaces();
    expect(after.map((p) => [p.id, p.updatedAt])).toEqual(before.map((p) => [p.id, p.updatedAt]));

    const moved = { ...SALON, tags: { ...SALON.tags, phone: '+381 11 222 3333' } };
    const changed = await run({ bytes: geojson([CAFE, moved, DENTIST]) });
    expect(changed.counts).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    const salon = (await realPlaces()).find((p) => p.provenance.sourceId === 'node/2');
    expect(salon?.contacts.phone).toBe('+381 11 222 3333');
    expect(salon?.id).toBe(before.find((p) => p.provenance.sourceId === 'node/2')?.id);
  });

  it('writes nothing in a dry run, yet reports exactly what a real run does', async () => {
    const dry = await run({ bytes: geojson([CAFE, SALON]), dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, written: false });
    expect(dry.counts).toMatchObject({ new: 2 });
    expect(await realPlaces()).toHaveLength(0);
    const real = await run({ bytes: geojson([CAFE, SALON]) });
    expect(real.counts).toEqual(dry.counts);
  });

  it('refuses the whole file when a record is invalid, naming it; --partial imports the rest', async () => {
    const outside = { ...DENTIST, id: 'node/9', lon: 13.4, lat: 52.5 };
    const badCategory = { id: 'node/10', lon: 20.46, lat: 44.81, tags: { name: 'Что-то', tourism: 'hotel' } };
    const bytes = geojson([CAFE, outside, SALON, badCategory]);
    const refused = await run({ bytes });
    expect(refused.written).toBe(false);
    expect(refused.counts).toMatchObject({ records: 4, invalid: 2 });
    expect(refused.invalid).toEqual([
      { position: 'feature 2', reason: expect.stringMatching(/^lon\/lat: is outside every city/) },
      { position: 'feature 4', reason: expect.stringMatching(/^category: this record matches no category/) },
    ]);
    expect(await realPlaces()).toHaveLength(0);

    const partial = await run({ bytes, partial: true });
    expect(partial.written).toBe(true);
    expect(partial.counts).toMatchObject({ new: 2, invalid: 2 });
    expect(await realPlaces()).toHaveLength(2);
  });

  it('drops a bad optional field with a warning instead of losing the place', async () => {
    const messy = { ...CAFE, tags: { ...CAFE.tags, phone: 'звонить Ивану', opening_hours: 'когда как' } };
    const report = await run({ bytes: geojson([messy]) });
    expect(report.counts.new).toBe(1);
    expect(report.warnings.map((w) => w.message).sort()).toEqual([
      expect.stringMatching(/^contacts\.phone dropped/),
      expect.stringMatching(/^hours dropped/),
    ]);
    const [place] = await realPlaces();
    expect(place?.contacts.phone).toBeUndefined();
    expect(place?.hours).toBeNull();
  });

  it('never doubles a place: same name nearby, same phone or same website is a duplicate whose blanks get filled', async () => {
    await run({ bytes: geojson([CAFE, SALON]) });
    const other = geojson([
      // The café again from another source, written in Latin, 20 m away, with Instagram added.
      {
        id: 'x1',
        lon: 20.46355,
        lat: 44.8227,
        tags: {
          name: 'Syrniki i kofe',
          amenity: 'cafe',
          'contact:instagram': 'syrniki.bg',
          phone: '0641112233',
        },
      },
      // The salon under another name, 100 m away, found by its website.
      {
        id: 'x2',
        lon: 20.458,
        lat: 44.813,
        tags: { name: 'Jelena hair', shop: 'hairdresser', website: 'https://www.jelena-frizer.rs/' },
      },
    ]);
    const skipped = await run({ bytes: other, fileName: 'other.geojson', duplicates: 'skip' });
    expect(skipped.counts).toMatchObject({ new: 0, duplicate: 2 });
    expect(skipped.duplicates.every((d) => d.merged === false)).toBe(true);

    const merged = await run({ bytes: other, fileName: 'other.geojson' });
    expect(merged.counts).toMatchObject({ new: 0, duplicate: 2 });
    expect(merged.duplicates.map((d) => d.reason).sort()).toEqual([
      expect.stringMatching(/^same name \d+ m away$/),
      expect.stringMatching(/^same website \d+ m away$/),
    ]);
    const places = await realPlaces();
    expect(places).toHaveLength(2);
    const cafe = places.find((p) => p.provenance.sourceId === 'node/1');
    expect(cafe?.contacts).toMatchObject({ phone: '+381 64 111 2233', instagram: '@syrniki.bg' });
    expect(cafe?.names.ru).toBe('Сырники и кофе');
  });

  it('finds duplicates inside one file too', async () => {
    const twin = { ...CAFE, id: 'node/77', lon: 20.46335 };
    const report = await run({ bytes: geojson([CAFE, twin]) });
    expect(report.counts).toMatchObject({ new: 1, duplicate: 1 });
    expect(report.duplicates[0]).toMatchObject({ position: 'feature 2', placeId: null });
  });

  it('keeps branches of a chain apart: a shared website or phone counts only nearby', async () => {
    const branch = (id: string, lon: number, lat: number): Feature => ({
      id,
      lon,
      lat,
      tags: {
        name: 'Apoteka Beograd',
        amenity: 'pharmacy',
        website: 'https://apotekabeograd.rs',
        phone: '+381 11 300 0000',
      },
    });
    const report = await run({
      bytes: geojson([branch('n1', 20.46, 44.82), branch('n2', 20.41, 44.8), branch('n3', 20.48, 44.78)]),
    });
    expect(report.counts).toMatchObject({ new: 3, duplicate: 0 });
  });

  it('keeps keys of places without ids stable when the file lists them in another order', async () => {
    const a = {
      lon: 20.46,
      lat: 44.82,
      tags: { name: 'Apoteka Zdravlje', amenity: 'pharmacy', phone: '+381 11 111 1111' },
    };
    const b = {
      lon: 20.41,
      lat: 44.8,
      tags: { name: 'Apoteka Zdravlje', amenity: 'pharmacy', phone: '+381 11 222 2222' },
    };
    await run({ bytes: geojson([a, b]) });
    const swapped = await run({ bytes: geojson([b, a]) });
    expect(swapped.counts).toMatchObject({ new: 0, unchanged: 2, updated: 0 });
  });

  it("refuses a record whose id already names another file's place elsewhere, instead of overwriting it", async () => {
    await run({ bytes: geojson([CAFE]), fileName: '/x/places.geojson' });
    const stranger = {
      id: 'node/1',
      lon: 19.84,
      lat: 45.25,
      tags: { name: 'Zubar Gama', amenity: 'dentist' },
    };
    const refused = await run({ bytes: geojson([stranger]), fileName: '/y/places.geojson' });
    expect(refused.written).toBe(false);
    expect(refused.invalid[0]?.reason).toMatch(/already belongs to place #\d+ "Сырники и кофе"/);
    const own = await run({
      bytes: geojson([stranger]),
      fileName: '/y/places.geojson',
      source: 'novi-sad-dentists',
    });
    expect(own.counts).toMatchObject({ new: 1 });
    const cafe = (await realPlaces()).find((p) => p.names.ru === 'Сырники и кофе');
    expect(cafe?.category).toBe('cafe');
  });

  it('never publishes the street address a home-based record brings into a merge', async () => {
    const salon = {
      id: 'a1',
      lon: 20.4571,
      lat: 44.8125,
      tags: { name: 'Marija frizer', shop: 'hairdresser', phone: '+381 64 777 8888' },
    };
    await run({ bytes: geojson([salon]), fileName: 'a.geojson' });
    const atHome = {
      id: 'b1',
      lon: 20.4572,
      lat: 44.8126,
      tags: {
        name: 'Frizerka Marija',
        shop: 'hairdresser',
        phone: '+381 64 777 8888',
        home_based: 'yes',
        'addr:street': 'Njegoševa',
        'addr:housenumber': '12',
      },
    };
    const merged = await run({ bytes: geojson([atHome]), fileName: 'b.geojson' });
    expect(merged.counts.duplicate).toBe(1);
    const [place] = await realPlaces();
    expect(place).toMatchObject({ homeBased: true, address: null });
    expect(JSON.stringify(place)).not.toContain('Njegoševa');
  });

  it('keeps a place home-based when its source later forgets the flag', async () => {
    const tutor = {
      id: 't1',
      lon: 20.4612,
      lat: 44.8123,
      tags: { name: 'Репетитор Марина', amenity: 'language_school', home_based: 'yes' },
    };
    await run({ bytes: geojson([tutor]) });
    const { home_based: _dropped, ...forgetful } = tutor.tags;
    const again = await run({ bytes: geojson([{ ...tutor, tags: forgetful }]) });
    expect(again.counts).toMatchObject({ unchanged: 1, updated: 0 });
    const [place] = await realPlaces();
    expect(place?.homeBased).toBe(true);
    expect(place?.lon).not.toBe(20.4612);
  });

  it('refuses a file over the size limit or of the wrong type, writing nothing', async () => {
    await expect(run({ bytes: geojson([CAFE]), limits: { maxBytes: 100 } })).rejects.toThrow(ImportFileError);
    await expect(run({ bytes: geojson([CAFE]), fileName: 'places.kml' })).rejects.toThrow(/not KML/);
    expect(await realPlaces()).toHaveLength(0);
  });

  it('keeps a place the same through changedFields after import (sanity of the comparison)', async () => {
    await run({ bytes: geojson([CAFE]) });
    const [place] = await realPlaces();
    expect(place && changedFields(place, place)).toEqual([]);
  });
});
