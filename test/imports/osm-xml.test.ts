import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOsmXml } from '../../src/imports/formats/osm-xml.ts';
import { DEFAULT_READ_LIMITS, ImportFileError, type ImportRecord } from '../../src/imports/record.ts';
import { readAll, readUntilRefusal, refusal } from './reading.ts';

const read = (bytes: Uint8Array, limits = DEFAULT_READ_LIMITS) => readAll(readOsmXml, bytes, limits);
const fileError = (bytes: Uint8Array) => refusal(readOsmXml, bytes);

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = readFileSync(join(here, '../fixtures/imports/belgrade.osm'));

const osm = (body: string) =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">\n${body}\n</osm>\n`,
  );

function byId(records: readonly ImportRecord[], id: string): ImportRecord {
  const found = records.find((record) => record.sourceId === id);
  if (!found) throw new Error(`no record ${id}`);
  return found;
}

describe('reading an Overpass answer for Belgrade', () => {
  let records: ImportRecord[];
  beforeAll(async () => {
    records = await read(FIXTURE);
  });

  it('yields tagged nodes, ways and relations in file order, and no untagged objects', () => {
    expect(records.map((record) => record.position)).toEqual([
      'node/9100000001',
      'node/9100000002',
      'node/9100000003',
      'node/9100000004',
      'node/9100000005',
      'node/9100000006',
      'way/8100000001',
      'way/8100000002',
      'relation/7100000001',
    ]);
    expect(records.every((record) => record.sourceId === record.position)).toBe(true);
    expect(records.every((record) => record.layer === undefined)).toBe(true);
  });

  it('keeps every tag verbatim as a field', () => {
    const cafe = byId(records, 'node/9100000001');
    expect(cafe.fields).toEqual({
      amenity: 'cafe',
      name: 'Самовар',
      'name:ru': 'Кофейня «Самовар»',
      'name:sr': 'Кафе Самовар',
      'name:sr-Latn': 'Kafe Samovar',
      'name:en': 'Samovar Café',
      'name:uk': "Кав'ярня «Самовар»",
      cuisine: 'coffee_shop;russian',
      opening_hours: 'Mo-Fr 08:00-20:00; Sa 09:00-15:00',
      phone: '+381 60 123 4567',
      website: 'https://samovar.example.rs/',
      'contact:telegram': 'https://t.me/samovar_dorcol',
      'contact:instagram': 'https://www.instagram.com/samovar.dorcol/',
      'addr:street': 'Cara Dušana',
      'addr:housenumber': '34',
      'addr:city': 'Beograd',
      'addr:postcode': '11000',
      'language:ru': 'yes',
      'language:en': 'yes',
      outdoor_seating: 'yes',
    });
    expect(byId(records, 'node/9100000002').fields).toMatchObject({
      'contact:phone': '+381 64 222 3344',
      'contact:website': 'https://borodino.example.rs',
      email: 'hleb@borodino.example.rs',
    });
    expect(byId(records, 'node/9100000004').fields.office).toBe('lawyer');
    expect(byId(records, 'node/9100000005').fields.craft).toBe('tailor');
    expect(byId(records, 'node/9100000006').fields.leisure).toBe('sports_centre');
  });

  it('reads node positions from lat and lon', () => {
    expect(byId(records, 'node/9100000001').geometry).toEqual({
      kind: 'point',
      lon: 20.4612337,
      lat: 44.8203512,
    });
  });

  it('places a way at the centre of its member nodes', () => {
    const { geometry } = byId(records, 'way/8100000001');
    expect(geometry.kind).toBe('point');
    if (geometry.kind !== 'point') return;
    expect(geometry.lon).toBeCloseTo(20.4705, 9);
    expect(geometry.lat).toBeCloseTo(44.8003, 9);
  });

  it('uses the <center> Overpass gives for ways and relations', () => {
    expect(byId(records, 'way/8100000002').geometry).toEqual({
      kind: 'point',
      lon: 20.4013569,
      lat: 44.8148732,
    });
    expect(byId(records, 'relation/7100000001').geometry).toEqual({
      kind: 'point',
      lon: 20.4745,
      lat: 44.8083,
    });
  });
});

