import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

// Tuesday 24 November 2026, 12:00 in Belgrade (UTC+1).
const NOON_TUESDAY = new Date('2026-11-24T11:00:00Z');

type Feature = {
  id: number;
  geometry: { coordinates: [number, number] };
  properties: Record<string, unknown>;
};
type Collection = { type: string; features: Feature[]; next_cursor: string | null };

describe.each(BACKENDS)('places API on %s', (backend) => {
  let server: TestServer;
  const get = async (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });
  const json = async <T = Collection>(url: string): Promise<T> => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  beforeAll(async () => {
    server = await startTestServer({ backend, now: NOON_TUESDAY });
  });
  afterAll(async () => server.close());

  it('answers a GeoJSON FeatureCollection with the documented properties', async () => {
    const body = await json('/api/v1/places?limit=5');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(5);
    const props = body.features[0]?.properties ?? {};
    for (const key of ['id', 'name', 'category', 'city', 'languages', 'url', 'source_id'])
      expect(props).toHaveProperty(key);
    expect(typeof body.next_cursor).toBe('string');
  });

  it('pages with a cursor until every active place was seen once', async () => {
    const ids: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Collection = await json(`/api/v1/places?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.features.map((f) => f.id));
      cursor = page.next_cursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await server.ctx.storage.places.count({ statuses: ['active'] }));
  });

  it('filters by category, and a group stands for its categories', async () => {
    const cafes = await json('/api/v1/places?category=cafe&limit=200');
    expect(cafes.features.length).toBeGreaterThan(0);
    expect(cafes.features.every((f) => f.properties.category === 'cafe')).toBe(true);
    const food = await json('/api/v1/places?category=food-drink&limit=200');
    expect(food.features.length).toBeGreaterThan(cafes.features.length);
  });

  it('filters by city, neighbourhood and languages spoken', async () => {
    const body = await json('/api/v1/places?city=belgrade&neighbourhood=dorcol&languages=en&limit=200');
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      expect(f.properties.neighbourhood).toBe('dorcol');
      expect(f.properties.languages).toContain('en');
    }
  });

  it('keeps to the bounding box', async () => {
    const body = await json('/api/v1/places?bbox=20.45,44.81,20.48,44.83&limit=200');
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(20.45);
      expect(lon).toBeLessThanOrEqual(20.48);
      expect(lat).toBeGreaterThanOrEqual(44.81);
      expect(lat).toBeLessThanOrEqual(44.83);
    }
  });

  it('sorts nearest first when near is given', async () => {
    const body = await json('/api/v1/places?near=44.8226,20.4633&radius_m=2000&limit=30');
    const distances = body.features.map((f) => f.properties.distance_m as number);
    expect(distances.length).toBeGreaterThan(1);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(Math.max(...distances)).toBeLessThanOrEqual(2000);
  });

  it('tells open from closed in Belgrade time', async () => {
    const open = await json('/api/v1/places?open_now=true&limit=200');
    expect(open.features.length).toBeGreaterThan(0);
    expect(open.features.every((f) => f.properties.open_now === true)).toBe(true);
    const all = await json('/api/v1/places?limit=200');
    expect(all.features.some((f) => f.properties.open_now === false)).toBe(true);
  });

  it('gives names in the requested locale and Serbian Cyrillic from Latin', async () => {
    const body = await json('/api/v1/places?locale=sr-Cyrl&limit=50');
    const cyrillic = body.features.filter((f) => /[\u0400-\u04FF]/.test(String(f.properties.name)));
    expect(cyrillic.length).toBe(body.features.length);
    expect(body.features[0]?.properties.city_name).toMatch(/Београд|Нови Сад/);
  });

  it('finds a place by a word of its name', async () => {
    const body = await json('/api/v1/places?q=pekara&limit=50');
    expect(body.features.length).toBeGreaterThan(0);
  });

  it('returns one place by id and 404 for an unknown id', async () => {
    const first = (await json('/api/v1/places?limit=1')).features[0] as Feature;
    const one = await json<Feature>(`/api/v1/places/${first.id}?locale=en`);
    expect(one.id).toBe(first.id);
    const missing = await get('/api/v1/places/99999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/not found/);
  });

  it.each([
    ['bbox=1,2,3', 'bbox'],
    ['bbox=20,44,19,45', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['bbox=0,-91,1,1', 'bbox'],
    ['near=44.8', 'near'],
    ['near=95,20', 'near'],
    ['near=44.8,20.4&radius_m=-5', 'radius_m'],
    ['near=44.8,20.4&radius_m=1000000', 'radius_m'],
    ['radius_m=100', 'radius_m'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['category=spaceships', 'category'],
    ['city=paris', 'city'],
    ['neighbourhood=soho', 'neighbourhood'],
    ['city=novi-sad&neighbourhood=dorcol', 'neighbourhood'],
    ['languages=xx', 'languages'],
    ['locale=de', 'locale'],
    ['open_now=maybe', 'open_now'],
  ])('rejects %s with a 400 naming %s', async (query, field) => {
    const response = await get(`/api/v1/places?${query}`);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.field).toBe(field);
    expect(body.message).toContain(field);
  });

  it('serves a changed place at once, though answers are cached, and honours If-None-Match', async () => {
    const first = (await json('/api/v1/places?limit=1')).features[0] as Feature;
    const url = `/api/v1/places/${first.id}?locale=ru`;
    const before = await get(url);
    expect((await get(url, { 'if-none-match': String(before.headers.etag) })).statusCode).toBe(304);
    const place = await server.ctx.storage.places.get(first.id);
    if (!place) throw new Error('missing');
    await server.ctx.storage.places.update(first.id, {
      ...place,
      names: { ...place.names, ru: 'Новое имя' },
    });
    const after = await get(url);
    expect(after.json().properties.name).toBe('Новое имя');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await server.ctx.storage.places.update(first.id, place);
  });

  it('rejects a non-numeric place id with a 400', async () => {
    const response = await get('/api/v1/places/abc');
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('id');
  });

  it('clusters a viewport, and the clusters count every place inside it', async () => {
    const bbox = '20.2,44.7,20.7,44.9';
    const body = await json<{ features: Array<{ properties: Record<string, unknown> }> }>(
      `/api/v1/clusters?bbox=${bbox}&zoom=10`,
    );
    const total = body.features.reduce(
      (sum, f) => sum + (f.properties.cluster ? (f.properties.point_count as number) : 1),
      0,
    );
    const count = await server.ctx.storage.places.count({
      statuses: ['active'],
      bbox: { minLon: 20.2, minLat: 44.7, maxLon: 20.7, maxLat: 44.9 },
    });
    expect(body.features.some((f) => f.properties.cluster === true)).toBe(true);
    expect(total).toBe(count);
    const zoomedIn = await json<{ features: Array<{ properties: Record<string, unknown> }> }>(
      '/api/v1/clusters?bbox=20.455,44.815,20.47,44.825&zoom=18',
    );
    const single = zoomedIn.features.find((f) => !f.properties.cluster);
    expect(single?.properties.category).toBeTruthy();
    const place = await get(`/api/v1/places/${single?.properties.id}`);
    expect(place.json().properties.category).toBe(single?.properties.category);
  });

  it('clusters with the same filters as the list', async () => {
    const body = await json<{ features: Array<{ properties: Record<string, unknown> }> }>(
      '/api/v1/clusters?bbox=19,44,21,46&zoom=16&category=kindergarten',
    );
    const total = body.features.reduce(
      (sum, f) => sum + (f.properties.cluster ? (f.properties.point_count as number) : 1),
      0,
    );
    expect(total).toBe(
      await server.ctx.storage.places.count({ statuses: ['active'], categories: ['kindergarten'] }),
    );
  });

  it.each([
    ['zoom=10', 'bbox'],
    ['bbox=20,44,21,45&zoom=30', 'zoom'],
    ['bbox=20,44,21,45', 'zoom'],
  ])('rejects clusters?%s naming %s', async (query, field) => {
    const response = await get(`/api/v1/clusters?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe(field);
  });

  it('lists categories and cities with names in all five locales', async () => {
    const categories =
      await json<Array<{ slug: string; names: Record<string, string> }>>('/api/v1/categories');
    const hair = categories.find((c) => c.slug === 'hair-salon');
    expect(Object.keys(hair?.names ?? {})).toEqual(['ru', 'sr-Latn', 'sr-Cyrl', 'en', 'uk']);
    const cities =
      await json<Array<{ slug: string; neighbourhoods: Array<{ slug: string }> }>>('/api/v1/cities');
    expect(cities.map((c) => c.slug).sort()).toEqual(['belgrade', 'novi-sad']);
    expect(cities.find((c) => c.slug === 'belgrade')?.neighbourhoods.map((n) => n.slug)).toContain('dorcol');
  });

  it('describes itself in OpenAPI 3.1', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>('/api/v1/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/places',
        '/api/v1/places/{id}',
        '/api/v1/clusters',
        '/api/v1/categories',
        '/api/v1/cities',
      ]),
    );
  });

  it('sends ETag and Cache-Control, answers 304 to a matching If-None-Match, and compresses', async () => {
    const first = await get('/api/v1/places?limit=50');
    expect(first.headers['cache-control']).toMatch(/max-age/);
    const tag = String(first.headers.etag);
    expect(tag).toBeTruthy();
    const again = await get('/api/v1/places?limit=50', { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    const gzipped = await get('/api/v1/places?limit=50', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const brotli = await get('/api/v1/places?limit=50', { 'accept-encoding': 'br' });
    expect(brotli.headers['content-encoding']).toBe('br');
  });

  describe('adding a place', () => {
    const post = (body: unknown, token: string | null = ADMIN_TOKEN) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/places',
        payload: body as object,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const valid = {
      names: { ru: 'Пекарня Колобок' },
      category: 'bakery',
      lon: 20.478,
      lat: 44.798,
      hours: 'Mo-Sa 07:00-20:00',
      languages: ['ru', 'sr'],
    };

    it('derives the city and neighbourhood from the coordinates', async () => {
      const response = await post(valid);
      expect(response.statusCode, response.body).toBe(201);
      const feature = response.json() as Feature;
      expect(feature.properties.city).toBe('belgrade');
      expect(feature.properties.neighbourhood).toBe('vracar');
    });

    it('rejects invalid opening hours with a 400 naming the field and the problem, writing nothing', async () => {
      const before = await server.ctx.storage.places.count({});
      const response = await post({ ...valid, hours: 'Mo-Fx 25:00-99:00' });
      expect(response.statusCode).toBe(400);
      expect(response.json().field).toBe('hours');
      expect(response.json().message).toMatch(/opening_hours/);
      expect(await server.ctx.storage.places.count({})).toBe(before);
    });

    it.each([
      [{ ...valid, lat: 123 }, 'lon/lat'],
      [{ ...valid, category: 'food-drink' }, 'category'],
      [{ ...valid, languages: ['klingon'] }, 'languages'],
      [{ ...valid, contacts: { website: 'javascript:alert(1)' } }, 'contacts.website'],
      [{ ...valid, names: {} }, 'names'],
      [{ ...valid, lon: 2.35, lat: 48.85 }, 'lon/lat'],
      [{ names: { ru: 'x' }, lon: 20.4, lat: 44.8 }, 'category'],
    ])('rejects a bad place (%#) naming %s', async (body, field) => {
      const response = await post(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().field).toBe(field);
    });

    it('refuses without the operator token', async () => {
      expect((await post(valid, null)).statusCode).toBe(401);
      expect((await post(valid, 'wrong')).statusCode).toBe(401);
    });
  });
});
