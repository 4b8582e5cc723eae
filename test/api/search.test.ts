import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlace } from '../../src/usecases/create-place.ts';
import type { PlaceInput } from '../../src/usecases/prepare-place.ts';
import { BACKENDS } from '../support/backends.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

type FixturePlace = PlaceInput & { key: string };
const FIXTURE: FixturePlace[] = JSON.parse(readFileSync('test/fixtures/search/places.json', 'utf8'));

type Feature = { id: number; properties: Record<string, unknown> };

describe.each(BACKENDS)('search on %s', (backend) => {
  let server: TestServer;
  const idOf = new Map<string, number>();
  const keyOf = new Map<number, string>();

  const search = async (
    q: string,
    extra = '',
  ): Promise<{ keys: string[]; body: Record<string, unknown> }> => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/v1/places?q=${encodeURIComponent(q)}&limit=5${extra}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { features: Feature[] };
    return { keys: body.features.map((f) => keyOf.get(f.id) ?? `#${f.id}`), body };
  };
  const expectTop5 = async (q: string, key: string) => {
    const { keys } = await search(q);
    expect(keys, `"${q}" should find ${key}`).toContain(key);
  };

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: false });
    for (const { key, ...input } of FIXTURE) {
      const place = await createPlace(server.ctx, input, 'fixture');
      idOf.set(key, place.id);
      keyOf.set(place.id, key);
    }
  }, 180_000);
  afterAll(async () => server.close());

  it.each([['Дорћол'], ['Dorćol'], ['Dorcol'], ['dorchol']])(
    'finds Bistro Dorćol by %s (Serbian scripts, diacritics optional)',
    async (q) => {
      await expectTop5(q, 'bistro-dorcol');
    },
  );

  it.each([
    ['cevapi', 'cevapi-kod-zike'],
    ['Ћевапи', 'cevapi-kod-zike'],
    ['sumadija', 'kafana-sumadija'],
  ])('finds a Serbian name without diacritics or in Cyrillic: %s', async (q, key) => {
    await expectTop5(q, key);
  });

  it.each([
    ['syrniki', 'syrniki-cafe'],
    ['sirniki', 'syrniki-cafe'],
    ['сырники', 'syrniki-cafe'],
    ['shchuka', 'shchuka-restaurant'],
    ['schuka', 'shchuka-restaurant'],
    ['ščuka', 'shchuka-restaurant'],
    ['khlebnaya', 'khlebnaya-lavka'],
    ['hlebnaya', 'khlebnaya-lavka'],
    ['hlebnaja', 'khlebnaya-lavka'],
    ['yula', 'yula-kids'],
    ['jula', 'yula-kids'],
    ['iula', 'yula-kids'],
    ['zhar ptica', 'zhar-ptitsa'],
    ['žar ptica', 'zhar-ptitsa'],
  ])('finds a Russian name by its romanisation %s', async (q, key) => {
    await expectTop5(q, key);
  });

  it.each([
    ['бистро дорчол', 'bistro-dorcol'],
    ['бистро дорћол', 'bistro-dorcol'],
  ])('finds a Latin name by a Cyrillic query: %s', async (q, key) => {
    await expectTop5(q, key);
  });

  it.each([
    ['пекарни', 'pekarnya-kolobok'],
    ['пекарню', 'pekarnya-kolobok'],
    ['frizerskom salonu', 'frizerski-salon-ljubica'],
  ])('finds the base form from an inflected query: %s', async (q, key) => {
    await expectTop5(q, key);
  });

  it.each([
    ['syrnikki', 'syrniki-cafe'],
    ['сырнеки', 'syrniki-cafe'],
    ['khlebnayya lavka', 'khlebnaya-lavka'],
    ['сыр', 'syrniki-cafe'],
  ])('tolerates a typo or an unfinished word: %s', async (q, key) => {
    await expectTop5(q, key);
  });

  it.each([['frizer'], ['парикмахерская'], ['перукарня'], ['hair salon'], ['стрижка']])(
    'finds hair salons by the category word %s',
    async (q) => {
      const response = await server.app.inject({ url: `/api/v1/places?q=${encodeURIComponent(q)}&limit=5` });
      const features = (response.json() as { features: Feature[] }).features;
      expect(features.length).toBeGreaterThan(0);
      expect(features.every((f) => f.properties.category === 'hair-salon')).toBe(true);
    },
  );

  it.each([['vrtić'], ['детский сад'], ['садик'], ['kindergarten']])(
    'finds kindergartens by %s',
    async (q) => {
      const response = await server.app.inject({ url: `/api/v1/places?q=${encodeURIComponent(q)}&limit=5` });
      const features = (response.json() as { features: Feature[] }).features;
      expect(features.length).toBe(5);
      expect(features.every((f) => f.properties.category === 'kindergarten')).toBe(true);
    },
  );

  it('finds a place by a phone number typed with or without spaces and +381', async () => {
    const phone = FIXTURE.find((p) => p.key === 'syrniki-cafe')?.contacts?.phone ?? '';
    const digits = phone.replace(/\D/g, '');
    for (const q of [phone, digits, `0${digits.slice(3)}`, phone.replace(/\s/g, '')])
      await expectTop5(q, 'syrniki-cafe');
  });

  it('ranks an exact name above places that share a word', async () => {
    const { keys } = await search('Сырники и кофе');
    expect(keys[0]).toBe('syrniki-cafe');
  });

  it('combines the text with filters and returns facet counts', async () => {
    const { body } = await search('кафе', '&city=belgrade&languages=en');
    const features = body.features as Feature[];
    for (const f of features) {
      expect(f.properties.city).toBe('belgrade');
      expect(f.properties.languages).toContain('en');
    }
    const facets = body.facets as { categories: Record<string, number>; languages: Record<string, number> };
    expect(facets.languages.en).toBeGreaterThanOrEqual(features.length);
    expect(Object.values(facets.categories).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
      features.length,
    );
  });

  it('sorts matches by distance when asked', async () => {
    const { body } = await search('кафе', '&near=44.8176,20.4569&radius_m=20000&sort=distance');
    const distances = (body.features as Feature[]).map((f) => f.properties.distance_m as number);
    expect(distances.length).toBeGreaterThan(1);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('never shows closed places', async () => {
    const id = idOf.get('syrniki-cafe') as number;
    const place = await server.ctx.storage.places.get(id);
    if (!place) throw new Error('fixture missing');
    await server.ctx.storage.places.update(id, { ...place, status: 'closed' });
    const { keys } = await search('Сырники и кофе');
    expect(keys).not.toContain('syrniki-cafe');
    await server.ctx.storage.places.update(id, place);
  });

  it.each([
    ['"'],
    ['*'],
    ['NEAR('],
    ['OR'],
    ['a OR b AND NOT c'],
    ['"unterminated'],
    ["'; DROP TABLE places; --"],
    ['\u0000\u0007\u001b[31m'],
    ['!!!???...'],
    ['{}[]()^$'],
    ['😀'],
    ['_c_cafe _t_belgrade'],
    ["kafa' | '_c_cafe':*"],
  ])('answers junk query %j sensibly, never with a server error', async (q) => {
    const response = await server.app.inject({ url: `/api/v1/places?q=${encodeURIComponent(q)}` });
    expect(response.statusCode).toBe(200);
    expect(Array.isArray(response.json().features)).toBe(true);
  });

  it('reads text shaped like a stored category or city token as its words, never as the token', async () => {
    const asTokens = await search('_c_cafe _t_belgrade');
    const asWords = await search('c cafe t belgrade');
    expect(asTokens.keys).toEqual(asWords.keys);
    // Through the tokens it would find every café in Belgrade.
    const cafes = await search('кафе', '&city=belgrade');
    expect(cafes.keys.length).toBeGreaterThan(1);
    expect(asTokens.keys).not.toEqual(cafes.keys);
  });

  it('rejects a 1,000-character query with a clear 400', async () => {
    const response = await server.app.inject({ url: `/api/v1/places?q=${'я'.repeat(1000)}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('q');
  });

  describe('suggest', () => {
    const suggest = async (q: string) => {
      const response = await server.app.inject({
        url: `/api/v1/suggest?q=${encodeURIComponent(q)}&locale=ru`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { items: Array<{ kind: string; label: string; highlight: number[][] }> })
        .items;
    };

    it('completes a prefix to places, with the matched part highlighted', async () => {
      const items = await suggest('сыр');
      const place = items.find((i) => i.kind === 'place' && i.label.startsWith('Сырники'));
      expect(place).toBeDefined();
      expect(place?.highlight[0]).toEqual([0, 'Сырники'.length]);
      expect(items.length).toBeLessThanOrEqual(10);
    });

    it('offers categories and neighbourhoods by any of their names', async () => {
      expect(
        (await suggest('frizer')).some((i) => i.kind === 'category' && i.label === 'Парикмахерская'),
      ).toBe(true);
      expect((await suggest('dorc')).some((i) => i.kind === 'neighbourhood')).toBe(true);
    });

    it('answers from its cache only until the data changes', async () => {
      const before = await suggest('zlatn');
      expect(before.some((i) => i.label === 'Zlatna Ribica')).toBe(false);
      const fixture = FIXTURE.find((p) => p.key === 'syrniki-cafe');
      if (!fixture) throw new Error('fixture missing');
      const { key: _key, ...input } = fixture;
      const place = await createPlace(
        server.ctx,
        { ...input, names: { 'sr-Latn': 'Zlatna Ribica' } },
        'fixture',
      );
      expect((await suggest('zlatn')).some((i) => i.label === 'Zlatna Ribica')).toBe(true);
      await server.ctx.storage.places.purge(place.id);
      expect((await suggest('zlatn')).some((i) => i.label === 'Zlatna Ribica')).toBe(false);
    });

    it.each([[''], ['"'], ['NEAR(']])(
      'answers %j with an empty list or matches, never an error',
      async (q) => {
        expect(Array.isArray(await suggest(q))).toBe(true);
      },
    );
  });
});
