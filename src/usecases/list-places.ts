import { InputError } from '../domain/errors.ts';
import type { BBox } from '../domain/geo.ts';
import { isSpokenLanguage, languageMask } from '../domain/languages.ts';
import type { Locale } from '../domain/locales.ts';
import { searchWords } from '../domain/text.ts';
import type { PlaceFilter, PlaceListQuery } from '../storage/repositories.ts';
import type { AppContext } from './context.ts';
import { type PlaceView, presentPlace } from './present-place.ts';

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;
export const MAX_RADIUS_M = 50_000;

/** A list request after parsing; every slug and value is checked here, not by the caller. */
export interface ListPlacesRequest {
  q?: string;
  bbox?: BBox;
  near?: { lon: number; lat: number };
  radiusM?: number;
  categories?: string[];
  city?: string;
  neighbourhood?: string;
  languages?: string[];
  openNow?: boolean;
  locale: Locale;
  limit?: number;
  cursor?: string;
}

export interface ListPlacesResult {
  items: Array<PlaceView & { distanceM?: number }>;
  nextCursor: string | null;
}

export async function listPlaces(ctx: AppContext, request: ListPlacesRequest): Promise<ListPlacesResult> {
  const limit = request.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InputError('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const filter = await buildFilter(ctx, request);
  const query: PlaceListQuery = { ...filter, limit: limit + 1 };
  if (request.near) {
    const radiusM = request.radiusM ?? 5_000;
    if (!(radiusM > 0 && radiusM <= MAX_RADIUS_M)) {
      throw new InputError('radius_m', `must be a number of metres above 0 and at most ${MAX_RADIUS_M}`);
    }
    query.near = { ...request.near, radiusM };
  } else if (request.radiusM !== undefined) {
    throw new InputError('radius_m', 'needs near=lat,lon');
  }
  if (request.cursor) query.after = decodeCursor(request.cursor, Boolean(request.near));
  const rows = await ctx.storage.places.list(query);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ id: last.id, ...(last.distanceM !== undefined ? { d: last.distanceM } : {}) })
      : null;
  const now = ctx.now();
  const items = page.map((row) => ({
    ...presentPlace(row, request.locale, ctx.taxonomy, now),
    ...(row.distanceM !== undefined ? { distanceM: row.distanceM } : {}),
  }));
  return { items, nextCursor };
}

/** Turns the request's filters into a storage filter, rejecting unknown slugs by name. */
export async function buildFilter(
  ctx: AppContext,
  request: Omit<ListPlacesRequest, 'locale'>,
): Promise<PlaceFilter> {
  const filter: PlaceFilter = { statuses: ['active'] };
  if (request.bbox) filter.bbox = request.bbox;
  if (request.categories?.length) {
    const expanded = new Set<string>();
    for (const slug of request.categories) {
      const slugs = ctx.taxonomy.expandCategory(slug);
      if (!slugs) throw new InputError('category', `unknown category "${slug}"; see /api/v1/categories`);
      for (const s of slugs) expanded.add(s);
    }
    filter.categories = [...expanded];
  }
  if (request.city) {
    if (!ctx.taxonomy.city(request.city))
      throw new InputError('city', `unknown city "${request.city}"; see /api/v1/cities`);
    filter.city = request.city;
  }
  if (request.neighbourhood) {
    const n = ctx.taxonomy.neighbourhood(request.neighbourhood);
    if (!n)
      throw new InputError(
        'neighbourhood',
        `unknown neighbourhood "${request.neighbourhood}"; see /api/v1/cities`,
      );
    if (request.city && n.city !== request.city) {
      throw new InputError('neighbourhood', `"${request.neighbourhood}" is not in ${request.city}`);
    }
    filter.neighbourhood = request.neighbourhood;
  }
  if (request.languages?.length) {
    const unknown = request.languages.find((code) => !isSpokenLanguage(code));
    if (unknown !== undefined) throw new InputError('languages', `unknown language code "${unknown}"`);
    filter.languageMask = languageMask(request.languages);
  }
  if (request.openNow) filter.hoursIds = await ctx.openNow.openHoursIds(ctx.now());
  if (request.q !== undefined) {
    if (request.q.length > 200) throw new InputError('q', 'must be at most 200 characters');
    const words = searchWords(request.q);
    if (words.length) filter.words = words;
  }
  return filter;
}

interface Cursor {
  id: number;
  d?: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string, byDistance: boolean): { id: number; distanceM?: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('cursor', 'is not a cursor this API returned');
  }
  const cursor = parsed as Partial<Cursor> | null;
  if (!cursor || !Number.isInteger(cursor.id) || (byDistance && typeof cursor.d !== 'number')) {
    throw new InputError(
      'cursor',
      'is not a cursor this API returned (or belongs to a different sort order)',
    );
  }
  return { id: cursor.id as number, ...(byDistance ? { distanceM: cursor.d as number } : {}) };
}
