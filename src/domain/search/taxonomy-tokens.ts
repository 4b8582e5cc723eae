/**
 * A place's category, neighbourhood and city as tokens of the full-text index, beside its word keys: a query
 * word that names a category or an area then matches through the same posting lists as its other terms, so a
 * whole query is one full-text AND (`kafa vracar` = (kafa-terms OR cafe's token) AND (vracar-terms OR
 * vracar's token)) that the index answers by intersecting lists, instead of joining a column per word.
 *
 * Word keys hold only letters and digits; every token starts with `_`, so no key, prefix or typo correction can
 * meet one. Slugs of the seeded taxonomy are [a-z0-9-] and stay readable; any other character is written as
 * `_` and its code point in hex, so two different slugs never share a token. The full-text tables treat `_`
 * and `-` as word characters (see migration 0010).
 */
export type TaxonomyKind = 'category' | 'neighbourhood' | 'city';

const MARK: Record<TaxonomyKind, string> = { category: '_c_', neighbourhood: '_n_', city: '_t_' };

export function taxonomyToken(kind: TaxonomyKind, slug: string): string {
  return MARK[kind] + slug.replace(/[^a-z0-9-]/gu, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`);
}

/** The tokens stored for a place. */
export function placeTaxonomyTokens(place: {
  category: string;
  neighbourhood: string | null;
  city: string;
}): string[] {
  const tokens = [taxonomyToken('category', place.category), taxonomyToken('city', place.city)];
  if (place.neighbourhood) tokens.push(taxonomyToken('neighbourhood', place.neighbourhood));
  return tokens;
}
