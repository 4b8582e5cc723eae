import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StyleSpecification, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickLabelFont } from '../../src/http/basemap/glyphs.ts';
import { absoluteUrls, basemapApp, writePmtiles } from './support.ts';

const HOST = 'kvartal.test:3000';

async function styleOf(app: FastifyInstance, host = HOST): Promise<StyleSpecification> {
  const res = await app.inject({ url: '/map/style.json', headers: { host } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kvartal-style-'));
  await writePmtiles(join(dir, 'vector.pmtiles'), [{ z: 0, x: 0, y: 0, data: new Uint8Array([1]) }], {
    maxZoom: 14,
    bounds: [18.8, 42.2, 23.0, 46.2],
  });
  for (const font of ['Noto Sans Bold', 'Noto Sans Regular', 'Open Sans Italic']) {
    await mkdir(join(dir, 'fonts', font), { recursive: true });
    await writeFile(join(dir, 'fonts', font, '0-255.pbf'), Buffer.from(font));
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('style without a basemap', () => {
  it('is a plain background with no glyphs, sprite or sources', async () => {
    const app = await basemapApp();
    const style = await styleOf(app);
    expect(style.version).toBe(8);
    expect(style.metadata).toEqual({ 'kvartal:basemap': 'none' });
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(style.sources).toEqual({});
    expect(style.layers.map((l) => l.type)).toEqual(['background']);
    expect(absoluteUrls(style)).toEqual([]);
    expect(validateStyleMin(style)).toEqual([]);
    await app.close();
  });

  it('has no glyphs even when a glyph directory is configured', async () => {
    const app = await basemapApp({ mapGlyphsDir: join(dir, 'fonts') });
    expect(await styleOf(app)).not.toHaveProperty('glyphs');
    await app.close();
  });
});

describe('style with a vector basemap', () => {
  it('points every URL at the host the request was sent to', async () => {
    const app = await basemapApp({
      mapPmtiles: join(dir, 'vector.pmtiles'),
      mapGlyphsDir: join(dir, 'fonts'),
    });
    const style = await styleOf(app);
    const urls = absoluteUrls(style);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(new URL(url.replace(/[{}]/g, '')).host).toBe(HOST);
    expect(style.glyphs).toBe(`http://${HOST}/map/glyphs/{fontstack}/{range}.pbf`);
    expect(style.sources.basemap).toMatchObject({
      type: 'vector',
      tiles: [`http://${HOST}/tiles/{z}/{x}/{y}.mvt`],
      minzoom: 0,
      maxzoom: 14,
      bounds: [18.8, 42.2, 23, 46.2],
      attribution: '© OpenStreetMap contributors',
    });
    expect(validateStyleMin(style)).toEqual([]);
    await app.close();
  });

  it('labels streets and places with the regular Noto Sans from the glyph directory', async () => {
    const app = await basemapApp({
      mapPmtiles: join(dir, 'vector.pmtiles'),
      mapGlyphsDir: join(dir, 'fonts'),
    });
    const style = await styleOf(app);
    const symbols = style.layers.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(0);
    for (const layer of symbols) expect(layer.layout?.['text-font']).toEqual(['Noto Sans Regular']);
    expect(style.metadata).toMatchObject({ 'kvartal:labelFont': 'Noto Sans Regular' });
    await app.close();
  });

  it('draws no text layers and asks for no glyphs without a glyph directory', async () => {
    const app = await basemapApp({ mapPmtiles: join(dir, 'vector.pmtiles') });
    const style = await styleOf(app);
    expect(style).not.toHaveProperty('glyphs');
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    const sourceLayers = new Set(
      style.layers.map((l) => ('source-layer' in l ? l['source-layer'] : undefined)),
    );
    expect(sourceLayers).toEqual(
      new Set([undefined, 'earth', 'landcover', 'landuse', 'water', 'buildings', 'roads', 'boundaries']),
    );
    await app.close();
  });

  it('uses PUBLIC_URL instead of the Host header when it is set', async () => {
    const app = await basemapApp({
      mapPmtiles: join(dir, 'vector.pmtiles'),
      publicUrl: 'https://karta.example.rs/',
    });
    const style = await styleOf(app, 'internal:8080');
    for (const url of absoluteUrls(style)) expect(url.startsWith('https://karta.example.rs/')).toBe(true);
    await app.close();
  });

  it('refuses a Host header that is not a host name instead of writing it into the style', async () => {
    const app = await basemapApp({ mapPmtiles: join(dir, 'vector.pmtiles') });
    const res = await app.inject({ url: '/map/style.json', headers: { host: 'evil.example/"><x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'host' });
    await app.close();
  });
});

describe('label font choice', () => {
  it('prefers a regular Noto Sans, then any regular, then Noto Sans', () => {
    expect(pickLabelFont(['Noto Sans Bold', 'Open Sans Regular', 'Noto Sans Regular'])).toBe(
      'Noto Sans Regular',
    );
    expect(pickLabelFont(['Noto Sans Bold', 'Open Sans Regular'])).toBe('Open Sans Regular');
    expect(pickLabelFont(['Roboto Medium', 'Noto Sans Bold'])).toBe('Noto Sans Bold');
    expect(pickLabelFont([])).toBeUndefined();
  });
});
