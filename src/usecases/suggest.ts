import { type Locale, pickText } from '../domain/locales.ts';
import { highlightRanges } from '../search/highlight.ts';
import { taxonomyTermsOf } from '../search/taxonomy-terms.ts';
import { buildTextQuery } from '../search/text-query.ts';
import { AnswerCache } from './answer-cache.ts';
import type { AppContext } from './context.ts';
import { buildFilter } from './place-filter.ts';
import { searchPlaces } from './search-places.ts';

export const MAX_SUGGESTIONS = 10;
// Autocomplete repeats itself: every visitor typing "caf" sends "c", "ca", "caf". Answers are small.
const CACHED_ANSWERS = 5000;

export interface Suggestion {
  kind: 'place' | 'category' | 'neighbourhood';
  label: string;
  /** Where choosing it leads: a place page, or the list filtered by the category or neighbourhood. */
  url: string;
  /** Parts of the label the query matched, as [start, end) ranges. */
  highlight: Array<[number, number]>;
  slug?: string;
  id?: number;
  detail?: string;
}

export interface SuggestRequest {
  q: string;
  locale: Locale;
  city?: string;
}

const caches = new WeakMap<AppContext, AnswerCache<Suggestion[]>>();

/**
 * Autocomplete: categories and neighbourhoods whose names or synonyms match, then the best places. Answers
 * are kept per prefix until the data or the taxonomy changes.
 */
export async function suggest(ctx: AppContext, request: SuggestRequest): Promise<Suggestion[]> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new AnswerCache(CACHED_ANSWERS);
    caches.set(ctx, cache);
  }
  const basis = { version: await ctx.dataVersion.current(), taxonomy: ctx.taxonomy };
  const key = JSON.stringify([request.q, request.locale, request.city ?? null]);
  return cache.get(key, basis, () => suggestNow(ctx, request));
}

async function suggestNow(ctx: AppContext, request: SuggestRequest): Promise<Suggestion[]> {
  const dictionary = await ctx.vocabulary.current();
  const terms = taxonomyTermsOf(ctx.taxonomy);
  const query = buildTextQuery(request.q, dictionary, terms);
  if (!query) return [];
  const named = (slug: string, kind: 'categories' | 'neighbourhoods') =>
    query.match.groups.every((g) => g[kind].includes(slug));
  const prefix = `/${request.locale}`;
  const out: Suggestion[] = [];

  for (const category of ctx.taxonomy.categories) {
    if (!named(category.slug, 'categories')) continue;
    const label = pickText(category.names, request.locale);
    out.push({
      kind: 'category',
      slug: category.slug,
      label,
      url: `${prefix}/?category=${category.slug}`,
      highlight: highlightRanges(label, query.words),
    });
    if (out.length >= 3) break;
  }
  for (const city of ctx.taxonomy.cities) {
    if (request.city && city.slug !== request.city) continue;
    for (const n of city.neighbourhoods) {
      if (!named(n.slug, 'neighbourhoods')) continue;
      const label = pickText(n.names, request.locale);
      out.push({
        kind: 'neighbourhood',
        slug: n.slug,
        label,
        detail: pickText(city.names, request.locale),
        url: `${prefix}/?city=${city.slug}&neighbourhood=${n.slug}`,
        highlight: highlightRanges(label, query.words),
      });
    }
  }
  const filter = await buildFilter(ctx, request.city ? { city: request.city } : {});
  const places = await searchPlaces(ctx, {
    q: request.q,
    filter,
    near: undefined,
    locale: request.locale,
    limit: Math.max(1, MAX_SUGGESTIONS - Math.min(out.length, 4)),
  });
  for (const place of places?.items ?? []) {
    out.push({
      kind: 'place',
      id: place.id,
      label: place.name,
      detail: [place.categoryName, place.neighbourhoodName].filter(Boolean).join(' · '),
      url: `${prefix}${place.path}`,
      highlight: highlightRanges(place.name, query.words),
    });
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
