import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/imports');

describe.each(BACKENDS)('POST /api/v1/imports on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend, demo: false });
  });
  afterAll(() => server.close());

  const post = (query: string, body: Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/imports?${query}`, {
      method: 'POST',
      body: new Blob([new Uint8Array(body)]),
      headers: {
        'content-type': 'application/octet-stream',
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...headers,
      },
    });
  const kml = readFileSync(join(FIXTURES, 'little-russia.kml'));

  it('needs the operator token', async () => {
    const response = await post('file_name=little-russia.kml&dry_run=true', kml, {
      authorization: 'Bearer nope',
    });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toMatch(/operator token/);
  });

  it('previews a My Maps export without writing, then imports it with a category map', async () => {
    const preview = await post('file_name=little-russia.kml&dry_run=true', kml);
    expect(preview.status).toBe(200);
    const report = await preview.json();
    expect(report).toMatchObject({ format: 'kml', dryRun: true, written: false });
    expect(report.counts.skipped).toBe(3);
    const layers = Object.fromEntries(
      report.layers.map((l: { name: string; categories: Record<string, number> }) => [l.name, l.categories]),
    );
    expect(layers['Детские сады']).toEqual({ kindergarten: expect.any(Number) });
    expect(layers['Кафе и рестораны']).toHaveProperty('cafe');
    const places = await (await fetch(`${server.url}/api/v1/places?limit=200`)).json();
    expect(places.features).toHaveLength(0);

    const map = encodeURIComponent(JSON.stringify({ Разное: 'skip' }));
    const real = await post(`file_name=little-russia.kml&category_map=${map}&partial=true`, kml);
    const done = await real.json();
    expect(done.written).toBe(true);
    expect(done.counts.new).toBeGreaterThan(10);
    const after = await (await fetch(`${server.url}/api/v1/places?limit=200`)).json();
    expect(after.features).toHaveLength(done.counts.new);
  });

  it('streams progress lines and the report as NDJSON', async () => {
    const response = await post('file_name=little-russia.kml&dry_run=true', kml, {
      accept: 'application/x-ndjson',
    });
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.some((l) => l.progress?.records > 0)).toBe(true);
    expect(lines.at(-1)).toHaveProperty('report.counts');
  });

  it('streams the progress of a file large enough to be mapped in a worker thread, and its problems as 400s', async () => {
    const features = Array.from({ length: 5_000 }, (_, i) => ({
      type: 'Feature',
      id: `node/${i + 1}`,
      geometry: {
        type: 'Point',
        coordinates: [20.4 + (i % 70) * 0.0013, 44.78 + Math.floor(i / 70) * 0.0007],
      },
      properties: { name: `Пекарня ${i + 1}`, shop: 'bakery', description: 'Хлеб и выпечка каждый день.' },
    }));
    const geojson = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    expect(geojson.byteLength).toBeGreaterThan(1024 * 1024);
    const response = await post('file_name=bakeries.geojson&dry_run=true', geojson, {
      accept: 'application/x-ndjson',
    });
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.progress).map((l) => l.progress.records)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i + 1) * 500),
    );
    expect(lines.at(-1)).toMatchObject({ report: { counts: { records: 5_000, new: 5_000 } } });

    const cut = geojson.subarray(0, geojson.byteLength - 100);
    const broken = await post('file_name=bakeries.geojson', cut);
    expect(broken.status).toBe(400);
    expect((await broken.json()).message).toMatch(/JSON/);
  });

  it('answers a hostile or malformed file with a 400 naming where, and writes nothing', async () => {
    const bomb = new TextEncoder().encode(
      '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaa">]><kml><Document>&a;</Document></kml>',
    );
    const response = await post('file_name=evil.kml', bomb);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/DOCTYPE|entit/i) });
    const wrongMap = await post('file_name=little-russia.kml&category_map=%7Bnope', kml);
    expect(wrongMap.status).toBe(400);
    expect((await wrongMap.json()).field).toBe('category_map');
    const streamed = await post('file_name=evil.kml', bomb, { accept: 'application/x-ndjson' });
    const last = JSON.parse((await streamed.text()).trim().split('\n').at(-1) as string);
    expect(last.error.message).toMatch(/DOCTYPE|entit/i);
  });
});
