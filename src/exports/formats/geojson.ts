import type { Place } from '../../domain/places/place.ts';
import { type OpenRecordContext, openRecord } from '../open-record.ts';
import type { ExportMeta } from './meta.ts';

/** An RFC 7946 FeatureCollection, written feature by feature; licence and attribution as foreign members. */
export async function* geojsonExport(
  pages: AsyncIterable<Place[]>,
  context: OpenRecordContext,
  meta: ExportMeta,
): AsyncIterable<string> {
  const header = {
    type: 'FeatureCollection',
    name: meta.title,
    license: meta.licence.id,
    license_url: meta.licence.url,
    attribution: meta.attribution,
    generated_at: meta.generatedAt,
  };
  yield `${JSON.stringify(header).slice(0, -1)},"features":[\n`;
  let first = true;
  for await (const page of pages) {
    const lines = page.map((place) => {
      const properties = Object.fromEntries(
        Object.entries(openRecord(place, context)).filter(([, value]) => value !== ''),
      );
      return JSON.stringify({
        type: 'Feature',
        id: place.id,
        geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
        properties,
      });
    });
    if (lines.length === 0) continue;
    yield `${first ? '' : ',\n'}${lines.join(',\n')}`;
    first = false;
  }
  yield '\n]}\n';
}
