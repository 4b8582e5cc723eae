import { describe, expect, it } from 'vitest';
import { centroid, multiPolygonCentroid, polygonCentroid } from '../../src/imports/formats/centroid.ts';
import { readGeoJson } from '../../src/imports/formats/geojson.ts';
import { DEFAULT_READ_LIMITS } from '../../src/imports/record.ts';
import { fixture, readAll, refusal, utf8 } from './reading.ts';

const read = (bytes: Uint8Array, limits = DEFAULT_READ_LIMITS) => readAll(readGeoJson, bytes, limits);
const fileError = (bytes: Uint8Array, limits = DEFAULT_READ_LIMITS) => refusal(readGeoJson, bytes, limits);

const feature = (
  geometry: unknown,
  properties: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  type: 'Feature',
  properties,
  geometry,
  ...extra,
});
const collection = (...features: unknown[]) => utf8(JSON.stringify({ type: 'FeatureCollection', features }));

async function geometryOf(geometry: unknown, id?: string) {
  const [record] = await read(collection(feature(geometry, {}, id ? { id } : {})));
  return record?.geometry;
}

describe('GeoJSON reader: features', () => {
  it('reads an Overpass turbo export: a node as a point, a way polygon at its centroid', async () => {
    const records = await read(fixture('overpass-turbo.geojson'));
    expect(records[0]).toEqual({
      position: 'feature 1',
      sourceId: 'node/11873400101',
      geometry: { kind: 'point', lon: 20.4569, lat: 44.8176 },
      fields: {
        amenity: 'cafe',
        cuisine: 'russian;coffee_shop',
        name: 'Самовар',
        'name:ru': 'Самовар',
        'name:sr-Latn': 'Samovar',
        opening_hours: 'Mo-Su 08:00-22:00',
        phone: '+381 64 123 4567',
        'language:ru': 'yes',
      },
    });
    expect(records[1]?.sourceId).toBe('way/1203344552');
    expect(records[1]?.geometry).toEqual({
      kind: 'point',
      lon: expect.closeTo(19.8334, 7),
      lat: expect.closeTo(45.2462, 7),
    });
    expect(records[1]?.fields).not.toHaveProperty('@id');
  });

  it('takes the source id from the feature id, then "@id", then an "id" property', async () => {
    const point = { type: 'Point', coordinates: [20.46, 44.81] };
    const records = await read(
      collection(
        feature(point, { '@id': 'node/1', id: 'x' }, { id: 42 }),
        feature(point, { '@id': 'node/2', id: 'x' }),
        feature(point, { id: 'cafe-3', name: 'Кафе' }),
        feature(point, { name: 'Бар' }),
      ),
    );
    expect(records.map((record) => record.sourceId)).toEqual(['42', 'node/2', 'cafe-3', undefined]);
    expect(records[2]?.fields).toEqual({ name: 'Кафе' });
  });

  it('flattens properties to text and skips nested objects, nulls and empty values', async () => {
    const [record] = await read(
      collection(
        feature(
          { type: 'Point', coordinates: [20.46, 44.81] },
          {
            name: 'Кафе',
            capacity: 40,
            wheelchair: true,
            languages: ['ru', 'sr', 'en'],
            style: { color: '#ff0000' },
            '@relations': [{ role: 'outer', rel: 5 }],
            note: null,
            description: '',
          },
        ),
      ),
    );
    expect(record?.fields).toEqual({
      name: 'Кафе',
      capacity: '40',
      wheelchair: 'true',
      languages: 'ru;sr;en',
    });
  });

  it('reads a single Feature as well as a FeatureCollection', async () => {
    const records = await read(utf8(JSON.stringify(feature({ type: 'Point', coordinates: [19.84, 45.25] }))));
    expect(records).toEqual([
      { position: 'feature 1', geometry: { kind: 'point', lon: 19.84, lat: 45.25 }, fields: {} },
    ]);
  });
});

