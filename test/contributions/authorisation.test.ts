import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/user.ts';
import type { Place } from '../../src/domain/places/place.ts';
import { createAdmin } from '../../src/usecases/accounts/manage-accounts.ts';
import { BACKENDS } from '../support/backends.ts';
import { FormClient } from '../support/browserless-client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Everyone a route can meet: no account, each role, and the owner of one place acting on another. */
const ACTORS = [
  'visitor',
  'contributor',
  'owner of another place',
  'owner',
  'trusted',
  'moderator',
  'admin',
] as const;
type ActorName = (typeof ACTORS)[number];
const from = (...allowed: ActorName[]) => new Set<ActorName>(allowed);
const MODERATORS = from('moderator', 'admin');
const EVERYONE = from(...ACTORS);
const SIGNED_IN = from('contributor', 'owner of another place', 'owner', 'trusted', 'moderator', 'admin');

describe.each(BACKENDS)('authorisation of every state-changing route on %s', (backend) => {
  let server: TestServer;
  const clients = new Map<ActorName, FormClient>();
  let owned: Place;
  let other: Place;

  async function signedIn(email: string, role: Role): Promise<FormClient> {
    const { user, path } = await createAdmin(server.ctx, email);
    await server.ctx.storage.users.update(user.id, { role });
    const client = new FormClient(server.url);
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    expect((await client.post('/en/account/login', { token }, `/en${path}`)).status).toBe(303);
    return client;
  }

  async function fresh(): Promise<Place> {
    const [template] = await server.ctx.storage.places.list({ limit: 1, statuses: ['active'] });
    if (!template) throw new Error('no place');
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...data } = template;
    return server.ctx.storage.places.insert({
      ...data,
      isDemo: false,
      names: { ru: `Место ${Math.random()}` },
    });
  }

  async function pendingSuggestion(): Promise<number> {
    const place = await fresh();
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...data } = place;
    const s = await server.ctx.storage.contributions.addSuggestion({
      kind: 'edit',
      placeId: place.id,
      baseVersion: place.version,
      data: { ...data, tags: ['x'] },
      comment: null,
      submitter: { userId: null, email: null, locale: 'en' },
      proofOfWork: false,
      status: 'pending',
      createdAt: new Date().toISOString(),
    });
    return s.id;
  }

  async function pendingClaim(): Promise<number> {
    const place = await fresh();
    const user = await server.ctx.storage.users.create({
      email: `c${Math.random()}@example.org`,
      emailVerified: true,
      passwordHash: null,
      displayName: null,
      role: 'contributor',
      telegramId: null,
      locale: 'en',
    });
    return (
      await server.ctx.storage.contributions.addClaim({
        placeId: place.id,
        userId: user.id,
        evidence: 'call the number on the door',
        createdAt: new Date().toISOString(),
      })
    ).id;
  }

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: 10 });
    owned = await fresh();
    other = await fresh();
    clients.set('visitor', new FormClient(server.url));
    clients.set('contributor', await signedIn('contributor@example.org', 'contributor'));
    for (const [name, place] of [
      ['owner', owned],
      ['owner of another place', other],
    ] as const) {
      const client = await signedIn(`${name.replace(/ /g, '-')}@example.org`, 'contributor');
      const user = await server.ctx.storage.users.byEmail(`${name.replace(/ /g, '-')}@example.org`);
      const claim = await server.ctx.storage.contributions.addClaim({
        placeId: place.id,
        userId: user?.user.id ?? 0,
        evidence: 'it is mine, really',
        createdAt: new Date().toISOString(),
      });
      await server.ctx.storage.contributions.reviewClaim(claim.id, {
        status: 'approved',
        reviewerId: 1,
        reason: null,
        at: new Date().toISOString(),
      });
      clients.set(name, client);
    }
    clients.set('trusted', await signedIn('trusted@example.org', 'trusted'));
    clients.set('moderator', await signedIn('moderator@example.org', 'moderator'));
    clients.set('admin', await signedIn('admin@example.org', 'admin'));
  });
  afterAll(() => server.close());

  const form = '/en/suggest';
  // Each route runs once per actor on a target made for that run, so one actor's allowed change never
  // decides what the next one meets. `allowed` is who may; everyone else must get 401 or 403.
  const routes: {
    name: string;
    allowed: Set<ActorName>;
    run: (c: FormClient) => Promise<{ status: number }>;
  }[] = [
    {
      name: 'suggest a place',
      allowed: EVERYONE,
      run: (c) =>
        c.post('/en/suggest', {
          name: `Новое ${Math.random()}`,
          category: 'cafe',
          lat: '44.81',
          lon: '20.46',
          not_duplicate: '1',
        }),
    },
    {
      name: 'report a place',
      allowed: EVERYONE,
      run: async (c) => c.post(`/en/p/${(await fresh()).id}/report`, { kind: 'moved' }, form),
    },
    {
      name: 'suggest an edit',
      allowed: EVERYONE,
      run: async (c) =>
        c.post(
          `/en/p/${(await fresh()).id}/edit`,
          { name: 'Другое имя', category: 'cafe', lat: '44.81', lon: '20.46' },
          form,
        ),
    },
    {
      name: 'claim a place',
      allowed: SIGNED_IN,
      run: async (c) =>
        c.post(`/en/p/${(await fresh()).id}/claim`, { evidence: 'the sign says my name' }, form),
    },
    {
      name: 'close their own place',
      allowed: from('owner', 'moderator', 'admin'),
      run: (c) => c.post(`/en/p/${owned.id}/status`, { status: 'closed' }, form),
    },
    {
      name: 'close a place they do not own',
      allowed: MODERATORS,
      run: async (c) => c.post(`/en/p/${(await fresh()).id}/status`, { status: 'closed' }, form),
    },
    {
      name: 'delete a place',
      allowed: MODERATORS,
      run: async (c) =>
        c.post(`/en/moderation/places/${(await fresh()).id}/status`, { status: 'deleted' }, form),
    },
    {
      name: 'revert a place',
      allowed: MODERATORS,
      run: (c) => c.post(`/en/p/${owned.id}/revert`, { version: '1' }, form),
    },
    {
      name: 'dismiss reports',
      allowed: MODERATORS,
      run: async (c) => c.post(`/en/moderation/places/${(await fresh()).id}/resolve`, {}, form),
    },
    {
      name: 'merge places',
      allowed: MODERATORS,
      run: async (c) =>
        c.post(
          `/en/moderation/places/${(await fresh()).id}/merge`,
          { into: String((await fresh()).id) },
          form,
        ),
    },
    {
      name: 'approve a suggestion',
      allowed: MODERATORS,
      run: async (c) => c.post(`/en/moderation/suggestions/${await pendingSuggestion()}/approve`, {}, form),
    },
    {
      name: 'reject a suggestion',
      allowed: MODERATORS,
      run: async (c) =>
        c.post(`/en/moderation/suggestions/${await pendingSuggestion()}/reject`, { reason: 'no' }, form),
    },
    {
      name: 'approve a claim',
      allowed: MODERATORS,
      run: async (c) => c.post(`/en/moderation/claims/${await pendingClaim()}/approve`, {}, form),
    },
    {
      name: 'reject a claim',
      allowed: MODERATORS,
      run: async (c) =>
        c.post(`/en/moderation/claims/${await pendingClaim()}/reject`, { reason: 'no' }, form),
    },
    {
      name: 'purge a place',
      allowed: from('admin'),
      run: async (c) =>
        c.post(`/en/moderation/places/${(await fresh()).id}/purge`, { reason: 'court order 12/2026' }, form),
    },
    {
      name: 'change a role',
      allowed: from('admin'),
      run: async (c) => {
        const user = await server.ctx.storage.users.create({
          email: `r${Math.random()}@example.org`,
          emailVerified: true,
          passwordHash: null,
          displayName: null,
          role: 'contributor',
          telegramId: null,
          locale: 'en',
        });
        return c.post(`/en/admin/users/${user.id}/role`, { role: 'trusted' }, form);
      },
    },
    {
      name: 'approve over the API',
      allowed: MODERATORS,
      run: async (c) => {
        const me = await (await c.request('/api/v1/me')).json();
        return c.request(`/api/v1/suggestions/${await pendingSuggestion()}/approve`, {
          json: {},
          headers: me.csrf_token ? { 'x-csrf-token': me.csrf_token } : {},
        });
      },
    },
    {
      name: 'read the moderation queue over the API',
      allowed: MODERATORS,
      run: (c) => c.request('/api/v1/moderation/queue'),
    },
    { name: 'read the audit log', allowed: from('admin'), run: (c) => c.get('/en/admin/audit') },
  ];

  for (const route of routes) {
    it(`${route.name}: ${[...route.allowed].join(', ')}`, async () => {
      const outcome: Record<string, number> = {};
      for (const actor of ACTORS) outcome[actor] = (await route.run(clients.get(actor) as FormClient)).status;
      const expected = Object.fromEntries(
        ACTORS.map((a) => [a, route.allowed.has(a) ? 'allowed' : 'refused']),
      );
      const seen = Object.fromEntries(
        ACTORS.map((a) => [
          a,
          [200, 201, 202, 303].includes(outcome[a] ?? 0)
            ? 'allowed'
            : [401, 403].includes(outcome[a] ?? 0)
              ? 'refused'
              : `status ${outcome[a]}`,
        ]),
      );
      expect(seen).toEqual(expected);
    });
  }

  it('an edit goes live only from the place’s owner, trusted people and moderators; others wait in the queue', async () => {
    const live: Record<string, boolean> = {};
    for (const actor of ACTORS) {
      const target = actor === 'owner' ? owned : await fresh();
      const name = `Имя от ${actor} ${Math.random()}`;
      await (clients.get(actor) as FormClient).post(
        `/en/p/${target.id}/edit`,
        { name, category: 'cafe', lat: '44.81', lon: '20.46' },
        form,
      );
      live[actor] = (await server.ctx.storage.places.get(target.id))?.names.en === name;
    }
    expect(live).toEqual({
      visitor: false,
      contributor: false,
      'owner of another place': false,
      owner: true,
      trusted: true,
      moderator: true,
      admin: true,
    });
  });
});
