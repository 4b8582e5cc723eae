import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place, PlaceData } from '../../src/domain/places/place.ts';
import type { AppContext } from '../../src/usecases/context.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { importPlaces } from '../../src/usecases/import-places.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../support/backends.ts';

const DATA: PlaceData = {
  names: { ru: 'Книжный Бажа' },
  originalLocale: 'ru',
  descriptions: {},
  category: 'bookstore',
  extraCategories: [],
  lon: 20.46,
  lat: 44.815,
  address: 'Knez Mihailova 1',
  city: 'belgrade',
  neighbourhood: null,
  contacts: {},
  hours: null,
  languages: ['ru'],
  tags: [],
  status: 'active',
  isDemo: false,
  provenance: { source: 'test' },
};

const cafe = (name: string) =>
  new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'node/7',
          geometry: { type: 'Point', coordinates: [20.4633, 44.8226] },
          properties: { name, amenity: 'cafe' },
        },
      ],
    }),
  );

describe.each(BACKENDS)('place versions on %s', (backend) => {
  let database: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    ctx = await createContext(database.storage);
  });
  afterAll(() => database.drop());

  it('records who changed what with every write, and keeps the exact position of a home-based place private', async () => {
    const created = await ctx.storage.places.insert(
      { ...DATA, homeBased: true },
      { action: 'create', authorId: null },
    );
    expect(created.version).toBe(1);
    expect(created.lon).not.toBe(DATA.lon);
    const edited = (await ctx.storage.places.update(
      created.id,
      { ...created, hours: 'Mo-Fr 10:00-18:00' },
      { action: 'edit', authorId: null, note: 'hours' },
    )) as Place;
    expect(edited.version).toBe(2);
    const history = await ctx.storage.places.history(created.id);
    expect(history.map((v) => [v.version, v.action, v.note])).toEqual([
      [2, 'edit', 'hours'],
      [1, 'create', null],
    ]);
    // The history keeps the truth (for a revert), never the public approximation.
    expect(history.every((v) => v.data.lon === DATA.lon && v.data.address === DATA.address)).toBe(true);
    expect(history[0]?.data).not.toHaveProperty('id');
  });

  it('gives places stored without history a baseline before their first change', async () => {
    await ctx.storage.places.insertMany([{ ...DATA, names: { ru: 'Старое место' } }]);
    const old = (await ctx.storage.places.list({ limit: 100, demo: false })).find(
      (p) => p.names.ru === 'Старое место',
    );
    if (!old) throw new Error('no place');
    expect(await ctx.storage.places.history(old.id)).toEqual([]);
    await ctx.storage.places.update(old.id, { ...old, tags: ['books'] });
    const history = await ctx.storage.places.history(old.id);
    expect(history.map((v) => v.action)).toEqual(['edit', 'baseline']);
    expect(history[1]?.data.tags).toEqual([]);
  });

  it('records an import as versions of its source, and a changed re-import as a new version', async () => {
    await importPlaces(ctx, { fileName: 'cafes.geojson', bytes: cafe('Кафе Ласта') });
    await importPlaces(ctx, { fileName: 'cafes.geojson', bytes: cafe('Кафе Ласта') });
    await importPlaces(ctx, { fileName: 'cafes.geojson', bytes: cafe('Кафе Ласточка') });
    const [candidate] = await ctx.storage.places.duplicateCandidates({
      source: { source: 'import:cafes.geojson', sourceIds: ['node/7'] },
      nameKeys: [],
      phoneKeys: [],
      websiteKeys: [],
    });
    const history = await ctx.storage.places.history(candidate?.id ?? 0);
    expect(history.map((v) => [v.version, v.action, v.note])).toEqual([
      [2, 'import', 'import:cafes.geojson'],
      [1, 'import', 'import:cafes.geojson'],
    ]);
    expect(history[0]?.data.names.ru).toBe('Кафе Ласточка');
  });

  it('purges a place with its history, and redirects of merged places never chain', async () => {
    const a = await ctx.storage.places.insert({ ...DATA, names: { ru: 'A' } });
    const b = await ctx.storage.places.insert({ ...DATA, names: { ru: 'B' } });
    const c = await ctx.storage.places.insert({ ...DATA, names: { ru: 'C' } });
    await ctx.storage.places.addRedirect(a.id, b.id);
    await ctx.storage.places.addRedirect(b.id, c.id);
    expect(await ctx.storage.places.redirectOf(a.id)).toBe(c.id);
    expect(await ctx.storage.places.purge(c.id)).toBe(true);
    expect(await ctx.storage.places.get(c.id)).toBeNull();
    expect(await ctx.storage.places.history(c.id)).toEqual([]);
    expect(await ctx.storage.places.redirectOf(a.id)).toBeNull();
  });
});
