import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoPlaces } from '../../src/demo/generate.ts';
import { languageMask } from '../../src/domain/languages.ts';
import type { PlaceData } from '../../src/domain/places/place.ts';
import type { Storage } from '../../src/storage/repositories.ts';
import { clearDemo, isNewInstance, loadDemo } from '../../src/usecases/demo-data.ts';
import { seedTaxonomy } from '../../src/usecases/seed-taxonomy.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../support/backends.ts';

const sample = (overrides: Partial<PlaceData> = {}): PlaceData => ({
  names: { ru: 'Сырники и кофе', 'sr-Latn': 'Sirniki i kafa' },
  originalLocale: 'ru',
  descriptions: { ru: 'Завтраки весь день' },
  category: 'cafe',
  extraCategories: [],
  lon: 20.4633,
  lat: 44.8226,
  address: 'Cara Dušana 10',
  city: 'belgrade',
  neighbourhood: 'dorcol',
  contacts: { phone: '+381 64 123 4567', telegram: '@syrniki' },
  hours: 'Mo-Fr 08:00-22:00',
  languages: ['ru', 'sr'],
  tags: ['wifi'],
  status: 'active',
  isDemo: false,
  provenance: { source: 'test', sourceId: 'node/123' },
  ...overrides,
});

describe.each(BACKENDS)('place storage on %s', (backend) => {
  let database: TestDatabase;
  let storage: Storage;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    storage = database.storage;
    await storage.migrate();
    await seedTaxonomy(storage);
  });
  afterAll(async () => database.drop());

  it('migrates once and then reports nothing to do', async () => {
    expect((await storage.migrate()).applied).toEqual([]);
  });

  it('stores a place and reads every field back', async () => {
    const created = await storage.places.insert(sample());
    const read = await storage.places.get(created.id);
    expect(read).toEqual(created);
    expect(read?.names.ru).toBe('Сырники и кофе');
    expect(read?.contacts.telegram).toBe('@syrniki');
    expect(read?.provenance).toEqual({ source: 'test', sourceId: 'node/123' });
    expect(read?.languages).toEqual(['ru', 'sr']);
    expect(read?.isDemo).toBe(false);
  });

  it('moves the data version forward on every write', async () => {
    const before = await storage.places.dataVersion();
    const place = await storage.places.insert(sample());
    await storage.places.update(place.id, { ...place, hours: 'Mo-Su 10:00-20:00' });
    expect(await storage.places.dataVersion()).toBe(before + 2);
  });

  it('writes nothing of a batch when one record breaks a constraint', async () => {
    const before = await storage.places.count({});
    await expect(
      storage.places.insertMany([sample(), sample({ category: 'no-such-category' })]),
    ).rejects.toThrow();
    expect(await storage.places.count({})).toBe(before);
  });

  describe('with the demo community', () => {
    let demo: PlaceData[];
    beforeAll(async () => {
      demo = [...generateDemoPlaces(400)];
      await storage.places.insertMany(demo);
    });

    it('filters by category, city, neighbourhood and languages exactly as a scan would', async () => {
      const all = demo.filter((p) => p.status === 'active');
      const expected = all.filter(
        (p) => p.category === 'cafe' && p.city === 'belgrade' && p.languages.includes('en'),
      ).length;
      const count = await storage.places.count({
        statuses: ['active'],
        categories: ['cafe'],
        city: 'belgrade',
        languageMask: languageMask(['en']),
      });
      expect(count).toBe(expected);
      expect(expected).toBeGreaterThan(0);
    });

    it('finds exactly the places inside a bounding box', async () => {
      // In Novi Sad, away from the sample places added above.
      const bbox = { minLon: 19.83, minLat: 45.24, maxLon: 19.86, maxLat: 45.26 };
      const inside = demo.filter(
        (p) =>
          p.status === 'active' &&
          p.lon >= bbox.minLon &&
          p.lon <= bbox.maxLon &&
          p.lat >= bbox.minLat &&
          p.lat <= bbox.maxLat,
      ).length;
      expect(inside).toBeGreaterThan(0);
      expect(await storage.places.count({ statuses: ['active'], bbox })).toBe(inside);
    });

    it('lists nearest first and pages through without gaps or repeats', async () => {
      const near = { lon: 20.4633, lat: 44.8226, radiusM: 3000 };
      const seen: number[] = [];
      let after: { id: number; distanceM?: number } | undefined;
      let lastDistance = -1;
      for (let page = 0; page < 50; page++) {
        const rows = await storage.places.list({
          statuses: ['active'],
          near,
          limit: 25,
          ...(after ? { after } : {}),
        });
        if (rows.length === 0) break;
        for (const row of rows) {
          expect(row.distanceM).toBeGreaterThanOrEqual(lastDistance);
          lastDistance = row.distanceM ?? 0;
          seen.push(row.id);
        }
        const last = rows.at(-1);
        after = last
          ? { id: last.id, ...(last.distanceM !== undefined ? { distanceM: last.distanceM } : {}) }
          : undefined;
      }
      expect(new Set(seen).size).toBe(seen.length);
      const everyoneNear = await storage.places.list({ statuses: ['active'], near, limit: 1000 });
      expect(seen.length).toBe(everyoneNear.length);
      expect(seen.length).toBeGreaterThan(25);
    });

    it('pages by id with a keyset', async () => {
      const first = await storage.places.list({ statuses: ['active'], city: 'novi-sad', limit: 10 });
      const second = await storage.places.list({
        statuses: ['active'],
        city: 'novi-sad',
        limit: 10,
        after: { id: first.at(-1)?.id ?? 0 },
      });
      expect(first).toHaveLength(10);
      expect(second[0]?.id).toBeGreaterThan(first.at(-1)?.id ?? 0);
    });

    it('streams active points for the in-memory index', async () => {
      let total = 0;
      for await (const batch of storage.places.points(100)) total += batch.length;
      expect(total).toBe(await storage.places.count({ statuses: ['active'] }));
    });

    it('matches full-text terms and prefixes, every group required', async () => {
      const words = (...groups: string[][]) => ({
        text: { groups: groups.map((terms) => ({ terms, categories: [], neighbourhoods: [], cities: [] })) },
      });
      const kafa = await storage.places.count(words(['kafa']));
      expect(kafa).toBeGreaterThan(0);
      expect(await storage.places.count(words(['sirn*'], ['kafa']))).toBeGreaterThan(0);
      expect(await storage.places.count(words(['kafa'], ['nosuchterm']))).toBe(0);
      expect(await storage.places.count(words(['nosuchterm', 'kafa']))).toBe(kafa);
      const cafesOrKafa = await storage.places.count({
        text: { groups: [{ terms: ['kafa'], categories: ['cafe'], neighbourhoods: [], cities: [] }] },
      });
      expect(cafesOrKafa).toBeGreaterThan(kafa);
    });

    it('removes only demo places', async () => {
      const removed = await storage.places.deleteDemo();
      expect(removed).toBe(demo.length);
      expect(await storage.places.count({})).toBeGreaterThan(0);
    });
  });
});

describe.each(BACKENDS)('first start on %s', (backend) => {
  it('loads the demo once, and an instance cleared of it stays empty', async () => {
    const database = await freshDatabase(backend);
    try {
      await database.storage.migrate();
      await seedTaxonomy(database.storage);
      expect(await isNewInstance(database.storage)).toBe(true);
      await loadDemo(database.storage, 20);
      expect(await isNewInstance(database.storage)).toBe(false);
      await clearDemo(database.storage);
      expect(await database.storage.places.count({})).toBe(0);
      expect(await isNewInstance(database.storage)).toBe(false);
    } finally {
      await database.drop();
    }
  });
});
