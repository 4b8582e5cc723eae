import { type TaxonomyKind, taxonomyToken } from '../../domain/search/taxonomy-tokens.ts';
import type { PlaceFilter, TextMatch } from '../repositories.ts';

/**
 * The match as one full-text AND: each query word is an OR of its terms and the tokens of the categories,
 * neighbourhoods and cities it names, so the index answers the whole query by intersecting posting lists.
 * The filter's own category, neighbourhood and city join the AND as well: the index then hands back only
 * places in them, instead of every match for the rows to be checked one by one.
 *
 * Tokens the filter rules out are dropped ("сад" names Novi Sad, but the list is filtered to Belgrade); null
 * when that leaves a word nothing to match, so the query needs no database at all.
 */
export function fullTextGroups(match: TextMatch, filter: PlaceFilter): string[][] | null {
  const allowed: Record<TaxonomyKind, readonly string[] | undefined> = {
    category: filter.categories,
    neighbourhood: filter.neighbourhood ? [filter.neighbourhood] : undefined,
    city: filter.city ? [filter.city] : undefined,
  };
  const tokens = (kind: TaxonomyKind, slugs: readonly string[]) => {
    const only = allowed[kind];
    return slugs.filter((slug) => !only || only.includes(slug)).map((slug) => taxonomyToken(kind, slug));
  };
  const groups: string[][] = [];
  for (const group of match.groups) {
    const terms = [
      ...group.terms,
      ...tokens('category', group.categories),
      ...tokens('neighbourhood', group.neighbourhoods),
      ...tokens('city', group.cities),
    ];
    if (terms.length === 0) return null;
    groups.push(terms);
  }
  for (const kind of ['category', 'neighbourhood', 'city'] as const) {
    const only = allowed[kind];
    if (!only) continue;
    if (only.length === 0) return null;
    groups.push(tokens(kind, only));
  }
  return groups;
}
