import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, type ImportFormat } from '../../src/imports/formats/detect-format.ts';
import { ImportFileError } from '../../src/imports/record.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url))).subarray(0, 4096);
const utf8 = (text: string) => new TextEncoder().encode(text);

const KML = utf8(
  '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
);
const OSM = utf8(
  '<?xml version=\'1.0\' encoding=\'UTF-8\'?>\n<osm version="0.6" generator="JOSM">\n <node id="1"',
);
/** A local file header whose first entry is doc.kml, as Google My Maps writes a KMZ. */
const KMZ = Uint8Array.from([
  0x50,
  0x4b,
  0x03,
  0x04,
  20,
  0,
  0,
  0,
  8,
  0,
  ...new Array(16).fill(0),
  7,
  0,
  0,
  0,
  ...utf8('doc.kml'),
]);
const XLSX = Uint8Array.from([
  0x50,
  0x4b,
  0x03,
  0x04,
  20,
  0,
  6,
  0,
  8,
  0,
  ...new Array(16).fill(0),
  19,
  0,
  0,
  0,
  ...utf8('[Content_Types].xml'),
]);

function problem(fileName: string, head: Uint8Array, declared?: ImportFormat): string {
  try {
    detectFormat(fileName, head, declared);
  } catch (error) {
    if (error instanceof ImportFileError) return `${error.where}: ${error.problem}`;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('detectFormat: by content', () => {
  it('recognises every format from its first bytes', () => {
    expect(detectFormat('Little Russia.kmz', KMZ)).toBe('kmz');
    expect(detectFormat('doc.kml', KML)).toBe('kml');
    expect(detectFormat('belgrade.osm', OSM)).toBe('osm-xml');
    expect(detectFormat('export.geojson', fixture('overpass-turbo.geojson'))).toBe('geojson');
    expect(detectFormat('overpass.json', fixture('overpass.json'))).toBe('overpass-json');
    expect(detectFormat('places.csv', fixture('places-utf8-bom.csv'))).toBe('csv');
    expect(detectFormat('places.csv', fixture('places-cp1251.csv'))).toBe('csv');
  });

  it('goes by content alone for unknown extensions and files without one', () => {
    expect(detectFormat('export', fixture('overpass.json'))).toBe('overpass-json');
    expect(detectFormat('mesta.dat', KML)).toBe('kml');
    expect(detectFormat('places', fixture('places-serbian.csv'))).toBe('csv');
    expect(detectFormat('spisak.txt', fixture('places-cp1250.csv'))).toBe('csv');
    expect(detectFormat('table.tsv', utf8('name\tlat\tlon\n'))).toBe('csv');
  });

  it('reads past a BOM, whitespace, comments and a namespace prefix to the root element', () => {
    const head = utf8(
      '\uFEFF\n  <?xml version="1.0"?>\n<!-- exported -->\n<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2">',
    );
    expect(detectFormat('map.kml', head)).toBe('kml');
    expect(detectFormat('data.xml', OSM)).toBe('osm-xml');
  });

  it('tells Overpass JSON from GeoJSON that has an "elements" property', () => {
    const geojson = utf8(
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"elements":"3"}',
    );
    expect(detectFormat('a.json', geojson)).toBe('geojson');
    expect(detectFormat('a.json', utf8('\uFEFF{\n  "version": 0.6,\n  "elements": [\n'))).toBe(
      'overpass-json',
    );
  });

  it('refuses XML that is neither KML nor OSM, saying what it is', () => {
    expect(problem('track.gpx', utf8('<?xml version="1.0"?><gpx version="1.1">'))).toMatch(/is a GPX track;/);
    expect(problem('map.kml', utf8('<!DOCTYPE html>\n<html lang="sr">'))).toMatch(
      /"map.kml" is a web page \(HTML\)/,
    );
    expect(problem('data.xml', utf8('<rss version="2.0">'))).toMatch(/XML with the root element <rss>/);
    const page = utf8('<!doctype html><html><script>const a = [1, 2];</script>');
    expect(problem('export.osm', page)).toMatch(/is a web page/);
    const subset = utf8('<?xml version="1.0"?><!DOCTYPE osm [ <!ENTITY x "y"> ]><osm version="0.6">');
    expect(detectFormat('a.osm', subset)).toBe('osm-xml');
  });

  it('refuses binary files, UTF-16 files and empty files', () => {
    const photo = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
    expect(problem('places.csv', photo)).toMatch(/^file: "places.csv" is a binary file/);
    expect(problem('places.csv', Uint8Array.from([0xff, 0xfe, 0x6e, 0, 0x61, 0]))).toMatch(
      /UTF-16; save it as UTF-8/,
    );
    expect(problem('places.csv', utf8(' \n'))).toBe('file: "places.csv" is empty');
  });

  it('asks for a CSV export of a spreadsheet instead of reading it as a KMZ', () => {
    expect(problem('mesta.xlsx', XLSX)).toMatch(/is a spreadsheet or document; save it as CSV/);
    expect(problem('mesta.zip', XLSX)).toMatch(/is a spreadsheet or document/);
  });
});

describe('detectFormat: the name and the declared format must agree with the content', () => {
  it('refuses a KML name on a ZIP archive', () => {
    expect(problem('places.kml', KMZ)).toBe('file: "places.kml" is not KML: its content is a ZIP archive');
  });

  it('refuses a .kml that is really a CSV, and other mismatches', () => {
    expect(problem('uploads/places.kml', fixture('places-utf8.csv'))).toBe(
      'file: "places.kml" is not KML: its content is text (CSV)',
    );
    expect(problem('places.csv', KML)).toBe('file: "places.csv" is not CSV: its content is KML');
    expect(problem('places.kmz', KML)).toBe('file: "places.kmz" is not KMZ: its content is KML');
    expect(problem('places.geojson', OSM)).toBe(
      'file: "places.geojson" is not GeoJSON: its content is OpenStreetMap XML',
    );
    expect(problem('map.osm', fixture('overpass.json'))).toBe(
      'file: "map.osm" is not OpenStreetMap XML: its content is Overpass JSON',
    );
  });

  it('is not fooled by names that are properties of every object', () => {
    expect(detectFormat('places.constructor', fixture('places-utf8.csv'))).toBe('csv');
    expect(problem('a.xml', utf8('<constructor/>'))).toMatch(/XML with the root element <constructor>/);
  });

  it('accepts either JSON format under .json and .geojson', () => {
    expect(detectFormat('overpass.geojson', fixture('overpass.json'))).toBe('overpass-json');
    expect(detectFormat('export.json', fixture('overpass-turbo.geojson'))).toBe('geojson');
  });

  it('takes a declared format that agrees with the content, whatever the name', () => {
    expect(detectFormat('download', KMZ, 'kmz')).toBe('kmz');
    expect(detectFormat('data.txt', fixture('overpass-turbo.geojson'), 'geojson')).toBe('geojson');
    // The two JSON formats are told apart by a heuristic, so a declared one is trusted.
    expect(detectFormat('export.json', fixture('overpass.json'), 'geojson')).toBe('geojson');
  });

  it('refuses a declared format the content contradicts', () => {
    expect(problem('places.csv', fixture('places-utf8.csv'), 'kml')).toBe(
      'file: "places.csv" is not KML, the format given for it: its content is text (CSV)',
    );
    expect(problem('map.kmz', KMZ, 'osm-xml')).toMatch(
      /is not OpenStreetMap XML, the format given for it: its content is a ZIP/,
    );
  });
});
