import { describe, expect, it } from 'vitest';
import { generateDemoPlaces } from '../../src/demo/generate.ts';
import { SEED_CATEGORIES } from '../../src/domain/taxonomy/categories-data.ts';
import { SEED_CITIES } from '../../src/domain/taxonomy/cities-data.ts';
import { indexPlace } from '../../src/search/place-indexer.ts';
import { type Ranked, rankCandidates, settle } from '../../src/search/ranking.ts';
import { TaxonomyTerms, termQuality } from '../../src/search/taxonomy-terms.ts';
import { TermDictionary } from '../../src/search/term-dictionary.ts';
import { buildTextQuery, type TextQuery } from '../../src/search/text-query.ts';
import type { TextCandidate } from '../../src/storage/repositories.ts';

const taxonomy = new TaxonomyTerms({ categories: SEED_CATEGORIES, cities: SEED_CITIES });

/** Generated places with both key fields, as storage holds them. */
function placesWithKeys(count: number): Array<TextCandidate & { otherKeys: string[] }> {
  return [...generateDemoPlaces(count)].map((place, i) => {
    const keys = indexPlace(place);
    return {
      id: i + 1,
      lon: place.lon,
      lat: place.lat,
      category: place.category,
      city: place.city,
      neighbourhood: place.neighbourhood,
      languageMask: 0,
      nameKeys: keys.name,
      otherKeys: keys.other,
    };
  });
}

describe('ranking without the other keys', () => {
  const places = placesWithKeys(3000);
  const dictionary = new TermDictionary([
    ...places.flatMap((p) => [...p.nameKeys, ...p.otherKeys]),
    ...taxonomy.allTerms(),
  ]);
  const otherKeysOf = async (ids: number[]) =>
    new Map(ids.map((id) => [id, places[id - 1]?.otherKeys ?? []]));
  const ids = (ranked: Ranked[]) => ranked.map((r) => r.candidate.id);
  /** What the database returns: places where every word matches some key or the taxonomy. */
  const matches = (query: TextQuery) =>
    places.filter((p) =>
      query.words.every(
        (w) =>
          termQuality([...p.nameKeys, ...p.otherKeys], w) > 0 ||
          termQuality(taxonomy.categoryTerms(p.category), w) > 0 ||
          termQuality(taxonomy.areaTerms(p.city, p.neighbourhood), w) > 0,
      ),
    );

  it.each([
    ['кафе'],
    ['tihoe mesto'],
    ['vegan'],
    ['laptop dorcol'],
    ['pekara vracar'],
    ['seat'],
    ['frizer'],
    ['noutbuk'],
  ])('orders the page of %j exactly as scoring every key would', async (q) => {
    const query = buildTextQuery(q, dictionary, taxonomy);
    if (!query) throw new Error('no query');
    const candidates = matches(query);
    expect(candidates.length).toBeGreaterThan(5);
    const origin: [number, number] = [20.46, 44.81];
    // The exact order: every place's other keys known up front (what ranking did before).
    const everything = await settle(
      rankCandidates(candidates, query.words, origin, taxonomy),
      candidates.length,
      'relevance',
      query.words,
      taxonomy,
      otherKeysOf,
    );
    for (const order of ['relevance', 'distance'] as const) {
      const exact =
        order === 'relevance'
          ? everything
          : [...everything].sort(
              (a, b) =>
                (a.distanceM ?? 0) - (b.distanceM ?? 0) ||
                b.score - a.score ||
                a.candidate.id - b.candidate.id,
            );
      const settled = await settle(
        rankCandidates(candidates, query.words, origin, taxonomy),
        20,
        order,
        query.words,
        taxonomy,
        otherKeysOf,
      );
      expect(ids(settled.slice(0, 20)), `${q} by ${order}`).toEqual(ids(exact.slice(0, 20)));
    }
  });

  it('reads no other keys when the name or the category decides the page', async () => {
    const query = buildTextQuery('кафе', dictionary, taxonomy);
    if (!query) throw new Error('no query');
    let asked = 0;
    await settle(
      rankCandidates(matches(query), query.words, null, taxonomy),
      20,
      'relevance',
      query.words,
      taxonomy,
      async (wanted) => {
        asked += wanted.length;
        return otherKeysOf(wanted);
      },
    );
    expect(asked).toBe(0);
  });
});

describe('words naming a category', () => {
  const dictionary = new TermDictionary([...taxonomy.allTerms()]);
  const categoriesOf = (q: string) => {
    const query = buildTextQuery(q, dictionary, taxonomy);
    if (!query) throw new Error(`no words in ${q}`);
    return query.match.groups.map((group) => group.categories);
  };

  it('name the categories the word is a term of, not those a typo correction of it would be', () => {
    const [bakery] = categoriesOf('pekara');
    expect(bakery).toContain('bakery');
    // `lekara` (of a doctor) is one edit away: a correction, and `pekara` is a real word here.
    expect(bakery).not.toContain('doctor');
  });

  it('still reach a category through a correction when the word names none as typed', () => {
    const [typo] = categoriesOf('pekarna');
    expect(typo).toContain('bakery');
  });
});
