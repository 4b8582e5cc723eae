import type { PlaceData } from '../domain/places/place.ts';
import { indexTerms, phoneKeys } from '../domain/search/normalise.ts';
import type { SearchDocument, SearchIndexer } from '../storage/repositories.ts';

/**
 * What a place is found by in the full-text index: its names, and its other texts (descriptions, address,
 * tags, phone). Category, neighbourhood and city words are matched through the taxonomy instead
 * (see taxonomy-terms.ts): a word maps to slugs in memory, so edits of the synonyms apply at once, and each
 * place carries only its slugs as tokens (domain/search/taxonomy-tokens.ts, written with the row).
 */
export const indexPlace: SearchIndexer = (place: PlaceData): SearchDocument => {
  const other = indexTerms(
    [...Object.values(place.descriptions), place.address ?? '', ...place.tags].join(' \n '),
  );
  if (place.contacts.phone) other.push(...phoneKeys(place.contacts.phone));
  return { name: indexTerms(Object.values(place.names).join(' \n ')), other: [...new Set(other)] };
};
