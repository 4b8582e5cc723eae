import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError, UpstreamTileCache } from '../../src/http/basemap/upstream-cache.ts';
import { absoluteUrls, basemapApp } from './support.ts';

const HOST = 'kvartal.test:3000';
const tileBytes = (path: string) => Buffer.from(`upstream tile ${path}`);

/** Stands in for the upstream tile server; counts requests per path and misbehaves on chosen zooms. */
const requests = new Map<string, number>();
const userAgents: string[] = [];
let upstream: Server;
let upstreamOrigin: string;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const path = req.url ?? '';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    userAgents.push(req.headers['user-agent'] ?? '');
    const z = path.split('/')[1];
    if (z === '5') return void res.writeHead(500).end('upstream broke');
    if (z === '6') return void res.writeHead(404).end();
    if (z === '7')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>rate limited</h1>');
    if (z === '8') return; // never answers
    if (z === '9') {
      // Compressed in transit only: fetch decodes it, and it is stored and served plain.
      return void res
        .writeHead(200, { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' })
        .end(gzipSync(tileBytes(path)));
    }
    if (z === '10') {
      // Gzipped at rest, as many vector tile servers keep MVT: served on with content-encoding gzip.
      return void res
        .writeHead(200, { 'content-type': 'application/x-protobuf' })
        .end(gzipSync(tileBytes(path)));
    }
    // A little latency, so concurrent requests overlap.
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(tileBytes(path)),
      30,
    );
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

let cacheDir: string;
let app: FastifyInstance;
beforeEach(async () => {
  requests.clear();
  cacheDir = await mkdtemp(join(tmpdir(), 'kvartal-tile-cache-'));
  app = await basemapApp({
    mapTilesUpstream: `${upstreamOrigin}/{z}/{x}/{y}.mvt?key=secret`,
    tileCacheDir: cacheDir,
  });
  return async () => {
    await app.close();
    await rm(cacheDir, { recursive: true, force: true });
  };
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ url, headers: { host: HOST, ...headers } });

describe('tiles proxied from an upstream', () => {
  it('fetches a tile once, then serves it from the disk cache', async () => {
    const first = await get('/tiles/3/2/1.mvt');
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(tileBytes('/3/2/1.mvt?key=secret'))).toBe(true);
    expect(first.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(first.headers['cache-control']).toBe('public, max-age=86400');

    const second = await get('/tiles/3/2/1.mvt');
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers['cache-control']).toBe('public, max-age=86400');
    expect(requests.get('/3/2/1.mvt?key=secret')).toBe(1);
    expect(userAgents.at(-1)).toMatch(/^Kvartal tile proxy/);
  });

  it('stores the tile as <z>/<x>/<y>.<ext> and leaves no temporary files', async () => {
    await get('/tiles/3/2/1.mvt');
    expect(await readFile(join(cacheDir, '3', '2', '1.mvt'))).toEqual(tileBytes('/3/2/1.mvt?key=secret'));
    expect(await readdir(join(cacheDir, '3', '2'))).toEqual(['1.mvt']);
  });

  it('shares one upstream fetch between concurrent requests for the same tile', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => get('/tiles/4/3/2.mvt')));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(requests.get('/4/3/2.mvt?key=secret')).toBe(1);
  });

  it('answers 502 with a clear message when the upstream fails, and caches nothing', async () => {
    const res = await get('/tiles/5/1/1.mvt');
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ statusCode: 502, error: 'Bad Gateway' });
    expect(res.json().message).toMatch(/answered 500 for tile 5\/1\/1/);
    expect(res.json().message).not.toMatch(/secret|127\.0\.0\.1/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await readdir(cacheDir)).toEqual([]);
    // The next request tries again rather than remembering the failure.
    await get('/tiles/5/1/1.mvt');
    expect(requests.get('/5/1/1.mvt?key=secret')).toBe(2);
  });

  it('answers 502 when the upstream sends an error page with status 200', async () => {
    const res = await get('/tiles/7/1/1.mvt');
    expect(res.statusCode).toBe(502);
    expect(res.json().message).toMatch(/text\/html/);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('answers 204 when the upstream has no such tile', async () => {
    expect((await get('/tiles/6/1/1.mvt')).statusCode).toBe(204);
  });

  it('stores tiles plain when only the transfer was compressed', async () => {
    const res = await get('/tiles/9/1/1.mvt', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(tileBytes('/9/1/1.mvt?key=secret'))).toBe(true);
  });

  it('passes tiles gzipped at rest on with content-encoding gzip, from the cache too', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/tiles/10/1/1.mvt', { 'accept-encoding': 'gzip' });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    }
    expect(requests.get('/10/1/1.mvt?key=secret')).toBe(1);
  });

  it('validates z/x/y before asking the upstream', async () => {
    const res = await get('/tiles/2/4/0.mvt');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'x' });
    expect(requests.size).toBe(0);
  });

  it('keeps the upstream host out of the style', async () => {
    const style = (await get('/map/style.json')).json();
    expect(style.sources.basemap.tiles).toEqual([`http://${HOST}/tiles/{z}/{x}/{y}.mvt`]);
    for (const url of absoluteUrls(style)) expect(new URL(url.replace(/[{}]/g, '')).host).toBe(HOST);
  });
});

describe('upstream cache', () => {
  it('gives up after its timeout with an UpstreamError', async () => {
    const cache = new UpstreamTileCache({
      template: `${upstreamOrigin}/{z}/{x}/{y}.mvt`,
      cacheDir,
      timeoutMs: 200,
    });
    const attempt = cache.tile(8, 1, 1);
    await expect(attempt).rejects.toBeInstanceOf(UpstreamError);
    await expect(attempt).rejects.toThrow(/did not answer within 0.2 s/);
  });

  it('treats an image template as a raster source', () => {
    const cache = new UpstreamTileCache({ template: 'https://tiles.example/{z}/{x}/{y}.png', cacheDir });
    expect(cache.format).toMatchObject({ ext: 'png', kind: 'raster' });
  });

  it('refuses a template without {z}/{x}/{y} at start', () => {
    expect(() => new UpstreamTileCache({ template: 'https://tiles.example/tiles.mvt', cacheDir })).toThrow(
      /MAP_TILES_UPSTREAM must contain \{z\}/,
    );
    expect(() => new UpstreamTileCache({ template: 'file:///{z}/{x}/{y}.mvt', cacheDir })).toThrow(
      /http\(s\)/,
    );
  });
});
