import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basemapApp } from './support.ts';

let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  // <dir>/fonts holds the glyphs; a secret sits beside it, where a traversal would reach.
  dir = await mkdtemp(join(tmpdir(), 'kvartal-glyphs-'));
  await mkdir(join(dir, 'fonts', 'Noto Sans Regular'), { recursive: true });
  await writeFile(join(dir, 'fonts', 'Noto Sans Regular', '0-255.pbf'), 'glyphs 0-255');
  await writeFile(join(dir, 'fonts', 'Noto Sans Regular', 'secret.pbf'), 'SECRET CONTENT');
  await writeFile(join(dir, 'secret.pbf'), 'SECRET CONTENT');
  await mkdir(join(dir, 'other'));
  await writeFile(join(dir, 'other', '0-255.pbf'), 'SECRET CONTENT');
  app = await basemapApp({ mapGlyphsDir: join(dir, 'fonts') });
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('glyphs', () => {
  it('serves a glyph range of a font in MAP_GLYPHS_DIR', async () => {
    const res = await app.inject('/map/glyphs/Noto%20Sans%20Regular/0-255.pbf');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('glyphs 0-255');
    expect(res.headers['content-type']).toBe('application/x-protobuf');
  });

  it('answers 404 for a range the font does not have', async () => {
    expect((await app.inject('/map/glyphs/Noto%20Sans%20Regular/256-511.pbf')).statusCode).toBe(404);
  });

  it.each([
    '/map/glyphs/..%2Fother/0-255.pbf',
    '/map/glyphs/..%2F..%2Fother/0-255.pbf',
    '/map/glyphs/..%2Fsecret/0-255.pbf',
    '/map/glyphs/../other/0-255.pbf',
    '/map/glyphs/%2E%2E/secret.pbf',
    '/map/glyphs/Noto%20Sans%20Regular/..%2F..%2Fsecret.pbf',
    '/map/glyphs/Noto%20Sans%20Regular/secret.pbf',
    '/map/glyphs/Noto%20Sans%20Regular%2F..%2F..%2Fother/0-255.pbf',
    '/map/glyphs/Noto%20Sans%20Regular/0-255%00.pbf',
    '/map/glyphs/Noto%20Sans%20Regular,Other/0-255.pbf',
  ])('refuses %s with 404', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/SECRET CONTENT/);
  });

  it('answers 404 when no glyph directory is configured', async () => {
    const none = await basemapApp();
    expect((await none.inject('/map/glyphs/Noto%20Sans%20Regular/0-255.pbf')).statusCode).toBe(404);
    await none.close();
  });

  it('fails at start when MAP_GLYPHS_DIR has no font folders', async () => {
    await expect(basemapApp({ mapGlyphsDir: join(dir, 'other') })).rejects.toThrow(
      /MAP_GLYPHS_DIR=.*no font folders/,
    );
  });
});
