import type { Place } from '../../domain/places/place.ts';
import { OPEN_FIELDS, type OpenRecordContext, openRecord } from '../open-record.ts';
import type { ExportMeta } from './meta.ts';

export interface KmlCategory {
  slug: string;
  name: string;
  color: string;
}

/**
 * KML 2.2 with one folder per category, as Google My Maps and Google Earth show layers; every open field in
 * ExtendedData (so nothing is lost and the importer reads it back), a style per category in its colour.
 */
export async function* kmlExport(
  categories: readonly KmlCategory[],
  placesOf: (category: string) => AsyncIterable<Place[]>,
  context: OpenRecordContext,
  meta: ExportMeta,
): AsyncIterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">\n<Document>\n';
  yield `<name>${xml(meta.title)}</name>\n<description>${xml(meta.attribution)}</description>\n`;
  if (meta.licence.url) yield `<atom:link rel="license" href="${xml(meta.licence.url)}"/>\n`;
  for (const category of categories) {
    yield `<Style id="${styleId(category.slug)}"><IconStyle><color>${kmlColor(category.color)}</color></IconStyle></Style>\n`;
  }
  for (const category of categories) {
    let opened = false;
    for await (const page of placesOf(category.slug)) {
      if (!opened) {
        yield `<Folder>\n<name>${xml(category.name)}</name>\n`;
        opened = true;
      }
      yield page.map((place) => placemark(place, category.slug, context)).join('');
    }
    if (opened) yield '</Folder>\n';
  }
  yield '</Document>\n</kml>\n';
}

function placemark(place: Place, category: string, context: OpenRecordContext): string {
  const record = openRecord(place, context);
  const description = record[`description:${place.originalLocale}`] || '';
  const data = OPEN_FIELDS.filter((f) => record[f] && f !== 'name')
    .map((f) => `<Data name="${xml(f)}"><value>${xml(record[f] ?? '')}</value></Data>`)
    .join('');
  return (
    `<Placemark><name>${xml(record.name ?? '')}</name>` +
    (description ? `<description>${xml(description)}</description>` : '') +
    `<styleUrl>#${styleId(category)}</styleUrl><ExtendedData>${data}</ExtendedData>` +
    `<Point><coordinates>${place.lon},${place.lat},0</coordinates></Point></Placemark>\n`
  );
}

const styleId = (slug: string) => `category-${slug}`;

/** #rrggbb → KML's aabbggrr. */
function kmlColor(hex: string): string {
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  return `ff${b}${g}${r}`.toLowerCase();
}

/** Text escaped for XML, without the control characters XML 1.0 forbids even as references. */
function xml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
