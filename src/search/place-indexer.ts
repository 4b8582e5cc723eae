import type { PlaceData } from '../domain/places/place.ts';
import { indexTerms, phoneKeys } from '../domain/search/normalise.ts';
import type { SearchDocument, SearchIndexer } from '../storage/repositories.ts';
import type { Taxonomy } from '../usecases/taxonomy.ts';

/**
 * What a place is found by, per ranking field: its names; its categories (names in every locale and the
 * taxonomy's synonyms, with the group's); and everything else (descriptions, address, neighbourhood and city
 * names, tags, phone). Synonyms come from the taxonomy data, so editing them and reindexing changes search.
 */
export function createPlaceIndexer(taxonomy: Taxonomy): SearchIndexer {
  const termsOfCategory = memo((slug: string) => {
    const category = taxonomy.category(slug);
    const group = category?.parent ? taxonomy.category(category.parent) : undefined;
    const texts = [category, group].flatMap((c) =>
      c ? [...Object.values(c.names), ...Object.values(c.synonyms).flat()] : [],
    );
    return indexTerms(texts.join(' \n '));
  });
  const termsOfArea = memo((area: string) => {
    const [city = '', neighbourhood = ''] = area.split('/');
    const names = [taxonomy.neighbourhood(neighbourhood)?.names, taxonomy.city(city)?.names];
    return indexTerms(names.flatMap((n) => Object.values(n ?? {})).join(' \n '));
  });

  return (place: PlaceData): SearchDocument => ({
    name: indexTerms(Object.values(place.names).join(' \n ')),
    category: unique([place.category, ...place.extraCategories].flatMap(termsOfCategory)),
    other: unique([
      ...indexTerms([...Object.values(place.descriptions), place.address ?? '', ...place.tags].join(' \n ')),
      ...termsOfArea(`${place.city}/${place.neighbourhood ?? ''}`),
      ...(place.contacts.phone ? phoneKeys(place.contacts.phone) : []),
    ]),
  });
}

function memo(compute: (key: string) => string[]): (key: string) => string[] {
  const cache = new Map<string, string[]>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)];
}