describe('GeoJSON reader: geometries', () => {
  it('takes a point in [longitude, latitude] order and drops an altitude', async () => {
    expect(await geometryOf({ type: 'Point', coordinates: [20.4569, 44.8176, 117] })).toEqual({
      kind: 'point',
      lon: 20.4569,
      lat: 44.8176,
    });
  });

  it('reports a point out of range and reminds of the order', async () => {
    expect(await geometryOf({ type: 'Point', coordinates: [44.8176, 120.4569] })).toEqual({
      kind: 'invalid',
      problem:
        'has its point at [44.8176, 120.4569], out of range (GeoJSON orders coordinates [longitude, latitude])',
    });
  });

  it('takes the first point of a MultiPoint', async () => {
    const multi = {
      type: 'MultiPoint',
      coordinates: [
        [20.45, 44.81],
        [20.46, 44.82],
      ],
    };
    expect(await geometryOf(multi)).toEqual({ kind: 'point', lon: 20.45, lat: 44.81 });
    expect(await geometryOf({ type: 'MultiPoint', coordinates: [] })).toMatchObject({ kind: 'invalid' });
  });

  it('skips polygons that are not OSM features and lines', async () => {
    const square = [
      [
        [20.45, 44.81],
        [20.46, 44.81],
        [20.46, 44.82],
        [20.45, 44.82],
        [20.45, 44.81],
      ],
    ];
    expect(await geometryOf({ type: 'Polygon', coordinates: square })).toEqual({
      kind: 'skipped',
      what: 'polygon',
    });
    expect(await geometryOf({ type: 'Polygon', coordinates: square }, 'park-1')).toEqual({
      kind: 'skipped',
      what: 'polygon',
    });
    expect(await geometryOf({ type: 'MultiPolygon', coordinates: [square] })).toEqual({
      kind: 'skipped',
      what: 'polygon',
    });
    const line = [
      [20.45, 44.81],
      [20.46, 44.82],
    ];
    expect(await geometryOf({ type: 'LineString', coordinates: line })).toEqual({
      kind: 'skipped',
      what: 'line',
    });
    expect(await geometryOf({ type: 'MultiLineString', coordinates: [line] })).toEqual({
      kind: 'skipped',
      what: 'line',
    });
    expect(await geometryOf({ type: 'GeometryCollection', geometries: [] })).toEqual({
      kind: 'skipped',
      what: 'other',
    });
  });

  it('places an OSM relation multipolygon at the area-weighted centroid', async () => {
    const big = [
      [
        [20.4, 44.8],
        [20.42, 44.8],
        [20.42, 44.82],
        [20.4, 44.82],
        [20.4, 44.8],
      ],
    ];
    const small = [
      [
        [20.5, 44.8],
        [20.51, 44.8],
        [20.51, 44.81],
        [20.5, 44.81],
        [20.5, 44.8],
      ],
    ];
    const geometry = await geometryOf({ type: 'MultiPolygon', coordinates: [big, small] }, 'relation/77');
    // Four times the area: the centre is a fifth of the way from the big square's centre to the small one's.
    expect(geometry).toEqual({
      kind: 'point',
      lon: expect.closeTo(20.429, 9),
      lat: expect.closeTo(44.809, 9),
    });
  });

  it('reports a missing geometry, an unknown type and malformed coordinates', async () => {
    expect(await geometryOf(null)).toEqual({ kind: 'invalid', problem: 'has no geometry' });
    expect(await geometryOf({ type: 'Circle', coordinates: [20.46, 44.81] })).toEqual({
      kind: 'invalid',
      problem: 'has an unknown geometry type "Circle"',
    });
    expect(await geometryOf({ type: 'Point', coordinates: ['20.46', '44.81'] })).toMatchObject({
      kind: 'invalid',
    });
    expect(await geometryOf({ type: 'Polygon', coordinates: [[20.46, 44.81]] }, 'way/1')).toMatchObject({
      kind: 'invalid',
    });
  });

  it('reports an entry of "features" that is not a Feature', async () => {
    const [record] = await read(collection({ type: 'Point', coordinates: [20.46, 44.81] }));
    expect(record).toEqual({
      position: 'feature 1',
      geometry: { kind: 'invalid', problem: 'is not a GeoJSON Feature' },
      fields: {},
    });
  });
});

