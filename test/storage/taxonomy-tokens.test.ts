import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceData } from '../../src/domain/places/place.ts';
import { indexPlace } from '../../src/search/place-indexer.ts';
import type { KyselyStorage } from '../../src/storage/kysely/kysely-storage.ts';
import { placeColumns } from '../../src/storage/kysely/rows.ts';
import { migrations } from '../../src/storage/migrations/index.ts';
import type { PlaceFilter, TextGroup } from '../../src/storage/repositories.ts';
import type { Database } from '../../src/storage/schema.ts';
import { seedTaxonomy } from '../../src/usecases/seed-taxonomy.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../support/backends.ts';

const place = (name: string, overrides: Partial<PlaceData> = {}): PlaceData => ({
  names: { 'sr-Latn': name },
  originalLocale: 'sr-Latn',
  descriptions: {},
  category: 'cafe',
  extraCategories: [],
  lon: 20.4633,
  lat: 44.8226,
  address: null,
  city: 'belgrade',
  neighbourhood: 'vracar',
  contacts: {},
  hours: null,
  languages: [],
  tags: [],
  status: 'active',
  isDemo: false,
  provenance: { source: 'test' },
  ...overrides,
});

/** A query word whose key matches no stored text, so only the taxonomy tokens can match it. */
const word = (slugs: Partial<Omit<TextGroup, 'terms'>>): TextGroup => ({
  terms: ['qqqnotaword'],
  categories: [],
  neighbourhoods: [],
  cities: [],
  ...slugs,
});

const ACTIVE: PlaceFilter = { statuses: ['active'] };

async function matching(storage: KyselyStorage, groups: TextGroup[], filter = ACTIVE): Promise<number[]> {
  const found = await storage.places.textCandidates({ ...filter, text: { groups } }, 100);
  return found.map((c) => c.id).sort((a, b) => a - b);
}

describe.each(BACKENDS)('taxonomy tokens in the full-text index on %s', (backend) => {
  let database: TestDatabase;
  let storage: KyselyStorage;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    storage = database.storage as KyselyStorage;
    await storage.migrate();
    await seedTaxonomy(storage);
    storage.places.useSearchIndexer(indexPlace);
  });
  afterAll(async () => database.drop());

  it('matches words naming a category and a neighbourhood through one place', async () => {
    const cafe = await storage.places.insert(place('Zlatna šolja'));
    const bakery = await storage.places.insert(place('Pekara Mika', { category: 'bakery' }));
    const elsewhere = await storage.places.insert(place('Kafa Dorćol', { neighbourhood: 'dorcol' }));
    const found = await matching(storage, [
      word({ categories: ['cafe'] }),
      word({ neighbourhoods: ['vracar'] }),
    ]);
    expect(found).toContain(cafe.id);
    expect(found).not.toContain(bakery.id);
    expect(found).not.toContain(elsewhere.id);
  });

  it('narrows by the filter and ignores the slugs it rules out', async () => {
    const inNoviSad = await storage.places.insert(
      place('Sadovi', { city: 'novi-sad', neighbourhood: null, category: 'bookstore' }),
    );
    const namesACity = word({ cities: ['novi-sad'] });
    expect(await matching(storage, [namesACity])).toContain(inNoviSad.id);
    expect(await matching(storage, [namesACity], { ...ACTIVE, city: 'belgrade' })).toEqual([]);
  });

  it('follows a place that is recategorised or moves to another neighbourhood', async () => {
    const moving = await storage.places.insert(place('Selidba'));
    const asCafe = [word({ categories: ['cafe'] }), word({ neighbourhoods: ['vracar'] })];
    // A slug with a hyphen stays one token.
    const asSalon = [word({ categories: ['hair-salon'] }), word({ neighbourhoods: ['dorcol'] })];
    expect(await matching(storage, asCafe)).toContain(moving.id);
    await storage.places.update(
      moving.id,
      place('Selidba', { category: 'hair-salon', neighbourhood: 'dorcol' }),
    );
    expect(await matching(storage, asCafe)).not.toContain(moving.id);
    expect(await matching(storage, asSalon)).toContain(moving.id);
    expect(await matching(storage, [word({ categories: ['hair'] })])).not.toContain(moving.id);
  });
});

describe.each(BACKENDS)('migration 0010 on %s', (backend) => {
  let database: TestDatabase;
  let storage: KyselyStorage;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    storage = database.storage as KyselyStorage;
  });
  afterAll(async () => database.drop());

  it('gives places stored before it their tokens and keeps their word keys searchable', async () => {
    const all = migrations(storage.capabilities);
    const migrator = new Migrator({
      db: storage.db,
      provider: { getMigrations: async () => all },
      migrationTableName: 'kvartal_migrations',
    });
    const before = await migrator.migrateTo('0009-report-locale');
    expect(before.error).toBeUndefined();
    await seedTaxonomy(storage);
    // Rows as the code before 0010 wrote them: every column but the new one.
    const rows = [
      place('Zlatna šolja'),
      place('Pekara Mika', { category: 'bakery', neighbourhood: 'dorcol' }),
      place('Knjižara Liman', { category: 'bookstore', city: 'novi-sad', neighbourhood: null }),
    ].map((data) => {
      const { search_taxonomy: _, ...columns } = placeColumns(data, indexPlace(data));
      return { ...columns, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' };
    });
    // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before the migration
    const old = storage.db as unknown as Kysely<any>;
    const ids: number[] = [];
    for (const row of rows) {
      const inserted = await old.insertInto('places').values(row).returning('id').executeTakeFirstOrThrow();
      ids.push(Number(inserted.id));
    }
    const [cafe, bakery, bookstore] = ids as [number, number, number];

    expect((await storage.migrate()).applied).toEqual(['0010-taxonomy-tokens']);
    const stored = await (storage.db as Kysely<Database>)
      .selectFrom('places')
      .select(['id', 'search_taxonomy'])
      .orderBy('id')
      .execute();
    expect(stored.map((r) => r.search_taxonomy)).toEqual([
      '_c_cafe _t_belgrade _n_vracar',
      '_c_bakery _t_belgrade _n_dorcol',
      '_c_bookstore _t_novi-sad',
    ]);
    expect(
      await matching(storage, [word({ categories: ['cafe'] }), word({ neighbourhoods: ['vracar'] })]),
    ).toEqual([cafe]);
    expect(await matching(storage, [word({ categories: ['bakery'] })])).toEqual([bakery]);
    expect(await matching(storage, [word({ cities: ['novi-sad'] })])).toEqual([bookstore]);
    // Word keys and prefixes still match after the index was rebuilt.
    const byName = (terms: string[]) => matching(storage, [{ ...word({}), terms }]);
    expect(await byName(['pekara'])).toEqual([bakery]);
    expect(await byName(['zlat*'])).toEqual([cafe]);
  });
});
