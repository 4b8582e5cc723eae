import { resolve } from 'node:path';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { DEFAULT_READ_LIMITS } from '../imports/record.ts';
import { DEFAULT_DATA_LICENCE } from '../open-data/licence.ts';
import type { AppContext } from '../usecases/context.ts';
import { formAntiSpam, spentChallenges } from '../web/community/anti-spam.ts';
import { webRoutes } from '../web/routes.ts';
import { resolveAntiSpamKey } from './anti-spam/proof-of-work.ts';
import { antiSpamRoutes } from './anti-spam/routes.ts';
import { sessionPlugin } from './auth/session.ts';
import { basemapRoutes } from './basemap/routes.ts';
import { contributionApiRoutes } from './contributions/routes.ts';
import { installErrorHandler } from './error-handler.ts';
import { eventRoutes } from './events/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { feedRoutes } from './feeds/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { insightsRoutes } from './insights/routes.ts';
import { placeRoutes } from './places/routes.ts';
import { taxonomyRoutes } from './taxonomy/routes.ts';

export interface AppOptions {
  ctx: AppContext;
  config: Pick<Config, 'adminToken' | 'logLevel' | 'publicUrl'> &
    Partial<
      Pick<
        Config,
        | 'mapPmtiles'
        | 'mapTilesUpstream'
        | 'tileCacheDir'
        | 'mapGlyphsDir'
        | 'dataLicense'
        | 'exportCacheDir'
        | 'importMaxBytes'
        | 'telegramBotToken'
        | 'antiSpamKey'
        | 'trustProxy'
        | 'telegramBotName'
      >
    >;
  /** Where Vite put the browser bundle. */
  clientDir?: string;
  logger?: boolean;
}

/** The whole HTTP surface: JSON API under /api/v1 (with its OpenAPI document) and the server-rendered web. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: options.config.logLevel },
    // Rate limits key on the client's address: only a proxy the operator names may say what it is.
    trustProxy: options.config.trustProxy ?? 'loopback',
    // Query strings are parsed by the routes themselves so that each bad value gets a named error.
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  const antiSpamKey = resolveAntiSpamKey(options.config.antiSpamKey ?? null, (message) =>
    app.log.warn(message),
  );
  const antiSpam = formAntiSpam(antiSpamKey, spentChallenges(options.ctx.storage.limits));
  await app.register(sessionPlugin, {
    ctx: options.ctx,
    secureCookies: Boolean(options.config.publicUrl?.startsWith('https:')),
  });
  await app.register(compress, { global: true, encodings: ['br', 'gzip'] });
  await app.register(etag);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kvartal API',
        version: '1',
        description:
          'Places, categories and cities of a community map. Responses are GeoJSON where they have a position.',
      },
      servers: options.config.publicUrl ? [{ url: options.config.publicUrl }] : [],
      tags: [
        { name: 'places', description: 'Places, search and map clusters' },
        { name: 'taxonomy', description: 'Categories, cities and neighbourhoods' },
        { name: 'events', description: 'Events and their iCalendar feeds' },
        { name: 'feeds', description: 'Atom feeds of the newest places and events' },
        { name: 'insights', description: 'A city’s figures as JSON, and each figure as CSV' },
        { name: 'contributions', description: 'Suggestions, reports, history and moderation' },
        { name: 'anti-spam', description: 'Self-hosted proof-of-work challenges for anonymous forms' },
        {
          name: 'open data',
          description: 'The whole dataset as GeoJSON, KML and CSV under the data licence',
        },
      ],
    },
  });

  await app.register(
    async (api) => {
      api.addHook('onSend', async (_request, reply) => {
        // The read API is open data: other sites may call it from the browser.
        reply.header('access-control-allow-origin', '*');
      });
      await api.register(placeRoutes, { ctx: options.ctx, adminToken: options.config.adminToken });
      await api.register(taxonomyRoutes, { ctx: options.ctx });
      await api.register(antiSpamRoutes, { key: antiSpamKey });
      await api.register(contributionApiRoutes, { ctx: options.ctx, antiSpam });
      await api.register(eventRoutes, {
        ctx: options.ctx,
        antiSpam,
        adminToken: options.config.adminToken,
        publicUrl: options.config.publicUrl,
      });
      await api.register(feedRoutes, { ctx: options.ctx, publicUrl: options.config.publicUrl });
      await api.register(insightsRoutes, { ctx: options.ctx, publicUrl: options.config.publicUrl });
      await api.register(importRoutes, {
        ctx: options.ctx,
        adminToken: options.config.adminToken,
        maxBytes: options.config.importMaxBytes ?? DEFAULT_READ_LIMITS.maxBytes,
      });
      await api.register(exportRoutes, {
        ctx: options.ctx,
        cacheDir: options.config.exportCacheDir ?? 'data/export-cache',
        publicUrl: options.config.publicUrl,
        licence: options.config.dataLicense ?? DEFAULT_DATA_LICENCE,
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const { config } = options;
  await app.register(basemapRoutes, {
    config: {
      publicUrl: config.publicUrl,
      mapPmtiles: config.mapPmtiles ?? null,
      mapTilesUpstream: config.mapTilesUpstream ?? null,
      tileCacheDir: config.tileCacheDir ?? 'data/tile-cache',
      mapGlyphsDir: config.mapGlyphsDir ?? null,
    },
  });
  const basemapConfigured = Boolean(config.mapPmtiles || config.mapTilesUpstream);
  await app.register(webRoutes, {
    ctx: options.ctx,
    clientDir: options.clientDir ?? resolve('dist/client'),
    publicUrl: config.publicUrl,
    mapStyleUrl: basemapConfigured ? '/map/style.json' : null,
    dataLicense: config.dataLicense ?? DEFAULT_DATA_LICENCE,
    telegram:
      config.telegramBotToken && config.telegramBotName
        ? { name: config.telegramBotName, token: config.telegramBotToken }
        : null,
    antiSpam,
  });
  return app;
}
