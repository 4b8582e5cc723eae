import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ExportCache } from '../../exports/export-cache.ts';
import { EXPORT_FORMATS, type ExportFormat, SITE_NAME } from '../../exports/export-places.ts';
import { dataLicence } from '../../open-data/licence.ts';
import type { AppContext } from '../../usecases/context.ts';

export interface ExportRouteOptions {
  ctx: AppContext;
  cacheDir: string;
  publicUrl: string | null;
  licence: string;
}

const DESCRIPTIONS: Record<ExportFormat, string> = {
  geojson: 'All public places as an RFC 7946 FeatureCollection (licence and attribution as foreign members)',
  kml: 'All public places as KML, one folder per category (opens in Google My Maps and Google Earth)',
  csv: 'All public places as CSV, UTF-8 with BOM (opens in LibreOffice and Excel with Cyrillic intact)',
};

/** The open-data downloads: whole-dataset exports, cached per data version, with validators for conditional GETs. */
export const exportRoutes: FastifyPluginAsyncTypebox<ExportRouteOptions> = async (app, opts) => {
  const cache = new ExportCache(opts.ctx, opts.cacheDir, { siteUrl: opts.publicUrl, licence: opts.licence });
  const licence = dataLicence(opts.licence);

  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    app.get(
      `/export.${format}`,
      { schema: { summary: DESCRIPTIONS[format], tags: ['open data'] } },
      async (request, reply) => {
        const { file, stream } = await cache.open(format);
        const etag = `"${file.tag}"`;
        reply
          .header('etag', etag)
          .header('last-modified', file.modified.toUTCString())
          .header('cache-control', 'public, max-age=300')
          .header('content-type', EXPORT_FORMATS[format].contentType)
          .header(
            'content-disposition',
            `attachment; filename="${SITE_NAME.toLowerCase()}-places.${format}"`,
          );
        if (licence.url) reply.header('link', `<${licence.url}>; rel="license"`);
        if (notModified(request.headers, etag, file.modified)) {
          stream.destroy();
          return reply.code(304).send();
        }
        return reply.send(stream);
      },
    );
  }
};

function notModified(
  headers: Record<string, string | string[] | undefined>,
  etag: string,
  modified: Date,
): boolean {
  const match = headers['if-none-match'];
  if (typeof match === 'string') return match.split(/\s*,\s*/).includes(etag) || match === '*';
  const since = headers['if-modified-since'];
  if (typeof since === 'string') {
    const time = Date.parse(since);
    // HTTP dates have whole seconds.
    return !Number.isNaN(time) && Math.floor(modified.getTime() / 1000) * 1000 <= time;
  }
  return false;
}
