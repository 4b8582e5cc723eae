import { InputError } from '../domain/errors.ts';
import type { BBox } from '../domain/geo.ts';
import type { Locale } from '../domain/locales.ts';
import type { PlaceListQuery } from '../storage/repositories.ts';
import type { AppContext } from './context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { buildFilter, type FilterRequest } from './place-filter.ts';
import { type PlaceView, presentPlace } from './present-place.ts';
import { type Facets, searchPlaces } from './search-places.ts';

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;
export const MAX_RADIUS_M = 50_000;
export const DEFAULT_RADIUS_M = 5_000;
export const MAX_QUERY_LENGTH = 200;

/** A list request after parsing; every slug and value is checked here, not by the caller. */
export interface ListPlacesRequest extends FilterRequest {
  q?: string;
  near?: { lon: number; lat: number };
  radiusM?: number;
  /** relevance (default with q) or distance (default with near and no q). */
  sort?: 'relevance' | 'distance';
  locale: Locale;
  limit?: number;
  cursor?: string;
}

export interface ListPlacesResult {
  items: Array<PlaceView & { distanceM?: number }>;
  nextCursor: string | null;
  /** Counts per category, neighbourhood and language for a text query. */
  facets?: Facets;
}

export async function listPlaces(ctx: AppContext, request: ListPlacesRequest): Promise<ListPlacesResult> {
  const limit = request.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InputError('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const radiusM = checkedRadius(request);
  if (request.q !== undefined && request.q.length > MAX_QUERY_LENGTH) {
    throw new InputError('q', `must be at most ${MAX_QUERY_LENGTH} characters`);
  }
  const filter = await buildFilter(ctx, request);
  const near = request.near && radiusM !== undefined ? { ...request.near, radiusM } : undefined;
  if (request.q?.trim()) {
    const searched = await searchPlaces(ctx, { ...request, filter, near, limit });
    if (searched) return searched;
  }
  return browsePlaces(ctx, request, { ...filter, limit: limit + 1, ...(near ? { near } : {}) }, limit);
}

/** Without a text query: nearest first with `near`, otherwise in id order; keyset pages. */
async function browsePlaces(
  ctx: AppContext,
  request: ListPlacesRequest,
  query: PlaceListQuery,
  limit: number,
): Promise<ListPlacesResult> {
  if (request.cursor) {
    if (query.near) {
      const { id, d } = decodeCursor(request.cursor, ['id', 'd']);
      query.after = { id, distanceM: d };
    } else {
      query.after = { id: decodeCursor(request.cursor, ['id']).id };
    }
  }
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

function checkedRadius(request: ListPlacesRequest): number | undefined {
  if (!request.near) {
    if (request.radiusM !== undefined) throw new InputError('radius_m', 'needs near=lat,lon');
    if (request.sort === 'distance') throw new InputError('sort', 'distance needs near=lat,lon');
    return undefined;
  }
  const radiusM = request.radiusM ?? DEFAULT_RADIUS_M;
  if (!(radiusM > 0 && radiusM <= MAX_RADIUS_M)) {
    throw new InputError('radius_m', `must be a number of metres above 0 and at most ${MAX_RADIUS_M}`);
  }
  return radiusM;
}

export type { BBox };
