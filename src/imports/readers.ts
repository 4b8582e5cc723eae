import { csvReader } from './formats/csv.ts';
import type { ImportFormat } from './formats/detect-format.ts';
import { readGeoJson } from './formats/geojson.ts';
import { readKml } from './formats/kml.ts';
import { readKmz } from './formats/kmz.ts';
import { readOsmXml } from './formats/osm-xml.ts';
import { readOverpassJson } from './formats/overpass-json.ts';
import type { FormatReader } from './record.ts';

export interface CsvOptions {
  /** Kvartal key → the file's header, e.g. `{ name: 'Заведение' }`. */
  columns?: Record<string, string>;
  encoding?: 'utf-8' | 'windows-1251' | 'windows-1250';
  delimiter?: string;
}

/** The reader for a format. */
export function readerFor(format: ImportFormat, csv: CsvOptions = {}): FormatReader {
  switch (format) {
    case 'kml':
      return readKml;
    case 'kmz':
      return readKmz;
    case 'geojson':
      return readGeoJson;
    case 'overpass-json':
      return readOverpassJson;
    case 'osm-xml':
      return readOsmXml;
    case 'csv':
      return csvReader(csv);
  }
}

/** Formats whose fields are free-form (My Maps data fields, spreadsheet columns): unknown ones are kept. */
export function keepsUnknownFields(format: ImportFormat): boolean {
  return format === 'kml' || format === 'kmz' || format === 'csv';
}
