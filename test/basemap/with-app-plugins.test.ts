import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { Compression } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basemapRoutes } from '../../src/http/basemap/routes.ts';
import { installErrorHandler } from '../../src/http/error-handler.ts';
import { writePmtiles } from './support.ts';

/** The plugin inside the same surroundings as src/http/app.ts gives it: TypeBox, compression, ETags. */
const plain = Buffer.from('tile bytes '.repeat(200));
const stored = gzipSync(plain);

let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kvartal-basemap-app-'));
  await writePmtiles(join(dir, 'gzip.pmtiles'), [{ z: 0, x: 0, y: 0, data: stored }], {
    tileCompression: Compression.Gzip,
  });
  const typed = Fastify({ trustProxy: true }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(typed);
  await typed.register(compress, { global: true, encodings: ['br', 'gzip'] });
  await typed.register(etag);
  await typed.register(basemapRoutes, {
    config: {
      mapPmtiles: join(dir, 'gzip.pmtiles'),
      mapTilesUpstream: null,
      tileCacheDir: join(dir, 'cache'),
      mapGlyphsDir: null,
      publicUrl: null,
    },
  });
  app = typed;
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('basemap routes beside the app-wide plugins', () => {
  it('sends gzip tiles compressed once, not again by @fastify/compress', async () => {
    const res = await app.inject({ url: '/tiles/0/0/0.mvt', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.equals(stored)).toBe(true);
    expect(gunzipSync(res.rawPayload).equals(plain)).toBe(true);
  });

  it('revalidates an unchanged tile with 304', async () => {
    const first = await app.inject({ url: '/tiles/0/0/0.mvt', headers: { 'accept-encoding': 'gzip' } });
    const etagValue = String(first.headers.etag);
    const again = await app.inject({
      url: '/tiles/0/0/0.mvt',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etagValue },
    });
    expect(again.statusCode).toBe(304);
  });

  it('builds the style for the host a reverse proxy forwarded', async () => {
    const res = await app.inject({
      url: '/map/style.json',
      headers: {
        host: '127.0.0.1:3000',
        'x-forwarded-host': 'karta.example.rs',
        'x-forwarded-proto': 'https',
      },
    });
    expect(res.json().sources.basemap.tiles).toEqual(['https://karta.example.rs/tiles/{z}/{x}/{y}.mvt']);
  });
});
