import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { InputError } from '../../domain/errors.ts';
import type { ImportFormat } from '../../imports/formats/detect-format.ts';
import type { AppContext } from '../../usecases/context.ts';
import { type ImportRequest, importPlaces } from '../../usecases/import-places.ts';
import { isOperator } from '../operator.ts';
import { parseBoolean } from '../params.ts';
import { ErrorBody, errorResponses } from '../schemas.ts';

export interface ImportRouteOptions {
  ctx: AppContext;
  adminToken: string | null;
  maxBytes: number;
}

const FORMATS = ['kml', 'kmz', 'geojson', 'overpass-json', 'osm-xml', 'csv'] as const;

const ImportQuery = Type.Object({
  file_name: Type.String({ minLength: 1, maxLength: 255, description: 'The original file name' }),
  format: Type.Optional(Type.Union(FORMATS.map((f) => Type.Literal(f)))),
  dry_run: Type.Optional(Type.String({ description: 'true: report what would happen, write nothing' })),
  partial: Type.Optional(
    Type.String({ description: 'true: import the valid records even if some are invalid' }),
  ),
  default_category: Type.Optional(Type.String()),
  source: Type.Optional(
    Type.String({ maxLength: 200, description: "Recorded provenance (default: the file's name)" }),
  ),
  duplicates: Type.Optional(Type.Union([Type.Literal('merge'), Type.Literal('skip')])),
  category_map: Type.Optional(
    Type.String({
      description: 'JSON object: layer name, category text or OSM key=value → category slug or "skip"',
    }),
  ),
});

/**
 * `POST /api/v1/imports`: the operator's import over HTTP (the web import page uses it). The body is the
 * file itself. With `Accept: application/x-ndjson` the answer is a stream of progress lines ending in the
 * report, so a long import shows its progress; otherwise the report as JSON.
 */
export const importRoutes: FastifyPluginAsyncTypebox<ImportRouteOptions> = async (app, opts) => {
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.maxBytes }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/imports',
    {
      bodyLimit: opts.maxBytes,
      // The token is checked before the body is read: a stranger cannot make the server buffer 64 MB.
      onRequest: async (request, reply) => {
        if (!isOperator(request, reply, opts.adminToken)) return reply;
      },
      schema: {
        summary: 'Import places from a KML/KMZ, GeoJSON, OSM or CSV file (operator token)',
        tags: ['open data'],
        querystring: ImportQuery,
        response: {
          200: Type.Unknown({
            description:
              'The import report: counts (new, updated, unchanged, duplicate, invalid, skipped, excluded), layers with their categories, every invalid record with its position and reason, duplicates and warnings. With Accept: application/x-ndjson, progress lines then {"report": …}.',
          }),
          401: ErrorBody,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (!Buffer.isBuffer(request.body)) throw new InputError('body', 'must be the file itself');
      const importRequest: ImportRequest = {
        fileName: q.file_name,
        bytes: request.body,
        dryRun: parseBoolean(q.dry_run, 'dry_run') ?? false,
        partial: parseBoolean(q.partial, 'partial') ?? false,
        limits: { maxBytes: opts.maxBytes },
        ...(q.format ? { format: q.format as ImportFormat } : {}),
        ...(q.default_category ? { defaultCategory: q.default_category } : {}),
        ...(q.source ? { source: q.source } : {}),
        ...(q.duplicates ? { duplicates: q.duplicates } : {}),
        ...(q.category_map ? { categoryMap: parseCategoryMap(q.category_map) } : {}),
      };
      if (!String(request.headers.accept ?? '').includes('application/x-ndjson')) {
        return importPlaces(opts.ctx, importRequest);
      }
      const lines = new PassThrough();
      const send = (value: unknown) => lines.write(`${JSON.stringify(value)}\n`);
      importPlaces(opts.ctx, { ...importRequest, onProgress: (progress) => send({ progress }) }).then(
        (report) => lines.end(`${JSON.stringify({ report })}\n`),
        (error: unknown) => {
          if (error instanceof InputError) send({ error: { field: error.field, message: error.message } });
          else {
            request.log.error({ err: error }, 'import failed');
            send({ error: { field: null, message: 'Something went wrong on our side' } });
          }
          lines.end();
        },
      );
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(lines);
    },
  );
};

function parseCategoryMap(text: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError('category_map', 'must be a JSON object of "name": "category-slug"');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InputError('category_map', 'must be a JSON object of "name": "category-slug"');
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      throw new InputError('category_map', `the value of "${key}" must be a slug`);
  }
  return parsed as Record<string, string>;
}
