import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FastifyInstance } from 'fastify';
import { Compression, TileType } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileSource } from '../../src/http/basemap/pmtiles-source.ts';
import { absoluteUrls, basemapApp, writePmtiles } from './support.ts';

const HOST = 'kvartal.test';
const z0 = Buffer.from('tile z0: the whole world');
const z1 = Buffer.from('tile 1/1/0');
/** Larger than the 16 KiB the library reads first, so it must come from a later ranged read. */
const far = Buffer.alloc(40_000, 7);

let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kvartal-pmtiles-'));
  await writePmtiles(join(dir, 'vector.pmtiles'), [
    { z: 0, x: 0, y: 0, data: z0 },
    { z: 1, x: 0, y: 0, data: far },
    { z: 1, x: 1, y: 0, data: z1 },
  ]);
  app = await basemapApp({ mapPmtiles: join(dir, 'vector.pmtiles') });
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ url, headers: { host: HOST, ...headers } });

describe('tiles from a local PMTiles archive', () => {
  it('serves a tile with exactly the bytes stored in the archive', async () => {
    const res = await get('/tiles/0/0/0.mvt');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(z0)).toBe(true);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect((await get('/tiles/1/1/0.mvt')).rawPayload.equals(z1)).toBe(true);
  });

  it('reads tiles that lie beyond the first ranged read of the file', async () => {
    const res = await get('/tiles/1/0/0.mvt');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(far)).toBe(true);
  });

  it('answers 204 for a tile the archive does not hold, and for zooms outside it', async () => {
    expect((await get('/tiles/1/0/1.mvt')).statusCode).toBe(204);
    expect((await get('/tiles/5/3/3.mvt')).statusCode).toBe(204);
  });

  it.each([
    ['/tiles/23/0/0.mvt', 'z'],
    ['/tiles/-1/0/0.mvt', 'z'],
    ['/tiles/1.5/0/0.mvt', 'z'],
    ['/tiles/abc/0/0.mvt', 'z'],
    ['/tiles/1/2/0.mvt', 'x'],
    ['/tiles/0/0/1.mvt', 'y'],
    ['/tiles/3/0/8.mvt', 'y'],
    ['/tiles/3/0/1e1.mvt', 'y'],
  ])('rejects %s with a 400 naming %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', field });
    expect(res.json().message).toMatch(new RegExp(`^${field} must be an integer`));
  });

  it('does not serve an extension the archive does not hold', async () => {
    expect((await get('/tiles/0/0/0.png')).statusCode).toBe(404);
  });

  it('describes the archive in the style as a vector source on the request host', async () => {
    const style = (await get('/map/style.json')).json();
    expect(style.sources.basemap).toMatchObject({
      type: 'vector',
      tiles: [`http://${HOST}/tiles/{z}/{x}/{y}.mvt`],
      minzoom: 0,
      maxzoom: 1,
    });
    expect(style.metadata).toMatchObject({ 'kvartal:basemap': 'pmtiles', 'kvartal:tiles': 'vector' });
    for (const url of absoluteUrls(style)) expect(url.startsWith(`http://${HOST}/`)).toBe(true);
  });
});

describe('gzip-compressed archives', () => {
  const plain = Buffer.from('a vector tile, gzipped at rest as Protomaps builds are');
  const stored = gzipSync(plain);
  let gzApp: FastifyInstance;
  beforeAll(async () => {
    await writePmtiles(join(dir, 'gzip.pmtiles'), [{ z: 0, x: 0, y: 0, data: stored }], {
      tileCompression: Compression.Gzip,
    });
    gzApp = await basemapApp({ mapPmtiles: join(dir, 'gzip.pmtiles') });
  });
  afterAll(() => gzApp.close());

  it('passes the stored gzip bytes through with content-encoding: gzip', async () => {
    const res = await gzApp.inject({
      url: '/tiles/0/0/0.mvt',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.equals(stored)).toBe(true);
  });

  it('decodes on the server for a client that does not accept gzip', async () => {
    const res = await gzApp.inject({ url: '/tiles/0/0/0.mvt', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(plain)).toBe(true);
  });
});

describe('raster archives', () => {
  it('become a raster source and layer with image tiles', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await writePmtiles(join(dir, 'raster.pmtiles'), [{ z: 0, x: 0, y: 0, data: png }], {
      tileType: TileType.Png,
    });
    const raster = await basemapApp({ mapPmtiles: join(dir, 'raster.pmtiles') });
    const style = (await raster.inject({ url: '/map/style.json', headers: { host: HOST } })).json();
    expect(style.sources.basemap).toMatchObject({
      type: 'raster',
      tiles: [`http://${HOST}/tiles/{z}/{x}/{y}.png`],
    });
    expect(style.layers.map((l: { type: string }) => l.type)).toEqual(['background', 'raster']);
    expect(validateStyleMin(style)).toEqual([]);
    const tile = await raster.inject('/tiles/0/0/0.png');
    expect(tile.headers['content-type']).toBe('image/png');
    expect(tile.rawPayload.equals(png)).toBe(true);
    expect((await raster.inject('/tiles/0/0/0.mvt')).statusCode).toBe(404);
    await raster.close();
  });
});

describe('startup checks', () => {
  it('fails loudly, naming MAP_PMTILES, when the file is not an archive', async () => {
    await writeFile(join(dir, 'not.pmtiles'), 'hello');
    await expect(basemapApp({ mapPmtiles: join(dir, 'not.pmtiles') })).rejects.toThrow(
      /MAP_PMTILES=.*not.pmtiles/,
    );
    await expect(basemapApp({ mapPmtiles: join(dir, 'missing.pmtiles') })).rejects.toThrow(/MAP_PMTILES/);
  });

  it('reads exactly the asked byte range, and what there is past the end of the file', async () => {
    await writeFile(join(dir, 'bytes.bin'), Buffer.from('0123456789'));
    const source = new LocalFileSource(join(dir, 'bytes.bin'));
    expect(Buffer.from((await source.getBytes(3, 4)).data).toString()).toBe('3456');
    expect(Buffer.from((await source.getBytes(8, 100)).data).toString()).toBe('89');
    await source.close();
  });
});

describe('no basemap configured', () => {
  it('answers 404 for tiles', async () => {
    const none = await basemapApp();
    expect((await none.inject('/tiles/0/0/0.mvt')).statusCode).toBe(404);
    await none.close();
  });
});
