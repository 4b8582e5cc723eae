import { indexTerms } from '../domain/search/normalise.ts';
import type { Category, City } from '../domain/taxonomy.ts';
import type { QueryWord } from './text-query.ts';

/** Anything with the taxonomy's categories and cities (the use cases' Taxonomy). */
export interface TaxonomySource {
  categories: readonly Category[];
  cities: readonly City[];
}

/**
 * The search terms of the taxonomy: each category's names in every locale and synonyms (with its group's),
 * each neighbourhood's and city's names. Words that name them match places by slug, not by stored text.
 */
export class TaxonomyTerms {
  private readonly categories = new Map<string, string[]>();
  private readonly neighbourhoods = new Map<string, string[]>();
  private readonly cities = new Map<string, string[]>();

  constructor(taxonomy: TaxonomySource) {
    const bySlug = new Map(taxonomy.categories.map((c) => [c.slug, c]));
    const textsOf = (c: Category | undefined) =>
      c ? [...Object.values(c.names), ...Object.values(c.synonyms).flat()] : [];
    for (const category of taxonomy.categories) {
      const group = category.parent ? bySlug.get(category.parent) : undefined;
      this.categories.set(category.slug, indexTerms([...textsOf(category), ...textsOf(group)].join(' \n ')));
    }
    for (const city of taxonomy.cities) {
      this.cities.set(city.slug, indexTerms(Object.values(city.names).join(' \n ')));
      for (const n of city.neighbourhoods)
        this.neighbourhoods.set(n.slug, indexTerms(Object.values(n.names).join(' \n ')));
    }
  }

  categoryTerms(slug: string): readonly string[] {
    return this.categories.get(slug) ?? [];
  }

  areaTerms(city: string, neighbourhood: string | null): string[] {
    return [
      ...(this.cities.get(city) ?? []),
      ...(neighbourhood ? (this.neighbourhoods.get(neighbourhood) ?? []) : []),
    ];
  }

  /** Every term, for the typo dictionary. */
  *allTerms(): Iterable<string> {
    for (const terms of [
      ...this.categories.values(),
      ...this.neighbourhoods.values(),
      ...this.cities.values(),
    ]) {
      yield* terms;
    }
  }

  /**
   * The slugs whose terms the word matches (exactly, by stem, by correction or as a prefix). A correction
   * counts only when nothing of the same kind matches the word as typed: `pekara` names bakeries, and its
   * correction `lekara` must not bring every doctor, dentist and pharmacy along as candidates.
   */
  slugsMatching(word: QueryWord): { categories: string[]; neighbourhoods: string[]; cities: string[] } {
    const pick = (map: Map<string, string[]>) => {
      const matched = [...map]
        .map(([slug, terms]) => ({ slug, quality: termQuality(terms, word) }))
        .filter((m) => m.quality > 0);
      const floor = matched.some((m) => m.quality >= REAL_WORD) ? REAL_WORD : 0;
      return matched.filter((m) => m.quality >= floor).map((m) => m.slug);
    };
    return {
      categories: pick(this.categories),
      neighbourhoods: pick(this.neighbourhoods),
      cities: pick(this.cities),
    };
  }
}

/** The lowest quality of a match by the word itself (stem or prefix included), not by a typo correction. */
const REAL_WORD = 0.8;

/** How well a word matches a list of terms: the best variant quality, 0.8 for a prefix, 0 for none. */
export function termQuality(terms: readonly string[], word: QueryWord): number {
  let best = 0;
  for (const term of terms) {
    const quality = word.variants.get(term);
    if (quality !== undefined && quality > best) best = quality;
    if (word.prefix && best < 0.8 && term.startsWith(word.prefix)) best = 0.8;
    if (best === 1) break;
  }
  return best;
}

const cache = new WeakMap<TaxonomySource, TaxonomyTerms>();

/** One term table per taxonomy object (a new object after an edit builds a new table). */
export function taxonomyTermsOf(taxonomy: TaxonomySource): TaxonomyTerms {
  let terms = cache.get(taxonomy);
  if (!terms) {
    terms = new TaxonomyTerms(taxonomy);
    cache.set(taxonomy, terms);
  }
  return terms;
}