describe('OSM XML edge cases', () => {
  it('reports a way none of whose nodes is in the file as invalid', async () => {
    const [record] = await read(osm(`<way id="5"><nd ref="1"/><nd ref="2"/><tag k="shop" v="books"/></way>`));
    expect(record).toMatchObject({
      position: 'way/5',
      geometry: { kind: 'invalid', problem: 'none of its nodes is in the file' },
    });
  });

  it('finds way nodes wherever they are in the file, and uses coordinates on <nd> from out geom', async () => {
    const records = await read(
      osm(
        `<way id="1"><nd ref="11"/><nd ref="12"/><tag k="highway" v="footway"/></way>` +
          `<node id="11" lat="44.80" lon="20.40"/><node id="12" lat="44.82" lon="20.44"/>` +
          `<way id="2"><nd ref="99" lat="44.81" lon="20.45"/><nd ref="98" lat="44.83" lon="20.47"/><tag k="barrier" v="fence"/></way>`,
      ),
    );
    expect(records.map((record) => record.geometry)).toEqual([
      { kind: 'point', lon: expect.closeTo(20.42, 9), lat: expect.closeTo(44.81, 9) },
      { kind: 'point', lon: expect.closeTo(20.46, 9), lat: expect.closeTo(44.82, 9) },
    ]);
  });

  it('skips a relation without a <center>', async () => {
    const [record] = await read(
      osm(
        `<relation id="3"><member type="way" ref="1" role="outer"/><tag k="type" v="multipolygon"/><tag k="leisure" v="park"/></relation>`,
      ),
    );
    expect(record).toMatchObject({ position: 'relation/3', geometry: { kind: 'skipped', what: 'other' } });
  });

  it('reports a tagged node without a usable position', async () => {
    const [record] = await read(
      osm(`<node id="7" lat="north" lon="20.4"><tag k="amenity" v="cafe"/></node>`),
    );
    expect(record?.geometry).toEqual({
      kind: 'invalid',
      problem: 'has no usable position (lat "north", lon "20.4")',
    });
  });

  it('leaves out objects deleted in a JOSM file', async () => {
    const records = await read(
      osm(
        `<node id="-1" action="modify" lat="44.8" lon="20.4"><tag k="shop" v="books"/></node>` +
          `<node id="8" action="delete" lat="44.8" lon="20.4"><tag k="shop" v="kiosk"/></node>`,
      ),
    );
    expect(records.map((record) => record.position)).toEqual(['node/-1']);
  });

  it('ignores a __proto__ tag key', async () => {
    const [record] = await read(
      osm(`<node id="9" lat="44.8" lon="20.4"><tag k="__proto__" v="x"/><tag k="shop" v="books"/></node>`),
    );
    expect(record?.fields).toEqual({ shop: 'books' });
    expect(Object.getPrototypeOf(record?.fields)).toBe(Object.prototype);
  });

  it('refuses XML that is not OSM, a DOCTYPE, and bytes that are not UTF-8', async () => {
    const notOsm = await fileError(new TextEncoder().encode('<kml><Document/></kml>'));
    expect(notOsm.message).toBe('file: is not OpenStreetMap XML (root element is <kml>)');
    const doctype = await fileError(
      new TextEncoder().encode(
        '<!DOCTYPE osm [<!ENTITY e SYSTEM "http://attacker.example/">]><osm>&e;</osm>',
      ),
    );
    expect(doctype.problem).toMatch(/<!DOCTYPE> declaration/);
    const latin1 = Uint8Array.from(
      '<osm><node id="1" lat="44.8" lon="20.4"><tag k="name" v="Caf\xe9"/></node></osm>',
      (c) => c.charCodeAt(0),
    );
    expect((await fileError(latin1)).where).toMatch(/^byte \d+$/);
  });
});

describe('reading OSM XML as a stream', () => {
  it('passes the first object on before the rest of the file is parsed', async () => {
    const nodes = Array.from(
      { length: 3_000 },
      (_, i) => `<node id="${i + 1}" lat="44.8" lon="20.4"><tag k="shop" v="books"/></node>`,
    );
    // The end tag is missing: parsing everything first would fail before the first object.
    const bytes = new TextEncoder().encode(`<osm version="0.6">\n${nodes.join('\n')}\n<node id="0">`);
    const { first, count, failure } = await readUntilRefusal(readOsmXml, bytes);
    expect(first).toMatchObject({ position: 'node/1' });
    expect(count).toBe(3_000);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect((failure as ImportFileError).problem).toMatch(/^is not well-formed XML: unclosed tag/);
  });

  it('places a way by the last position given for each node, before or after the way', async () => {
    const way = `<way id="1"><nd ref="11"/><nd ref="12"/><tag k="highway" v="footway"/></way>`;
    const records = await read(
      osm(
        `<node id="11" lat="10" lon="10"/><node id="12" lat="44.82" lon="20.44"/>${way}` +
          `<node id="11" lat="44.80" lon="20.40"/><node id="13" action="delete" lat="1" lon="1"/>`,
      ),
    );
    expect(records.map((record) => record.geometry)).toEqual([
      { kind: 'point', lon: expect.closeTo(20.42, 9), lat: expect.closeTo(44.81, 9) },
    ]);
  });
});
