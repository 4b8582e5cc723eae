import { type BBox, boxAround, type LonLat } from '../domain/geo.ts';
import { languagesFromMask } from '../domain/languages.ts';
import type { Locale } from '../domain/locales.ts';
import { CategoryIntent } from '../search/category-intent.ts';
import { rankCandidates, settle } from '../search/ranking.ts';
import { taxonomyTermsOf } from '../search/taxonomy-terms.ts';
import { buildTextQuery } from '../search/text-query.ts';
import type { PlaceFilter, TextCandidate, TextMatch } from '../storage/repositories.ts';
import type { AppContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { ListPlacesResult } from './list-places.ts';
import { presentPlace } from './present-place.ts';

/**
 * How many matches are ranked. Map clients always send a viewport or a point, which keeps the match set
 * local; a city-wide query for a word thousands of places share ranks the first CAP matches and says so.
 */
export const CANDIDATE_CAP = 2000;

export interface Facets {
  categories: Record<string, number>;
  neighbourhoods: Record<string, number>;
  languages: Record<string, number>;
  /** True when more places matched than were ranked, so counts are lower bounds. */
  approximate: boolean;
}

export interface SearchRequest {
  q?: string;
  filter: PlaceFilter;
  near: { lon: number; lat: number; radiusM: number } | undefined;
  sort?: 'relevance' | 'distance';
  locale: Locale;
  limit: number;
  cursor?: string;
}

/** Ranked text search with every list filter; null when the query has no searchable word (junk, punctuation). */
export async function searchPlaces(
  ctx: AppContext,
  request: SearchRequest,
): Promise<ListPlacesResult | null> {
  const dictionary = await ctx.vocabulary.current();
  const taxonomyTerms = taxonomyTermsOf(ctx.taxonomy);
  const textQuery = buildTextQuery(request.q ?? '', dictionary, taxonomyTerms);
  if (!textQuery) return null;
  const filter: PlaceFilter = {
    ...request.filter,
    text: withinCity(ctx, textQuery.match, request.filter.city),
  };
  const near = request.near;
  if (near) filter.bbox = intersect(filter.bbox, boxAround([near.lon, near.lat], near.radiusM));
  const fetched = await ctx.storage.places.textCandidates(filter, CANDIDATE_CAP + 1);
  const approximate = fetched.length > CANDIDATE_CAP;
  const origin: LonLat | null = near ? [near.lon, near.lat] : centreOf(request.filter.bbox);
  const intended = categoryIntent(ctx).categoriesIn(textQuery.terms);
  let ranked = rankCandidates(
    fetched.slice(0, CANDIDATE_CAP),
    textQuery.words,
    origin,
    taxonomyTerms,
    intended,
  );
  if (near) ranked = ranked.filter((r) => (r.distanceM ?? 0) <= near.radiusM);

  const offset = request.cursor ? decodeCursor(request.cursor, ['o']).o : 0;
  ranked = await settle(
    ranked,
    offset + request.limit,
    request.sort === 'distance' ? 'distance' : 'relevance',
    textQuery.words,
    taxonomyTerms,
    (ids) => ctx.storage.places.otherKeys(ids),
  );
  const page = ranked.slice(offset, offset + request.limit);
  const places = await ctx.storage.places.getMany(page.map((r) => r.candidate.id));
  const byId = new Map(places.map((p) => [p.id, p]));
  const now = ctx.now();
  const items = page.flatMap((r) => {
    const place = byId.get(r.candidate.id);
    if (!place) return [];
    const view = presentPlace(place, request.locale, ctx.taxonomy, now);
    return [near && r.distanceM !== null ? { ...view, distanceM: Math.round(r.distanceM * 10) / 10 } : view];
  });
  const nextOffset = offset + request.limit;
  return {
    items,
    nextCursor: nextOffset < ranked.length ? encodeCursor({ o: nextOffset }) : null,
    facets: countFacets(
      ranked.map((r) => r.candidate),
      approximate,
    ),
  };
}

/**
 * Leaves out the neighbourhoods of other cities when the list is filtered to one: a word naming one
 * ("dorcol" in Novi Sad) could only match through its text, and the index would otherwise intersect the
 * neighbourhood's places with the city's to find none.
 */
function withinCity(ctx: AppContext, match: TextMatch, city: string | undefined): TextMatch {
  if (!city) return match;
  return {
    groups: match.groups.map((group) => ({
      ...group,
      neighbourhoods: group.neighbourhoods.filter((slug) => ctx.taxonomy.neighbourhood(slug)?.city === city),
    })),
  };
}

// One phrase table per taxonomy (rebuilt when the taxonomy object is replaced after an edit).
const intents = new WeakMap<object, CategoryIntent>();
function categoryIntent(ctx: AppContext): CategoryIntent {
  let intent = intents.get(ctx.taxonomy);
  if (!intent) {
    intent = new CategoryIntent(ctx.taxonomy.categories);
    intents.set(ctx.taxonomy, intent);
  }
  return intent;
}

function countFacets(candidates: TextCandidate[], approximate: boolean): Facets {
  const facets: Facets = { categories: {}, neighbourhoods: {}, languages: {}, approximate };
  for (const c of candidates) {
    facets.categories[c.category] = (facets.categories[c.category] ?? 0) + 1;
    if (c.neighbourhood)
      facets.neighbourhoods[c.neighbourhood] = (facets.neighbourhoods[c.neighbourhood] ?? 0) + 1;
    for (const language of languagesFromMask(c.languageMask)) {
      facets.languages[language] = (facets.languages[language] ?? 0) + 1;
    }
  }
  return facets;
}

function centreOf(bbox: BBox | undefined): LonLat | null {
  return bbox ? [(bbox.minLon + bbox.maxLon) / 2, (bbox.minLat + bbox.maxLat) / 2] : null;
}

function intersect(a: BBox | undefined, b: BBox): BBox {
  if (!a) return b;
  return {
    minLon: Math.max(a.minLon, b.minLon),
    minLat: Math.max(a.minLat, b.minLat),
    maxLon: Math.min(a.maxLon, b.maxLon),
    maxLat: Math.min(a.maxLat, b.maxLat),
  };
}
