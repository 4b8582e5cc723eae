import { describe, expect, it } from 'vitest';
import { readOverpassJson } from '../../src/imports/formats/overpass-json.ts';
import { DEFAULT_READ_LIMITS } from '../../src/imports/record.ts';
import { fixture, readAll, refusal } from './reading.ts';

const read = (bytes: Uint8Array, limits = DEFAULT_READ_LIMITS) => readAll(readOverpassJson, bytes, limits);
const fileError = (bytes: Uint8Array, limits = DEFAULT_READ_LIMITS) =>
  refusal(readOverpassJson, bytes, limits);

const overpass = (elements: unknown[], extra: Record<string, unknown> = {}) =>
  new TextEncoder().encode(JSON.stringify({ version: 0.6, generator: 'Overpass API', ...extra, elements }));

const tags = { amenity: 'kindergarten', name: 'Вртић Сунце' };
const square = [
  { type: 'node', id: 1, lat: 45.246, lon: 19.833 },
  { type: 'node', id: 2, lat: 45.246, lon: 19.8338 },
  { type: 'node', id: 3, lat: 45.2464, lon: 19.8338 },
  { type: 'node', id: 4, lat: 45.2464, lon: 19.833 },
];

describe('Overpass JSON reader', () => {
  it('reads tagged nodes as points with their tags verbatim, and leaves untagged nodes out', async () => {
    const records = await read(fixture('overpass.json'));
    expect(records.map((record) => record.position)).toEqual([
      'node/11873400101',
      'node/11873400102',
      'node/11873400103',
      'node/11873400104',
      'node/11873400105',
      'way/1203344551',
      'way/1203344552',
    ]);
    expect(records[0]).toEqual({
      position: 'node/11873400101',
      sourceId: 'node/11873400101',
      geometry: { kind: 'point', lon: 20.4569, lat: 44.8176 },
      fields: {
        amenity: 'cafe',
        name: 'Самовар',
        'name:ru': 'Самовар',
        'name:sr': 'Самовар',
        'name:sr-Latn': 'Samovar',
        'name:en': 'Samovar',
        cuisine: 'russian;coffee_shop',
        opening_hours: 'Mo-Su 08:00-22:00',
        phone: '+381 64 123 4567',
        website: 'https://samovar.example.rs',
        'contact:telegram': 'https://t.me/samovar_bg',
        'contact:instagram': 'https://www.instagram.com/samovar.bg',
        'addr:street': 'Краља Милана',
        'addr:housenumber': '12',
        'addr:city': 'Београд',
        'addr:postcode': '11000',
        'language:ru': 'yes',
      },
    });
    expect(records[1]?.fields).toMatchObject({ shop: 'hairdresser', 'contact:phone': '+381 63 555 0102' });
  });

  it('places a way at its "out center" centre, or at the centroid of its "out geom" geometry', async () => {
    const records = await read(fixture('overpass.json'));
    expect(records[5]?.geometry).toEqual({ kind: 'point', lon: 20.398, lat: 44.8205 });
    expect(records[6]?.geometry).toEqual({
      kind: 'point',
      lon: expect.closeTo(19.8334, 7),
      lat: expect.closeTo(45.2462, 7),
    });
  });

  it('places a way at the centroid of its nodes when the file has them, and reports one it cannot place', async () => {
    const records = await read(
      overpass([
        { type: 'way', id: 10, nodes: [1, 2, 3, 4, 1], tags },
        { type: 'way', id: 11, nodes: [98, 99], tags },
        ...square,
      ]),
    );
    expect(records[0]?.geometry).toEqual({
      kind: 'point',
      lon: expect.closeTo(19.8334, 7),
      lat: expect.closeTo(45.2462, 7),
    });
    expect(records[1]?.geometry).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/out center/),
    });
    expect(records).toHaveLength(2);
  });

  it("places a relation at its center, its outer members' geometry, or its member nodes in the file", async () => {
    const ring = [
      { lat: 44.8, lon: 20.4 },
      { lat: 44.8, lon: 20.42 },
      { lat: 44.82, lon: 20.42 },
      { lat: 44.82, lon: 20.4 },
      { lat: 44.8, lon: 20.4 },
    ];
    const hole = [{ lat: 44.9, lon: 20.9 }];
    const records = await read(
      overpass([
        { type: 'relation', id: 1, center: { lat: 44.81, lon: 20.46 }, tags },
        {
          type: 'relation',
          id: 2,
          members: [
            { type: 'way', ref: 5, role: 'outer', geometry: ring },
            { type: 'way', ref: 6, role: 'inner', geometry: hole },
          ],
          tags,
        },
        { type: 'relation', id: 3, members: [{ type: 'way', ref: 20, role: 'outer' }], tags },
        { type: 'way', id: 20, nodes: [1, 2, 3, 4, 1] },
        ...square,
      ]),
    );
    expect(records.map((record) => record.geometry)).toEqual([
      { kind: 'point', lon: 20.46, lat: 44.81 },
      { kind: 'point', lon: expect.closeTo(20.41, 9), lat: expect.closeTo(44.81, 9) },
      { kind: 'point', lon: expect.closeTo(19.8334, 7), lat: expect.closeTo(45.2462, 7) },
    ]);
  });

  it('falls back to the centre of "out bb" bounds', async () => {
    const [record] = await read(
      overpass([
        { type: 'way', id: 7, bounds: { minlat: 44.8, minlon: 20.4, maxlat: 44.82, maxlon: 20.44 }, tags },
      ]),
    );
    expect(record?.geometry).toEqual({
      kind: 'point',
      lon: expect.closeTo(20.42, 9),
      lat: expect.closeTo(44.81, 9),
    });
  });

  it('reports a node out of range or without coordinates, and an entry that is not an element', async () => {
    const records = await read(
      overpass([
        { type: 'node', id: 1, lat: 144.8, lon: 20.4, tags },
        { type: 'node', id: 2, tags },
        'node/3',
      ]),
    );
    expect(records).toEqual([
      {
        position: 'node/1',
        sourceId: 'node/1',
        geometry: { kind: 'invalid', problem: 'has its coordinates out of range: lat 144.8, lon 20.4' },
        fields: tags,
      },
      {
        position: 'node/2',
        sourceId: 'node/2',
        geometry: { kind: 'invalid', problem: 'has no coordinates' },
        fields: tags,
      },
      { position: 'element 3', geometry: { kind: 'invalid', problem: 'is not an OSM element' }, fields: {} },
    ]);
  });

  it('refuses a file without "elements", and an incomplete result Overpass cut short', async () => {
    expect(
      (await fileError(new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'))).problem,
    ).toMatch(/no "elements" array/);
    const remark = 'runtime error: Query timed out in "query" at line 3 after 26 seconds.';
    const error = await fileError(
      overpass([{ type: 'node', id: 1, lat: 44.8, lon: 20.4, tags }], { remark }),
    );
    expect(error.problem).toBe(`is an incomplete Overpass result: ${remark}`);
  });

  it('shares the JSON checks: the size limit and syntax errors with their position', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxBytes: 1000 };
    expect((await fileError(fixture('overpass.json'), limits)).problem).toMatch(/more than the 1000 allowed/);
    expect((await fileError(new TextEncoder().encode('{"elements": [\n  {"type": "node",}\n]}'))).where).toBe(
      'line 2, column 19',
    );
  });
});