describe('GeoJSON reader: files it refuses', () => {
  it('refuses JSON that is not a FeatureCollection or a Feature, saying what it found', async () => {
    expect((await fileError(utf8('[{"type":"Feature"}]'))).problem).toMatch(/found an array$/);
    expect((await fileError(utf8('{"type":"Point","coordinates":[20,44]}'))).problem).toMatch(
      /found an object of type "Point"$/,
    );
    expect((await fileError(utf8('{"version":0.6,"elements":[]}'))).problem).toMatch(
      /found an object without a "type"$/,
    );
    expect((await fileError(utf8('{"type":"FeatureCollection"}'))).problem).toMatch(
      /without a "features" array/,
    );
    expect((await fileError(utf8('"just text"'))).problem).toMatch(/found a string$/);
  });

  it('names the byte offset of invalid UTF-8', async () => {
    const bytes = utf8('{"type":"Feature","properties":{"name":"Kafe X"},"geometry":null}');
    bytes[39] = 0xe8; // "č" in Windows-1250, alone: not UTF-8
    const error = await fileError(bytes);
    expect(error.where).toBe('byte 39');
    expect(error.problem).toMatch(/not valid UTF-8 \(0xE8\)/);
  });

  it('accepts a UTF-8 BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('overpass-turbo.geojson')]);
    expect(await read(bytes)).toHaveLength(2);
  });

  it('locates JSON syntax errors by line and column', async () => {
    const missingComma =
      '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature" "geometry": null}\n  ]\n}';
    expect(await fileError(utf8(missingComma))).toMatchObject({
      where: 'line 4, column 24',
      problem: `is not valid JSON: expected ',' or '}', found "\\""`,
    });
    const trailingComma = '{"type": "FeatureCollection",\n"features": [],\n}';
    expect(await fileError(utf8(trailingComma))).toMatchObject({ where: 'line 3, column 1' });
    const truncated = '{"type": "FeatureCollection",\n"features": [{"type": "Feature"';
    expect(await fileError(utf8(truncated))).toMatchObject({
      where: 'line 2, column 32',
      problem: "is not valid JSON: expected ',' or '}', found the end of the file",
    });
    const unterminated = '{"type": "Feature", "properties": {"name": "Кафе}}';
    expect((await fileError(utf8(unterminated))).problem).toMatch(/closing/);
    expect((await fileError(utf8('{"a": 01}'))).where).toBe('line 1, column 8');
  });

  it('locates an error after deep nesting without overflowing the stack', async () => {
    const deep = `${'['.repeat(200_000)}1${']'.repeat(199_999)}}`;
    expect((await fileError(utf8(deep))).where).toBe('line 1, column 400001');
  });

  it('refuses a file over maxBytes, an empty file and a binary file', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxBytes: 64 };
    expect((await fileError(fixture('overpass-turbo.geojson'), limits)).problem).toMatch(
      /more than the 64 allowed/,
    );
    expect((await fileError(utf8('  \n'))).problem).toBe('is empty');
    expect((await fileError(Uint8Array.from([0x7b, 0, 0, 0x7d]))).problem).toMatch(/not a text file/);
  });
});

describe('centroid', () => {
  it('puts a closed ring at the centre of its area, not the mean of its vertices', () => {
    // An L shape: many vertices along the short arm would pull a vertex mean towards it.
    const shape = [
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 1.5],
      [1, 2],
      [1, 3],
      [1, 4],
      [0, 4],
      [0, 0],
    ] as const;
    const [lon, lat] = centroid(shape) ?? [];
    expect(lon).toBeCloseTo(19 / 14, 9);
    expect(lat).toBeCloseTo(19 / 14, 9);
  });

  it('averages the vertices of an open line, and gives nothing for no vertices', () => {
    expect(
      centroid([
        [20.4, 44.8],
        [20.5, 44.9],
      ]),
    ).toEqual([expect.closeTo(20.45, 9), expect.closeTo(44.85, 9)]);
    expect(centroid([])).toBeUndefined();
  });

  it('subtracts holes and weighs polygons by area', () => {
    const outer = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ] as const;
    const hole = [
      [2, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [2, 0],
    ] as const;
    expect(polygonCentroid([outer, hole])).toEqual([expect.closeTo(1, 9), expect.closeTo(2, 9)]);
    const unit = [
      [10, 0],
      [11, 0],
      [11, 1],
      [10, 1],
      [10, 0],
    ] as const;
    expect(multiPolygonCentroid([[outer], [unit]])).toEqual([
      expect.closeTo((2 * 16 + 10.5) / 17, 9),
      expect.closeTo((2 * 16 + 0.5) / 17, 9),
    ]);
  });
});
