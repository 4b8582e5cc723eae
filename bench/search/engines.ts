/**
 * The searches the quality benchmark compares. Each loads the fixture places once and answers a query with
 * the keys of its top results, best first.
 */
import MiniSearch from 'minisearch';
import { SEED_CATEGORIES } from '../../src/domain/taxonomy/categories-data.ts';
import type { Storage } from '../../src/storage/repositories.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { createPlace } from '../../src/usecases/create-place.ts';
import { listPlaces } from '../../src/usecases/list-places.ts';
import type { FixturePlace } from '../../test/fixtures/search/build-places.ts';

/** Results are read this deep: the top 5 for recall, the top 10 for MRR. */
export const DEPTH = 10;

export interface Engine {
  name: string;
  /** Keys of the top DEPTH places, best first. A query the engine rejects throws. */
  search(q: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Kvartal as the API runs it: migrated and seeded by createContext, every place stored through createPlace,
 * every query answered by listPlaces, the use case behind GET /api/v1/places?q=.
 */
export async function kvartalEngine(
  name: string,
  storage: Storage,
  places: readonly FixturePlace[],
  onClose: () => Promise<void> = async () => {},
): Promise<Engine> {
  const ctx = await createContext(storage);
  const keyOf = new Map<number, string>();
  for (const { key, ...input } of places) {
    const place = await createPlace(ctx, input, 'fixture');
    keyOf.set(place.id, key);
  }
  return {
    name,
    search: async (q) => {
      const { items } = await listPlaces(ctx, { q, locale: 'ru', limit: DEPTH });
      return items.map((item) => keyOf.get(item.id) ?? `#${item.id}`);
    },
    close: async () => {
      await storage.close();
      await onClose();
    },
  };
}

/**
 * The plain in-memory baseline: MiniSearch with its default tokenizer, term processing and search options
 * (no fuzzy, no prefix, OR of terms, BM25), over the same text Kvartal sees, minus the category synonyms.
 */
export function miniSearchEngine(places: readonly FixturePlace[]): Engine {
  const categoryText = new Map(
    SEED_CATEGORIES.map((c) => [c.slug, [c.slug, ...Object.values(c.names)].join(' ')]),
  );
  const index = new MiniSearch({ fields: ['names', 'descriptions', 'address', 'category', 'tags'] });
  index.addAll(
    places.map((p) => ({
      id: p.key,
      names: Object.values(p.names).join(' '),
      descriptions: Object.values(p.descriptions).join(' '),
      address: p.address,
      category: categoryText.get(p.category) ?? p.category,
      tags: p.tags.join(' '),
    })),
  );
  return {
    name: 'MiniSearch',
    search: async (q) =>
      index
        .search(q)
        .slice(0, DEPTH)
        .map((r) => String(r.id)),
    close: async () => {},
  };
}
