import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InputError } from '../../domain/errors.ts';
import { DEFAULT_LOCALE } from '../../domain/locales.ts';
import type { AppContext } from '../../usecases/context.ts';
import { createPlace } from '../../usecases/create-place.ts';
import { getPlace } from '../../usecases/get-place.ts';
import { listPlaces, MAX_QUERY_LENGTH } from '../../usecases/list-places.ts';
import { presentPlace } from '../../usecases/present-place.ts';
import { suggest } from '../../usecases/suggest.ts';
import { viewportClusters } from '../../usecases/viewport-clusters.ts';
import { isOperator } from '../operator.ts';
import { parseBBox, parseBoolean, parseList, parseLocale, parseNear, parseNumber } from '../params.ts';
import { ErrorBody, errorResponses } from '../schemas.ts';
import { FeatureCache } from './feature-cache.ts';
import { placeFeature } from './geojson.ts';
import {
  ClusterCollection,
  ClustersQuery,
  CreatePlaceBody,
  ListPlacesQuery,
  PlaceCollection,
  PlaceFeature,
  PlaceIdParams,
  PlaceQuery,
  SuggestQuery,
  SuggestResponse,
} from './schemas.ts';

const READ_CACHE = 'public, max-age=30, stale-while-revalidate=60';

export const placeRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; adminToken: string | null }> = async (
  app,
  opts,
) => {
  const { ctx } = opts;
  const features = new FeatureCache();

  app.get(
    '/places',
    {
      schema: {
        summary: 'Places as GeoJSON: search, filter, nearest first, paged by cursor',
        tags: ['places'],
        querystring: ListPlacesQuery,
        response: { 200: PlaceCollection, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const near = parseNear(q.near);
      const result = await listPlaces(ctx, {
        ...(q.q !== undefined ? { q: q.q } : {}),
        ...optional('bbox', parseBBox(q.bbox)),
        ...optional('near', near),
        ...optional('radiusM', parseNumber(q.radius_m, 'radius_m')),
        ...optional('sort', parseSort(q.sort)),
        ...optional('categories', parseList(q.category)),
        ...optional('city', q.city || undefined),
        ...optional('neighbourhood', q.neighbourhood || undefined),
        ...optional('languages', parseList(q.languages)),
        ...optional('openNow', parseBoolean(q.open_now, 'open_now')),
        ...optional('localsWelcome', parseBoolean(q.locals_welcome, 'locals_welcome')),
        locale: parseLocale(q.locale, DEFAULT_LOCALE),
        ...optional('limit', parseNumber(q.limit, 'limit')),
        ...optional('cursor', q.cursor || undefined),
      });
      reply.header('cache-control', READ_CACHE);
      return {
        type: 'FeatureCollection' as const,
        features: result.items.map((item) => placeFeature(item, item.distanceM)),
        next_cursor: result.nextCursor,
        ...(result.facets ? { facets: result.facets } : {}),
      };
    },
  );

  app.get(
    '/places/:id',
    {
      schema: {
        summary: 'One place as a GeoJSON Feature',
        tags: ['places'],
        params: PlaceIdParams,
        querystring: PlaceQuery,
        response: { 200: PlaceFeature, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!/^\d+$/.test(request.params.id)) throw new InputError('id', 'must be a positive integer');
      const id = Number(request.params.id);
      const locale = parseLocale(request.query.locale, DEFAULT_LOCALE);
      const version = await ctx.dataVersion.current();
      const now = ctx.now();
      const key = `${id}|${locale}`;
      let entry = features.get(key, version, now.getTime());
      if (!entry) {
        const body = JSON.stringify(
          placeFeature(presentPlace(await getPlace(ctx, id), locale, ctx.taxonomy, now)),
        );
        // Opening hours change state only on whole minutes, so an answer holds until the next one.
        entry = features.set(key, body, version, Math.floor(now.getTime() / 60_000 + 1) * 60_000);
      }
      // The ETag plugin sees the header and answers 304 itself when it matches.
      reply.header('cache-control', READ_CACHE).header('etag', entry.etag);
      // Already serialised from a PlaceFeature, so the response schema's serialiser is skipped on purpose.
      return reply.type('application/json; charset=utf-8').send(entry.body as never);
    },
  );

  app.post(
    '/places',
    {
      schema: {
        summary: 'Add a place directly (operator token, for scripts; people use POST /suggestions)',
        tags: ['places'],
        body: CreatePlaceBody,
        response: { 201: PlaceFeature, 401: ErrorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!isOperator(request, reply, opts.adminToken)) return reply;
      const place = await createPlace(ctx, request.body as never);
      reply.code(201);
      return placeFeature(presentPlace(place, place.originalLocale, ctx.taxonomy, ctx.now()));
    },
  );

  app.get(
    '/suggest',
    {
      schema: {
        summary: 'Autocomplete: matching categories, neighbourhoods and places (at most 10)',
        tags: ['places'],
        querystring: SuggestQuery,
        response: { 200: SuggestResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (q.q.length > MAX_QUERY_LENGTH)
        throw new InputError('q', `must be at most ${MAX_QUERY_LENGTH} characters`);
      if (q.city && !ctx.taxonomy.city(q.city)) throw new InputError('city', `unknown city "${q.city}"`);
      const items = await suggest(ctx, {
        q: q.q,
        locale: parseLocale(q.locale, DEFAULT_LOCALE),
        ...optional('city', q.city || undefined),
      });
      reply.header('cache-control', READ_CACHE);
      return { items };
    },
  );

  app.get(
    '/clusters',
    {
      schema: {
        summary: 'Clusters and single places for a map viewport',
        tags: ['places'],
        querystring: ClustersQuery,
        response: { 200: ClusterCollection, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const bbox = parseBBox(q.bbox);
      if (!bbox) throw new InputError('bbox', 'is required');
      const zoom = parseNumber(q.zoom, 'zoom');
      if (zoom === undefined || zoom < 0 || zoom > 22)
        throw new InputError('zoom', 'must be a number from 0 to 22');
      parseLocale(q.locale, DEFAULT_LOCALE); // accepted for symmetry with /places; checked, not needed
      const features = await viewportClusters(ctx, {
        bbox,
        zoom,
        ...optional('categories', parseList(q.category)),
        ...optional('city', q.city || undefined),
        ...optional('neighbourhood', q.neighbourhood || undefined),
        ...optional('languages', parseList(q.languages)),
        ...optional('openNow', parseBoolean(q.open_now, 'open_now')),
        ...optional('localsWelcome', parseBoolean(q.locals_welcome, 'locals_welcome')),
      });
      reply.header('cache-control', READ_CACHE);
      return { type: 'FeatureCollection' as const, features };
    },
  );
};

function parseSort(value: string | undefined): 'relevance' | 'distance' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'relevance' || value === 'distance') return value;
  throw new InputError('sort', 'must be relevance or distance');
}

/** `{ key: value }` when value is defined, `{}` otherwise (exactOptionalPropertyTypes forbids `key: undefined`). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}
