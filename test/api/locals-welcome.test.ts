import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

// Two cafés side by side in Dorćol: one says locals are welcome (and when it opened), one says nothing.
const WELCOMING = {
  names: { ru: 'Кафе «Мост»', 'sr-Latn': 'Kafe Most' },
  category: 'cafe',
  lon: 20.4611,
  lat: 44.8199,
  languages: ['ru', 'sr'],
  locals_welcome: true,
  opened: '2023-04',
};
const OTHER = { names: { ru: 'Кафе «Остров»' }, category: 'cafe', lon: 20.4613, lat: 44.8201 };

describe.each(BACKENDS)('"locals welcome" and the opening date on %s', (backend) => {
  let server: TestServer;
  let welcoming = 0;
  let other = 0;
  let path = '';

  const post = (body: unknown) =>
    fetch(`${server.url}/api/v1/places`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(body),
    });
  const json = async (url: string) => {
    const response = await fetch(`${server.url}${url}`);
    expect(response.status, url).toBe(200);
    return response.json();
  };
  const ids = (collection: { features: { id: number }[] }) => collection.features.map((f) => f.id);

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: 60 });
    const created = await post(WELCOMING);
    expect(created.status).toBe(201);
    const feature = await created.json();
    welcoming = feature.id;
    path = feature.properties.url;
    expect(feature.properties).toMatchObject({ locals_welcome: true, opened: '2023-04' });
    const plain = await post(OTHER);
    expect(plain.status).toBe(201);
    const plainFeature = await plain.json();
    other = plainFeature.id;
    expect(plainFeature.properties.locals_welcome).toBeUndefined();
  });
  afterAll(() => server.close());

  it('filters the list, the text search and the map clusters', async () => {
    const all = await json('/api/v1/places?limit=200');
    const flagged = all.features.filter(
      (f: { properties: { locals_welcome?: boolean } }) => f.properties.locals_welcome,
    );
    expect(flagged.length).toBeGreaterThan(1); // the demo data has some too
    expect(flagged.length).toBeLessThan(all.features.length);

    const list = await json('/api/v1/places?locals_welcome=true&limit=200');
    expect(ids(list).sort()).toEqual(flagged.map((f: { id: number }) => f.id).sort());
    expect(ids(list)).toContain(welcoming);
    expect(ids(list)).not.toContain(other);

    const searched = await json(
      `/api/v1/places?q=${encodeURIComponent('кафе')}&locals_welcome=true&limit=200`,
    );
    expect(ids(searched)).toContain(welcoming);
    expect(ids(searched)).not.toContain(other);

    const bbox = '20.4600,44.8190,20.4625,44.8210';
    const clusters = await json(`/api/v1/clusters?bbox=${bbox}&zoom=18&locals_welcome=true`);
    const single = clusters.features.map((f: { properties: { id?: number } }) => f.properties.id);
    expect(single).toContain(welcoming);
    expect(single).not.toContain(other);
    const unfiltered = await json(`/api/v1/clusters?bbox=${bbox}&zoom=18`);
    expect(unfiltered.features.map((f: { properties: { id?: number } }) => f.properties.id)).toContain(other);
  });

  it('refuses a bad flag or opening date with a 400 naming the field, and stores nothing', async () => {
    const flag = await fetch(`${server.url}/api/v1/places?locals_welcome=maybe`);
    expect(flag.status).toBe(400);
    expect((await flag.json()).message).toMatch(/locals_welcome/);
    const before = (await json('/api/v1/places?limit=200')).features.length;
    for (const opened of ['2023-13', '2023-02-30', 'April 2023', '2999-01']) {
      const response = await post({ ...OTHER, names: { ru: `Кафе ${opened}` }, opened });
      expect(response.status, opened).toBe(400);
      expect((await response.json()).message, opened).toMatch(/^opened/);
    }
    expect((await json('/api/v1/places?limit=200')).features.length).toBe(before);
  });

  it('shows the badge and the opening month on the place page, in each locale', async () => {
    const en = await (await fetch(`${server.url}/en${path}`)).text();
    expect(en).toContain('<span class="welcome">Locals welcome</span>');
    expect(en).toContain('Opened: April 2023');
    const ru = await (await fetch(`${server.url}/ru${path}`)).text();
    expect(ru).toContain('Рады местным');
    expect(ru).toContain('Открылось: апрель 2023');
    const sr = await (await fetch(`${server.url}/sr-Cyrl${path}`)).text();
    expect(sr).toContain('Добродошли мештани');
  });

  it('filters the server-rendered list and keeps the switch on', async () => {
    const page = await (await fetch(`${server.url}/en/?locals_welcome=true`)).text();
    expect(page).toMatch(/name="locals_welcome" value="true" checked/);
    const listed = [...page.matchAll(/<li class="card" data-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toContain(welcoming);
    expect(listed).not.toContain(other);
    const flagged = ids(await json('/api/v1/places?locals_welcome=true&limit=200'));
    for (const id of listed) expect(flagged).toContain(id);
  });
});
