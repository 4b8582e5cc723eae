import type { PlaceFilter, TextMatch } from '../repositories.ts';

export type TaxonomyColumn = 'category' | 'neighbourhood' | 'city';

/**
 * One way a place can match every word of a query: some words by their terms (one full-text query that ANDs
 * their groups), each other word by one taxonomy column (`category IN (…)`).
 */
export interface TextAlternative {
  textGroups: string[][];
  columns: Array<{ column: TaxonomyColumn; slugs: string[] }>;
}

/**
 * The match as an OR of alternatives, each answerable from one index with a LIMIT, so the database never
 * builds the full set of a word thousands of places share (as a UNION per word would). Null when a long
 * query would need more than `max` alternatives: the caller then uses the set form.
 */
export function textAlternatives(match: TextMatch, max: number): TextAlternative[] | null {
  let alternatives: TextAlternative[] = [{ textGroups: [], columns: [] }];
  for (const group of match.groups) {
    const ways: Array<(alternative: TextAlternative) => TextAlternative> = [];
    if (group.terms.length)
      ways.push((a) => ({ textGroups: [...a.textGroups, group.terms], columns: a.columns }));
    for (const [column, slugs] of [
      ['category', group.categories],
      ['neighbourhood', group.neighbourhoods],
      ['city', group.cities],
    ] as const) {
      if (slugs.length)
        ways.push((a) => ({ textGroups: a.textGroups, columns: [...a.columns, { column, slugs }] }));
    }
    if (alternatives.length * ways.length > max) return null;
    alternatives = alternatives.flatMap((a) => ways.map((way) => way(a)));
  }
  return alternatives;
}

/**
 * Drops the alternatives the filter rules out ("сад" names Novi Sad, but the list is filtered to Belgrade):
 * the database would otherwise read every match of the other words to find none.
 */
export function possibleAlternatives(
  alternatives: TextAlternative[],
  filter: PlaceFilter,
): TextAlternative[] {
  const allowed: Record<TaxonomyColumn, readonly string[] | undefined> = {
    category: filter.categories,
    neighbourhood: filter.neighbourhood ? [filter.neighbourhood] : undefined,
    city: filter.city ? [filter.city] : undefined,
  };
  return alternatives.filter((a) =>
    a.columns.every(({ column, slugs }) => {
      const only = allowed[column];
      return !only || slugs.some((slug) => only.includes(slug));
    }),
  );
}
