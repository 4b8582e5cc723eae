import { pickText } from '../domain/locales.ts';
import { attributionLine, dataLicence } from '../open-data/licence.ts';
import type { AppContext } from '../usecases/context.ts';
import { csvExport } from './formats/csv.ts';
import { geojsonExport } from './formats/geojson.ts';
import { kmlExport } from './formats/kml.ts';
import type { ExportMeta } from './formats/meta.ts';
import type { OpenRecordContext } from './open-record.ts';
import { publicFilter, publicPlaces } from './public-places.ts';

export const EXPORT_FORMATS = {
  geojson: { contentType: 'application/geo+json; charset=utf-8', extension: 'geojson' },
  kml: { contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8', extension: 'kml' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

export interface ExportOptions {
  /** The site's public URL, for place links and the attribution. */
  siteUrl: string | null;
  /** SPDX id of the data licence (DATA_LICENSE). */
  licence: string;
}

export const SITE_NAME = 'Kvartal';

/** Every public place in one format, as text chunks: memory stays flat however many places there are. */
export async function* exportPlaces(
  ctx: AppContext,
  format: ExportFormat,
  options: ExportOptions,
): AsyncIterable<string> {
  const licence = dataLicence(options.licence);
  const context: OpenRecordContext = {
    taxonomy: ctx.taxonomy,
    siteUrl: options.siteUrl,
    licenceId: licence.id,
  };
  const meta: ExportMeta = {
    title: `${SITE_NAME} — places`,
    licence,
    attribution: attributionLine(licence, SITE_NAME, options.siteUrl),
    generatedAt: ctx.now().toISOString(),
  };
  const filter = await publicFilter(ctx);
  switch (format) {
    case 'geojson':
      yield* geojsonExport(publicPlaces(ctx, filter), context, meta);
      return;
    case 'csv':
      yield* csvExport(publicPlaces(ctx, filter), context);
      return;
    case 'kml': {
      const categories = ctx.taxonomy.categories
        .filter((c) => c.parent !== null)
        .map((c) => ({ slug: c.slug, name: pickText(c.names, 'ru'), color: c.color }));
      const placesOf = (slug: string) => publicPlaces(ctx, { ...filter, categories: [slug] });
      yield* kmlExport(categories, placesOf, context, meta);
    }
  }
}
