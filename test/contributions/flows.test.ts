import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/user.ts';
import { pickText } from '../../src/domain/locales.ts';
import { createMailer } from '../../src/gateways/mailer.ts';
import { mailNotifier } from '../../src/notifications/mail-notifier.ts';
import { createAdmin } from '../../src/usecases/accounts/manage-accounts.ts';
import { hashSecret } from '../../src/usecases/accounts/secrets.ts';
import { sendModerationDigest } from '../../src/usecases/contributions/moderation-digest.ts';
import { BACKENDS } from '../support/backends.ts';
import { FormClient } from '../support/browserless-client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { linkIn, type MailCatcher, startMailCatcher } from '../support/smtp.ts';

const SITE = 'http://kvartal.test';
const PLACE_FORM = {
  name: 'Пекарня Колач',
  category: 'bakery',
  lat: '44.8176',
  lon: '20.4569',
  address: 'Cara Dušana 10',
  hours: 'Mo-Sa 07:00-20:00',
  'contacts.phone': '+381 64 111 2233',
  languages: ['ru', 'sr'],
  description: 'Свежий хлеб каждое утро.',
};

describe.each(BACKENDS)('contributions on %s', (backend) => {
  let server: TestServer;
  let mail: MailCatcher;
  let admin: FormClient;

  /** A signed-in client with this role, made through the real sign-up, verification and role change. */
  async function member(email: string, role: Role): Promise<FormClient> {
    const client = new FormClient(server.url);
    const signUp = await client.post('/en/account/sign-up', { email, password: 'correct horse battery' });
    expect(signUp.status).toBe(200);
    const link = linkIn(await mail.next(email), SITE).replace(SITE, '');
    const token = new URL(link, SITE).searchParams.get('token') ?? '';
    const verified = await client.post('/en/account/verify', { token }, link);
    expect(verified.status).toBe(303);
    expect(client.hasSession()).toBe(true);
    if (role !== 'contributor') {
      const user = await server.ctx.storage.users.byEmail(email);
      const changed = await admin.post(`/en/admin/users/${user?.user.id}/role`, { role }, '/en/admin/users');
      expect(changed.status).toBe(303);
    }
    return client;
  }

  const apiPlace = async (id: number) => fetch(`${server.url}/api/v1/places/${id}`).then((r) => r.status);
  const realPlaces = () => server.ctx.storage.places.count({ demo: false });

  beforeAll(async () => {
    mail = await startMailCatcher();
    const notifier = mailNotifier(
      createMailer(mail.url, 'Kvartal <kvartal@test>', () => {}),
      SITE,
    );
    server = await startTestServer({ backend, demo: 20, notifier });
    const { path } = await createAdmin(server.ctx, 'admin@kvartal.test');
    admin = new FormClient(server.url);
    const token = new URL(path, SITE).searchParams.get('token') ?? '';
    expect((await admin.post('/en/account/login', { token }, `/en${path}`)).status).toBe(303);
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  it('queues an anonymous suggestion until a moderator approves it, then tells the sender', async () => {
    const visitor = new FormClient(server.url);
    const before = await realPlaces();
    const sent = await visitor.post('/ru/suggest', {
      ...PLACE_FORM,
      email: 'anna@example.org',
      comment: 'Открылись в мае',
    });
    expect(sent.status).toBe(200);
    expect(await realPlaces()).toBe(before);

    const queue = await admin.get('/en/moderation');
    expect(queue.text).toContain('Пекарня Колач');
    expect(queue.text).toContain('Открылись в мае');
    const id = /moderation\/suggestions\/(\d+)\/approve/.exec(queue.text)?.[1];
    const approved = await admin.post(`/en/moderation/suggestions/${id}/approve`, {}, '/en/moderation');
    expect(approved.status).toBe(303);
    expect(await realPlaces()).toBe(before + 1);

    const told = await mail.next('anna@example.org');
    expect(told.subject).toContain('Пекарня Колач');
    const placeUrl = linkIn(told, SITE).replace(SITE, '');
    expect((await visitor.get(placeUrl)).status).toBe(200);
    // The address was left for this message only: it is not kept once sent.
    expect((await server.ctx.storage.contributions.suggestion(Number(id)))?.submitter.email).toBeNull();
  });

  it('tells a visitor who reported a place that it was dealt with, in their language, then forgets the address', async () => {
    const visitor = new FormClient(server.url);
    const [place] = await server.ctx.storage.places.list({ limit: 1, statuses: ['active'], demo: true });
    if (!place) throw new Error('demo places missing');
    const sent = await visitor.post(`/uk/p/${place.id}/report`, {
      kind: 'closed',
      message: 'Зачинено з березня',
      email: 'olena@example.org',
    });
    expect(sent.status).toBe(200);
    const [report] = await server.ctx.storage.contributions.reports({
      status: 'open',
      placeId: place.id,
      limit: 5,
    });
    expect(report?.submitter).toMatchObject({ email: 'olena@example.org', locale: 'uk' });

    const closed = await admin.post(
      `/en/moderation/places/${place.id}/status`,
      { status: 'closed' },
      '/en/moderation',
    );
    expect(closed.status).toBe(303);
    const told = await mail.next('olena@example.org');
    expect(told.subject).toBe(
      `Дякуємо за повідомлення про місце «${pickText(place.names, 'uk', place.originalLocale)}»`,
    );
    const [after] = await server.ctx.storage.contributions.reports({
      status: 'resolved',
      placeId: place.id,
      limit: 5,
    });
    expect(after?.submitter.email).toBeNull();
  });

  it('refuses a form without its CSRF token and writes nothing', async () => {
    const visitor = new FormClient(server.url);
    await visitor.get('/en/suggest');
    const pending = await server.ctx.storage.contributions.pendingCounts();
    const sent = await visitor.post('/en/suggest', PLACE_FORM, false);
    expect(sent.status).toBe(403);
    expect(sent.text).toContain('CSRF');
    expect(await server.ctx.storage.contributions.pendingCounts()).toEqual(pending);
  });

  it('names the field of an invalid suggestion and keeps what was typed', async () => {
    const visitor = new FormClient(server.url);
    const sent = await visitor.post('/en/suggest', { ...PLACE_FORM, hours: 'whenever', name: 'Kafana Test' });
    expect(sent.status).toBe(400);
    expect(sent.text).toContain('aria-invalid="true"');
    expect(sent.text).toMatch(/hours/);
    expect(sent.text).toContain('value="Kafana Test"');
  });

  it('accepts a one-time link once: a replay signs nobody in', async () => {
    const { path } = await createAdmin(server.ctx, 'second-admin@kvartal.test');
    const token = new URL(path, SITE).searchParams.get('token') ?? '';
    const first = new FormClient(server.url);
    expect((await first.post('/en/account/login', { token }, `/en${path}`)).status).toBe(303);
    const second = new FormClient(server.url);
    const replay = await second.post('/en/account/login', { token }, `/en${path}`);
    expect(replay.status).toBe(401);
    expect(second.hasSession()).toBe(false);
  });

  it('lets an approved owner edit directly, keeps every version and reverts to any of them', async () => {
    const owner = await member('owner@example.org', 'contributor');
    const place = (await server.ctx.storage.places.list({ limit: 1, statuses: ['active'], demo: false }))[0];
    if (!place) throw new Error('no real place');
    expect(
      (await owner.post(`/en/p/${place.id}/claim`, { evidence: 'Write to the Instagram account @kolac_bg' }))
        .status,
    ).toBe(200);
    const queue = await admin.get('/en/moderation');
    const claimId = /moderation\/claims\/(\d+)\/approve/.exec(queue.text)?.[1];
    expect((await admin.post(`/en/moderation/claims/${claimId}/approve`, {}, '/en/moderation')).status).toBe(
      303,
    );

    const edited = await owner.post(`/en/p/${place.id}/edit`, {
      ...PLACE_FORM,
      name: 'Kolač bakery',
      hours: 'Mo-Su 08:00-21:00',
    });
    expect(edited.status).toBe(200);
    const live = await server.ctx.storage.places.get(place.id);
    expect(live?.names.en).toBe('Kolač bakery');
    expect(live?.names.ru).toBe('Пекарня Колач');
    expect(live?.hours).toBe('Mo-Su 08:00-21:00');

    const history = await server.ctx.storage.places.history(place.id);
    expect(history.map((v) => v.action)).toEqual(['edit', 'create']);
    expect((await owner.get(`/en/p/${place.id}/history`)).text).toContain('Kolač bakery');

    const reverted = await admin.post(
      `/en/p/${place.id}/revert`,
      { version: '1' },
      `/en/p/${place.id}/history`,
    );
    expect(reverted.status).toBe(303);
    const back = await server.ctx.storage.places.get(place.id);
    expect(back?.hours).toBe('Mo-Sa 07:00-20:00');
    expect(back?.names.en).toBeUndefined();
    expect(back?.version).toBe(3);
  });

  it('groups reports per place for moderators, and a merge redirects the old address', async () => {
    const visitor = new FormClient(server.url);
    const [a, b] = await server.ctx.storage.places.list({ limit: 2, statuses: ['active'], demo: true });
    if (!a || !b) throw new Error('demo places missing');
    for (const kind of ['duplicate', 'duplicate', 'closed']) {
      expect((await visitor.post(`/ru/p/${a.id}/report`, { kind })).status).toBe(200);
    }
    const queue = await admin.get('/en/moderation');
    expect(queue.text).toContain('3 reports');
    expect(
      (await admin.post(`/en/moderation/places/${a.id}/merge`, { into: String(b.id) }, '/en/moderation'))
        .status,
    ).toBe(303);
    const old = await visitor.get(`/en/p/${a.id}`);
    expect(old.status).toBe(301);
    expect(old.location).toBe(`/en/p/${b.id}`);
    expect(await apiPlace(a.id)).toBe(404);
    expect((await server.ctx.storage.places.get(a.id))?.status).toBe('deleted');
  });

  it('mails the queue digest to moderators who want it, in their language', async () => {
    const moderator = await member('digest-moderator@example.org', 'moderator');
    expect(moderator.hasSession()).toBe(true);
    const sentIn = await new FormClient(server.url).post('/ru/suggest', {
      ...PLACE_FORM,
      name: 'Кафе Дайджест',
      lat: '44.80',
      lon: '20.47',
      not_duplicate: '1',
    });
    expect(sentIn.text).toContain('Спасибо');
    const { sent, waiting } = await sendModerationDigest(server.ctx);
    expect(waiting).toBeGreaterThan(0);
    expect(sent).toBeGreaterThanOrEqual(2);
    const digest = await mail.next('digest-moderator@example.org');
    expect(digest.subject).toContain(String(waiting));
    expect(linkIn(digest, SITE)).toContain('/en/moderation');
  });

  it('limits sign-in attempts per address, across requests', async () => {
    const client = new FormClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await client.post('/en/account/sign-in', { email: 'nobody@example.org', password: `guess-${i}` }))
          .status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('resets a forgotten password by a one-time link that ends every other session', async () => {
    const old = await member('forgetful@example.org', 'contributor');
    const asked = await new FormClient(server.url).post('/en/account/reset', {
      email: 'forgetful@example.org',
    });
    expect(asked.status).toBe(200);
    // The same answer for an address without an account: the form tells nobody who is a member.
    const unknown = await new FormClient(server.url).post('/en/account/reset', {
      email: 'stranger@example.org',
    });
    expect(unknown.text.replace(/name="_csrf" value="[^"]+"/g, '')).toBe(
      asked.text.replace(/name="_csrf" value="[^"]+"/g, ''),
    );
    const link = linkIn(await mail.next('forgetful@example.org'), SITE).replace(SITE, '');
    const token = new URL(link, SITE).searchParams.get('token') ?? '';
    const browser = new FormClient(server.url);
    const tooShort = await browser.post('/en/account/new-password', { token, password: 'short' }, link);
    expect(tooShort.status).toBe(400);
    expect(
      (await browser.post('/en/account/new-password', { token, password: 'a much better passphrase' }, link))
        .status,
    ).toBe(303);
    expect(browser.hasSession()).toBe(true);
    expect((await old.get('/en/account')).status).toBe(401);
    const replay = await new FormClient(server.url).post(
      '/en/account/new-password',
      { token, password: 'another passphrase 2' },
      link,
    );
    expect(replay.status).toBe(401);
    const signIn = await new FormClient(server.url).post('/en/account/sign-in', {
      email: 'forgetful@example.org',
      password: 'a much better passphrase',
    });
    expect(signIn.status).toBe(303);
  });

  it('signs out everywhere, and an expired session is no session', async () => {
    const phone = await member('two-devices@example.org', 'contributor');
    const laptop = new FormClient(server.url);
    expect(
      (
        await laptop.post('/en/account/sign-in', {
          email: 'two-devices@example.org',
          password: 'correct horse battery',
        })
      ).status,
    ).toBe(303);
    expect((await laptop.get('/en/account')).status).toBe(200);
    expect((await phone.post('/en/account/sign-out-everywhere', {}, '/en/account')).status).toBe(303);
    expect((await laptop.get('/en/account')).status).toBe(401);

    const user = await server.ctx.storage.users.byEmail('two-devices@example.org');
    await server.ctx.storage.users.createSession(
      hashSecret('stale-session-token'),
      { userId: user?.user.id ?? 0, csrf: 'x', expiresAt: '2020-01-01T00:00:00.000Z' },
      '2019-12-01T00:00:00.000Z',
    );
    const stale = await fetch(`${server.url}/en/account`, {
      headers: { cookie: 'kvartal_session=stale-session-token' },
      redirect: 'manual',
    });
    expect(stale.status).toBe(401);
  });

  it('refuses over-long and invalid fields by name, writing nothing', async () => {
    const visitor = new FormClient(server.url);
    const pending = await server.ctx.storage.contributions.pendingCounts();
    // The refused field is marked and described by the problem, in the page's language.
    const cases: [Record<string, string>, string, string][] = [
      [{ name: 'Я'.repeat(201) }, 'f-name', 'Слишком длинно: не больше 200 символов.'],
      [{ lat: '91' }, 'f-lat', 'Широта должна быть от −90 до 90, а долгота — от −180 до 180.'],
      [{ lat: 'north' }, 'f-lat', 'Напишите число, например 44.8176.'],
      [
        { 'contacts.website': 'javascript:alert(1)' },
        'f-contacts-website',
        'Напишите адрес целиком, начиная с https:// или http://.',
      ],
      [{ comment: 'x'.repeat(2001) }, 'f-comment', 'Слишком длинно: не больше 2000 символов.'],
    ];
    for (const [change, id, problem] of cases) {
      const sent = await visitor.post('/ru/suggest', { ...PLACE_FORM, ...change });
      expect(sent.status, id).toBe(400);
      expect(sent.text, id).toMatch(
        new RegExp(`id="${id}"[^>]*aria-describedby="[^"]*${id}-error"[^>]*aria-invalid="true"`),
      );
      expect(sent.text, id).toContain(`<p class="field-error" id="${id}-error">${problem}</p>`);
    }
    // A problem about the pair marks the longitude too, described by the one message under the latitude.
    const pair = await visitor.post('/ru/suggest', { ...PLACE_FORM, lat: '91' });
    expect(pair.text).toMatch(/id="f-lon"[^>]*aria-invalid="true" aria-describedby="f-lat-error"/);
    const english = await visitor.post('/en/suggest', { ...PLACE_FORM, name: 'Я'.repeat(201) });
    expect(english.text).toContain('This is too long: at most 200 characters.');
    expect(await server.ctx.storage.contributions.pendingCounts()).toEqual(pending);
  });
});
