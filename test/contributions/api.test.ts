import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/usecases/accounts/manage-accounts.ts';
import { BACKENDS } from '../support/backends.ts';
import { FormClient } from '../support/browserless-client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const PLACE = { names: { ru: 'Пекарня' }, category: 'bakery', lon: 20.4569, lat: 44.8176 };

describe.each(BACKENDS)('contributions API on %s', (backend) => {
  let server: TestServer;
  let moderator: FormClient;
  let csrf = '';

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: 10 });
    const { path } = await createAdmin(server.ctx, 'api-admin@kvartal.test');
    moderator = new FormClient(server.url);
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    expect((await moderator.post('/en/account/login', { token }, `/en${path}`)).status).toBe(303);
    const me = await (await moderator.request('/api/v1/me')).json();
    expect(me.user.role).toBe('admin');
    csrf = me.csrf_token;
  });
  afterAll(() => server.close());

  it('takes a visitor’s suggestion into the queue, and a moderator approves it with the session’s CSRF token', async () => {
    const visitor = new FormClient(server.url);
    const sent = await visitor.request('/api/v1/suggestions', {
      json: { place: { ...PLACE, names: { 'sr-Latn': 'Pekara Zlatno zrno' } }, email: 'milan@example.org' },
    });
    expect(sent.status).toBe(202);
    const { id, status, place_id } = await sent.json();
    expect([status, place_id]).toEqual(['pending', null]);

    expect((await visitor.request('/api/v1/moderation/queue')).status).toBe(403);
    const queue = await (await moderator.request('/api/v1/moderation/queue')).json();
    const item = queue.suggestions.find((s: { id: number }) => s.id === id);
    expect(item.changes.map((c: { field: string }) => c.field)).toContain('names');

    const forged = await moderator.request(`/api/v1/suggestions/${id}/approve`, { json: {} });
    expect(forged.status).toBe(403);
    const approved = await moderator.request(`/api/v1/suggestions/${id}/approve`, {
      json: {},
      headers: { 'x-csrf-token': csrf },
    });
    expect(approved.status).toBe(200);
    const body = await approved.json();
    expect((await fetch(`${server.url}/api/v1/places/${body.place_id}`)).status).toBe(200);
    const again = await moderator.request(`/api/v1/suggestions/${id}/approve`, {
      json: {},
      headers: { 'x-csrf-token': csrf },
    });
    expect(again.status).toBe(409);
  });

  it('publishes at once from a moderator, and a place’s history over the API hides a home-based position', async () => {
    const exact = { lon: 20.4612345, lat: 44.8123456 };
    const sent = await moderator.request('/api/v1/suggestions', {
      json: {
        place: {
          ...PLACE,
          ...exact,
          names: { ru: 'Репетитор Ольга' },
          category: 'school',
          address: 'Секретная 5',
          home_based: true,
        },
      },
      headers: { 'x-csrf-token': csrf },
    });
    expect(sent.status).toBe(201);
    const { place_id } = await sent.json();
    const history = await (await fetch(`${server.url}/api/v1/places/${place_id}/history`)).text();
    expect(history).toContain('Репетитор Ольга');
    for (const leak of ['20.46123', '44.81234', 'Секретная']) expect(history).not.toContain(leak);
    const own = await (await moderator.request(`/api/v1/places/${place_id}/history`)).text();
    expect(own).toContain('Секретная');
  });

  it('reports a place, refusing an unknown kind by name', async () => {
    const [place] = await server.ctx.storage.places.list({ limit: 1, statuses: ['active'] });
    const visitor = new FormClient(server.url);
    const bad = await visitor.request(`/api/v1/places/${place?.id}/reports`, { json: { kind: 'boring' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('kind');
    const ok = await visitor.request(`/api/v1/places/${place?.id}/reports`, {
      json: { kind: 'moved', message: 'Now on Vračar' },
    });
    expect(ok.status).toBe(201);
    const queue = await (await moderator.request('/api/v1/moderation/queue')).json();
    expect(queue.reports).toContainEqual({ place_id: place?.id, count: 1, by_kind: { moved: 1 } });
  });

  it('refuses a solved-looking but forged proof of work and a filled honeypot', async () => {
    const visitor = new FormClient(server.url);
    const forged = await visitor.request('/api/v1/suggestions', {
      json: { place: PLACE, altcha: 'eyJub3QiOiJyZWFsIn0=' },
    });
    expect(forged.status).toBe(400);
    expect((await forged.json()).field).toBe('altcha');
    const bot = await visitor.request('/api/v1/suggestions', {
      json: { place: PLACE, homepage: 'http://spam.example' },
    });
    expect(bot.status).toBe(400);
    expect((await bot.json()).field).toBe('homepage');
  });
});

describe('session cookies behind HTTPS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, config: { publicUrl: 'https://kvartal.example' } });
  });
  afterAll(() => server.close());

  it('are HttpOnly, SameSite=Lax and Secure', async () => {
    const { path } = await createAdmin(server.ctx, 'secure@kvartal.test');
    const client = new FormClient(server.url);
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    const form = await client.request(`/en${path}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const visitorCookie = form.headers.get('set-cookie') ?? '';
    expect(visitorCookie).toMatch(/kvartal_csrf=.*HttpOnly.*Secure.*SameSite=Lax/i);
    const signedIn = await fetch(`${server.url}/en/account/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: visitorCookie.split(';')[0] ?? '',
      },
      body: new URLSearchParams({ _csrf: csrf, token }).toString(),
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('set-cookie')).toMatch(
      /kvartal_session=[^;]+;.*HttpOnly.*Secure.*SameSite=Lax/i,
    );
  });
});
