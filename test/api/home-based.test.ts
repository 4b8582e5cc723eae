import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approximatePosition } from '../../src/domain/places/approximate-position.ts';
import { BACKENDS } from '../support/backends.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

// A tutor working from her flat in Dorćol: where she lives must never leave the server.
const EXACT = { lon: 20.4612345, lat: 44.8123456 };
const STREET = 'Tajna ulica 7, stan 12';
const LEAKS = ['20.46123', '44.81234', 'Tajna', 'stan 12'];

describe.each(BACKENDS)('home-based places on %s', (backend) => {
  let server: TestServer;
  let id = 0;
  let path = '';

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: 50 });
    const response = await fetch(`${server.url}/api/v1/places`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        names: { ru: 'Репетитор по сербскому Марина' },
        category: 'school',
        ...EXACT,
        address: STREET,
        contacts: { telegram: '@marina_srpski' },
        home_based: true,
      }),
    });
    expect(response.status).toBe(201);
    const feature = await response.json();
    id = feature.id;
    path = feature.properties.url;
  });
  afterAll(() => server.close());

  const text = async (url: string) => {
    const response = await fetch(`${server.url}${url}`);
    expect(response.status, url).toBe(200);
    return response.text();
  };

  it('publishes only the approximate position, on every endpoint and page', async () => {
    const shown = approximatePosition(EXACT.lon, EXACT.lat);
    const feature = JSON.parse(await text(`/api/v1/places/${id}`));
    expect(feature.geometry.coordinates).toEqual([shown.lon, shown.lat]);
    expect(feature.properties).toMatchObject({ home_based: true, address: null });

    const outputs = [
      `/api/v1/places/${id}`,
      '/api/v1/places?limit=200',
      `/api/v1/places?near=${EXACT.lat},${EXACT.lon}&limit=5`,
      '/api/v1/places?q=%D1%80%D0%B5%D0%BF%D0%B5%D1%82%D0%B8%D1%82%D0%BE%D1%80',
      `/api/v1/clusters?bbox=20.40,44.78,20.52,44.84&zoom=17`,
      '/api/v1/suggest?q=%D1%80%D0%B5%D0%BF%D0%B5%D1%82',
      '/api/v1/export.geojson',
      '/api/v1/export.csv',
      '/api/v1/export.kml',
      `/ru${path}`,
      `/en${path}`,
      '/ru/?q=%D1%80%D0%B5%D0%BF%D0%B5%D1%82%D0%B8%D1%82%D0%BE%D1%80',
    ];
    for (const url of outputs) {
      const body = await text(url);
      for (const leak of LEAKS) expect(body.includes(leak), `${url} contains "${leak}"`).toBe(false);
    }
    expect(await text(`/en${path}`)).toContain('Works from home');
  });

  it('cannot be found by its street address', async () => {
    const found = JSON.parse(await text('/api/v1/places?q=Tajna%20ulica'));
    expect(found.features.map((f: { id: number }) => f.id)).not.toContain(id);
  });

  it('keeps the exact location for owners and moderators, also across edits of the public view', async () => {
    const places = server.ctx.storage.places;
    expect(await places.exactLocation(id)).toEqual({ ...EXACT, address: STREET });
    const stored = await places.get(id);
    if (!stored) throw new Error('the place is gone');
    // An edit made on what the public sees (approximate position, no address) must not overwrite the truth.
    await places.update(id, { ...stored, tags: ['online lessons'] });
    expect(await places.exactLocation(id)).toEqual({ ...EXACT, address: STREET });
    // A new position is a move.
    await places.update(id, { ...stored, lon: 20.47, lat: 44.8 });
    expect(await places.exactLocation(id)).toMatchObject({ lon: 20.47, lat: 44.8, address: STREET });
    expect((await places.get(id))?.lon).toBe(approximatePosition(20.47, 44.8).lon);
  });
});

describe('the approximate position', () => {
  it('is the centre of a ~300 m cell: stable, within the cell, and a fixed point', () => {
    const shown = approximatePosition(EXACT.lon, EXACT.lat);
    expect(approximatePosition(shown.lon, shown.lat)).toEqual(shown);
    expect(approximatePosition(EXACT.lon + 0.0001, EXACT.lat + 0.0001)).toEqual(shown);
    expect(Math.abs(shown.lon - EXACT.lon)).toBeLessThanOrEqual(0.0038);
    expect(Math.abs(shown.lat - EXACT.lat)).toBeLessThanOrEqual(0.0027);
    expect(shown).not.toEqual(EXACT);
  });
});
