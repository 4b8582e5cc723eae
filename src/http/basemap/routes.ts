import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { GlyphDirectory } from './glyphs.ts';
import { PmtilesArchive } from './pmtiles-source.ts';
import { type BasemapTiles, buildStyle } from './style.ts';
import { type StoredTile, sendTile } from './tile-reply.ts';
import { UpstreamError, UpstreamTileCache } from './upstream-cache.ts';

export interface BasemapOptions {
  config: Pick<Config, 'mapPmtiles' | 'mapTilesUpstream' | 'tileCacheDir' | 'mapGlyphsDir' | 'publicUrl'>;
}

/** Where tiles come from: a local archive or a cached upstream. The routes ask only for this. */
interface TileProvider {
  basemap: BasemapTiles;
  tile(z: number, x: number, y: number): Promise<StoredTile | null>;
  close(): Promise<void>;
}

/** Deepest zoom a browser may ask for; MapLibre overzooms past the source's maxzoom by itself. */
const MAX_ZOOM = 22;
/** Zooms most public upstreams serve: vector schemas stop at 14–15, raster servers at 19. */
const UPSTREAM_MAXZOOM = { vector: 14, raster: 19 } as const;
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The basemap, served entirely by Kvartal so the browser talks to no other host: the MapLibre style, the
 * tiles (from MAP_PMTILES, or MAP_TILES_UPSTREAM fetched and cached here) and the label glyphs.
 */
export const basemapRoutes: FastifyPluginAsync<BasemapOptions> = async (app, { config }) => {
  const tiles = await openTileProvider(config, app.log);
  const glyphs = config.mapGlyphsDir ? await GlyphDirectory.open(config.mapGlyphsDir) : null;
  app.addHook('onClose', async () => tiles?.close());

  app.get('/map/style.json', { schema: { hide: true } }, async (request, reply) => {
    const origin = originOf(request, config.publicUrl);
    if (!origin) return badRequest(reply, 'host', 'The Host header is not a valid host name');
    // The style holds this request's origin, so caches must check back rather than reuse it blindly.
    reply.header('cache-control', 'no-cache');
    return buildStyle({ origin, basemap: tiles?.basemap ?? null, labelFont: glyphs?.labelFont ?? null });
  });

  app.get<{ Params: { z: string; x: string; y: string; ext: string } }>(
    '/tiles/:z/:x/:y.:ext',
    { schema: { hide: true } },
    async (request, reply) => {
      if (!tiles) return notFound(reply, 'No basemap is configured: set MAP_PMTILES or MAP_TILES_UPSTREAM');
      const format = tiles.basemap.format;
      if (request.params.ext !== format.ext)
        return notFound(reply, `This basemap serves .${format.ext} tiles`);
      const { z, x, y } = request.params;
      const zoom = parseIndex(z, MAX_ZOOM + 1);
      if (zoom === null) return badRequest(reply, 'z', `z must be an integer from 0 to ${MAX_ZOOM}`);
      const size = 2 ** zoom;
      const column = parseIndex(x, size);
      if (column === null)
        return badRequest(reply, 'x', `x must be an integer from 0 to ${size - 1} at zoom ${zoom}`);
      const row = parseIndex(y, size);
      if (row === null)
        return badRequest(reply, 'y', `y must be an integer from 0 to ${size - 1} at zoom ${zoom}`);
      try {
        return await sendTile(request, reply, await tiles.tile(zoom, column, row), format);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        request.log.warn({ err: error.cause ?? error }, error.message);
        return reply
          .code(502)
          .header('cache-control', 'no-store')
          .send({ statusCode: 502, error: 'Bad Gateway', message: error.message });
      }
    },
  );

  app.get<{ Params: { fontstack: string; range: string } }>(
    '/map/glyphs/:fontstack/:range.pbf',
    { schema: { hide: true } },
    async (request, reply) => {
      const data = await glyphs?.read(request.params.fontstack, request.params.range);
      if (!data) return notFound(reply, 'No such glyph range');
      return reply
        .header('content-type', 'application/x-protobuf')
        .header('cache-control', 'public, max-age=86400')
        .send(data);
    },
  );
};

async function openTileProvider(
  config: BasemapOptions['config'],
  log: FastifyBaseLogger,
): Promise<TileProvider | null> {
  if (config.mapPmtiles) {
    if (config.mapTilesUpstream)
      log.warn('MAP_PMTILES and MAP_TILES_UPSTREAM are both set; serving MAP_PMTILES');
    const archive = await PmtilesArchive.open(config.mapPmtiles);
    const { header, format } = archive;
    const hasBounds = header.minLon < header.maxLon && header.minLat < header.maxLat;
    return {
      basemap: {
        mode: 'pmtiles',
        format,
        minzoom: header.minZoom,
        maxzoom: header.maxZoom,
        ...(hasBounds ? { bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat] } : {}),
      },
      tile: (z, x, y) => archive.tile(z, x, y),
      close: () => archive.close(),
    };
  }
  if (config.mapTilesUpstream) {
    const cache = new UpstreamTileCache({
      template: config.mapTilesUpstream,
      cacheDir: config.tileCacheDir,
      userAgent: `Kvartal tile proxy${config.publicUrl ? ` (+${config.publicUrl})` : ''}`,
      onCacheWriteError: (err, path) =>
        log.warn({ err, path }, 'could not write a basemap tile to the cache'),
    });
    return {
      basemap: {
        mode: 'upstream',
        format: cache.format,
        minzoom: 0,
        maxzoom: UPSTREAM_MAXZOOM[cache.format.kind],
      },
      tile: (z, x, y) => cache.tile(z, x, y),
      close: async () => {},
    };
  }
  return null;
}

/** PUBLIC_URL when set (behind a proxy that rewrites Host), else what this request was addressed to. */
function originOf(request: FastifyRequest, publicUrl: string | null): string | null {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return HOST.test(request.host) ? `${request.protocol}://${request.host}` : null;
}

/** A tile index in [0, limit), written as plain decimal digits; null otherwise. */
function parseIndex(value: string, limit: number): number | null {
  if (!/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n < limit ? n : null;
}

function badRequest(reply: FastifyReply, field: string, message: string): FastifyReply {
  return reply
    .code(400)
    .header('cache-control', 'no-store')
    .send({ statusCode: 400, error: 'Bad Request', message, field });
}

function notFound(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(404).send({ statusCode: 404, error: 'Not Found', message });
}
