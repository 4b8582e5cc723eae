import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/user.ts';
import { ConflictError, InputError } from '../../src/domain/errors.ts';
import type { Locale } from '../../src/domain/locales.ts';
import { compose } from '../../src/notifications/mail-notifier.ts';
import { createAdmin } from '../../src/usecases/accounts/manage-accounts.ts';
import { editEvent, pendingEventChanges, reviewEventChange } from '../../src/usecases/events/edit-event.ts';
import { createEvent, reviewEvent } from '../../src/usecases/events/events.ts';
import { eventInputOf } from '../../src/usecases/events/prepare-event.ts';
import type { Notice } from '../../src/usecases/notifications.ts';
import { BACKENDS } from '../support/backends.ts';
import { FormClient } from '../support/browserless-client.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

const NOW = new Date('2026-10-01T10:00:00Z');
const OPERATOR = { kind: 'operator' } as const;
const VISITOR: Actor = { kind: 'visitor' };

const QUIZ = {
  titles: { ru: 'Квиз в пабе', 'sr-Latn': 'Kviz u pabu' },
  type: 'meetup',
  start: '2026-10-15T19:00',
  rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=10',
  exdates: ['2026-10-22T19:00'],
  city: 'belgrade',
  address: 'Cetinjska 15',
  lon: 20.4702,
  lat: 44.8178,
  languages: ['ru'],
};

describe.each(BACKENDS)('changing events on %s', (backend) => {
  let server: TestServer;
  let moderator: Actor;
  const mailed: { to: string; locale: string; notice: Notice }[] = [];

  beforeAll(async () => {
    const notifier = {
      async notify(to: string, locale: Locale, notice: Notice) {
        mailed.push({ to, locale, notice });
      },
    };
    server = await startTestServer({ backend, demo: false, now: NOW, notifier });
    const { user } = await createAdmin(server.ctx, 'event-changes@kvartal.test');
    moderator = { kind: 'user', user, ownedPlaceIds: [] };
  });
  afterAll(() => server.close());

  it('keeps a stranger’s change waiting, merges it with later edits on approval, and logs both', async () => {
    const ctx = server.ctx;
    const event = await createEvent(ctx, OPERATOR, QUIZ);
    const proposal = await editEvent(
      ctx,
      VISITOR,
      event.id,
      { ...eventInputOf(event), titles: { ...event.titles, en: 'Pub quiz' }, locals_welcome: true },
      'The organisers want locals to come too',
    );
    expect(proposal.live).toBe(false);
    expect((await ctx.storage.events.get(event.id))?.localsWelcome).toBe(false);

    // Meanwhile a moderator moves the start and adds a Ukrainian title; approving the stranger's change must
    // undo neither. The skipped date follows the start to 20:00.
    const moved = await editEvent(ctx, moderator, event.id, {
      ...eventInputOf(event),
      titles: { ...event.titles, uk: 'Квіз у пабі' },
      start: '2026-10-15T20:00',
    });
    expect(moved.live).toBe(true);
    expect(moved.event.exdates).toEqual(['2026-10-22T20:00']);

    const [item] = await pendingEventChanges(ctx, moderator);
    expect(item?.change.comment).toBe('The organisers want locals to come too');
    expect(item?.diff.map((d) => [d.field, d.before, d.after])).toEqual([
      [
        'titles',
        'ru: Квиз в пабе\nsr-Latn: Kviz u pabu\nuk: Квіз у пабі',
        'en: Pub quiz\nru: Квиз в пабе\nsr-Latn: Kviz u pabu\nuk: Квіз у пабі',
      ],
      ['localsWelcome', 'no', 'yes'],
    ]);

    await reviewEventChange(ctx, moderator, item?.change.id ?? 0, true, undefined);
    const after = await ctx.storage.events.get(event.id);
    expect(after).toMatchObject({
      start: '2026-10-15T20:00',
      localsWelcome: true,
      titles: { en: 'Pub quiz', ru: 'Квиз в пабе', 'sr-Latn': 'Kviz u pabu', uk: 'Квіз у пабі' },
      rrule: QUIZ.rrule,
      exdates: ['2026-10-22T20:00'],
    });
    expect(await pendingEventChanges(ctx, moderator)).toEqual([]);
    await expect(pendingEventChanges(ctx, VISITOR)).rejects.toThrow(/moderators/);
    await expect(reviewEventChange(ctx, moderator, item?.change.id ?? 0, false, 'late')).rejects.toThrow(
      ConflictError,
    );
    const log = await ctx.storage.audit.list({ limit: 20 });
    expect(log.filter((a) => a.target === `event:${event.id}`).map((a) => a.action)).toEqual(
      expect.arrayContaining(['edit-event', 'approve-event-change']),
    );
  });

  it('refuses a change that changes nothing, and leaves the event alone when a change is rejected', async () => {
    const ctx = server.ctx;
    const event = await createEvent(ctx, OPERATOR, { ...QUIZ, titles: { ru: 'Лекция об истории Земуна' } });
    await expect(editEvent(ctx, VISITOR, event.id, eventInputOf(event))).rejects.toThrow(InputError);
    const proposal = await editEvent(ctx, VISITOR, event.id, { ...eventInputOf(event), status: 'cancelled' });
    await expect(reviewEventChange(ctx, VISITOR, proposal.change?.id ?? 0, true, undefined)).rejects.toThrow(
      /moderators/,
    );
    await expect(reviewEventChange(ctx, moderator, proposal.change?.id ?? 0, false, ' ')).rejects.toThrow(
      InputError,
    );
    await reviewEventChange(ctx, moderator, proposal.change?.id ?? 0, false, 'The organiser says it is on');
    expect((await ctx.storage.events.get(event.id))?.status).toBe('scheduled');
    expect((await ctx.storage.eventChanges.get(proposal.change?.id ?? 0))?.reason).toBe(
      'The organiser says it is on',
    );
  });

  it('keeps a rejected event rejected when a moderator edits it, and an age of 0 from the API', async () => {
    const ctx = server.ctx;
    const stranger = await createEvent(ctx, VISITOR, { ...QUIZ, titles: { ru: 'Распродажа' } });
    await reviewEvent(ctx, moderator, stranger.id, false);
    const edited = await editEvent(ctx, moderator, stranger.id, {
      ...eventInputOf(stranger),
      price: '100 RSD',
    });
    expect(edited.event.status).toBe('rejected');
    expect((await fetch(`${server.url}/api/v1/events/${stranger.id}`)).status).toBe(404);

    const response = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ ...QUIZ, titles: { ru: 'Для всех' }, min_age: 0, place_id: null }),
    });
    expect(response.status).toBe(201);
    expect((await response.json()).properties).toMatchObject({ min_age: 0, place_id: null });
  });

  it('tells a contributor the outcome of their change by mail, in the language of their account', async () => {
    const ctx = server.ctx;
    const event = await createEvent(ctx, OPERATOR, { ...QUIZ, titles: { ru: 'Мастер-класс по керамике' } });
    const user = await ctx.storage.users.create({
      email: 'potter@example.org',
      emailVerified: true,
      passwordHash: null,
      displayName: null,
      role: 'contributor',
      telegramId: null,
      locale: 'ru',
    });
    const contributor: Actor = { kind: 'user', user, ownedPlaceIds: [] };
    const before = (await ctx.storage.contributions.pendingCounts()).events;
    const first = await editEvent(ctx, contributor, event.id, { ...eventInputOf(event), price: '1500 RSD' });
    // The moderators' digest counts the waiting change.
    expect((await ctx.storage.contributions.pendingCounts()).events).toBe(before + 1);
    await reviewEventChange(
      ctx,
      moderator,
      first.change?.id ?? 0,
      false,
      'Цена другая, см. сайт организатора',
    );
    const second = await editEvent(ctx, contributor, event.id, { ...eventInputOf(event), min_age: 12 });
    await reviewEventChange(ctx, moderator, second.change?.id ?? 0, true, undefined);
    expect((await ctx.storage.contributions.pendingCounts()).events).toBe(before);
    const notices = mailed.filter((m) => m.to === 'potter@example.org');
    expect(notices.map((m) => [m.locale, m.notice])).toEqual([
      [
        'ru',
        {
          kind: 'event-change-decided',
          approved: false,
          eventTitle: 'Мастер-класс по керамике',
          reason: 'Цена другая, см. сайт организатора',
          path: `/events/${event.id}`,
        },
      ],
      [
        'ru',
        {
          kind: 'event-change-decided',
          approved: true,
          eventTitle: 'Мастер-класс по керамике',
          reason: null,
          path: `/events/${event.id}`,
        },
      ],
    ]);
    const mail = compose('ru', notices[0]?.notice as Notice, (path) => `https://kvartal.example${path}`);
    expect(mail.subject).toBe('О вашем исправлении события «Мастер-класс по керамике»');
    expect(mail.text).toContain('Цена другая, см. сайт организатора');
    expect((await ctx.storage.events.get(event.id))?.minAge).toBe(12);
  });

  it('answers a stranger’s PUT with 202 and the waiting change, the operator’s with 200', async () => {
    const event = await createEvent(server.ctx, OPERATOR, { ...QUIZ, titles: { ru: 'Кинопоказ' } });
    const put = (body: unknown, headers: Record<string, string>) =>
      fetch(`${server.url}/api/v1/events/${event.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const input = { ...eventInputOf(event), price: '500 RSD', free: false };
    const stranger = await put(input, { 'x-forwarded-for': '203.0.113.77' });
    expect(stranger.status, await stranger.clone().text()).toBe(202);
    const waiting = (await stranger.json()).properties;
    expect(waiting.price).toBeNull();
    expect(typeof waiting.pending_change).toBe('number');
    const operator = await put(input, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(operator.status).toBe(200);
    expect((await operator.json()).properties.price).toBe('500 RSD');
    const same = await put(input, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(same.status).toBe(200);
  });

  it('edits through the web form without JavaScript: a visitor’s waits with a diff in the queue', async () => {
    const event = await createEvent(server.ctx, OPERATOR, { ...QUIZ, titles: { ru: 'Джем-сейшн' } });
    const visitor = new FormClient(server.url);
    const missing = await visitor.get('/ru/events/999999/edit');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Здесь этого нет: возможно, в ссылке опечатка или это удалили.');
    const form = await visitor.get(`/ru/events/${event.id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Джем-сейшн"');
    // A rule the form cannot say is offered as "keep as it is", chosen.
    expect(form.text).toMatch(/<option value="keep" selected>[^<]*FREQ=WEEKLY;BYDAY=TH;COUNT=10/);

    const fields = {
      title: 'Джем-сейшн',
      type: 'concert',
      start: '2026-10-15T19:00',
      end: '',
      repeats: 'keep',
      city: 'belgrade',
      address: 'Cetinjska 15',
      lat: String(QUIZ.lat),
      lon: String(QUIZ.lon),
      languages: ['ru', 'sr'],
      description: '',
      price: '',
      min_age: '',
      organiser_url: '',
      comment: 'Это концерт, а не встреча',
    };
    const refused = await visitor.post(`/ru/events/${event.id}/edit`, { ...fields, end: '2026-10-15T18:00' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('aria-invalid="true"');
    const sent = await visitor.post(`/ru/events/${event.id}/edit`, fields);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('ждёт модератора');
    expect((await server.ctx.storage.events.get(event.id))?.type).toBe('meetup');

    const { path } = await createAdmin(server.ctx, 'event-form-moderator@kvartal.test');
    const mod = new FormClient(server.url);
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    expect((await mod.post('/en/account/login', { token }, `/en${path}`)).status).toBe(303);
    const queue = await mod.get('/en/moderation');
    expect(queue.text).toContain('Changes to events');
    expect(queue.text).toMatch(
      /<th scope="row">Type<\/th><td class="diff__old"><del>Meetup<\/del><\/td><td class="diff__new"><ins>Concert<\/ins>/,
    );
    expect(queue.text).toContain('Это концерт, а не встреча');
    const waiting = await server.ctx.storage.eventChanges.pending(50);
    const changeId = waiting.find((c) => c.eventId === event.id)?.id;
    expect(queue.text).toContain(`moderation/event-changes/${changeId}/approve`);
    const approved = await mod.post(`/en/moderation/event-changes/${changeId}/approve`, {}, '/en/moderation');
    expect(approved.status).toBe(303);
    const changed = await server.ctx.storage.events.get(event.id);
    // Only what the form changed: the position, the skipped dates and "not free" stay as they were.
    expect(changed).toEqual({
      ...event,
      type: 'concert',
      languages: ['ru', 'sr'],
      updatedAt: changed?.updatedAt,
    });

    // Edited from a language the event has no text in: the form starts empty there and shows the Russian
    // title as a hint; sending it untouched changes nothing.
    const english = await visitor.get(`/en/events/${event.id}/edit`);
    expect(english.text).toMatch(/id="f-title" name="title" type="text" value=""/);
    expect(english.text).toContain('Not written in this language yet. In another: “Джем-сейшн”');
    const untouched = await visitor.post(`/en/events/${event.id}/edit`, {
      ...fields,
      title: '',
      type: 'concert',
      comment: '',
    });
    expect(untouched.status).toBe(400);
    expect(untouched.text).toContain('This changes nothing: the event already says all of it.');

    // A moderator's own edit is live at once, and can cancel the event.
    const live = await mod.post(`/en/events/${event.id}/edit`, {
      ...fields,
      title: 'Jam session',
      type: 'concert',
      cancelled: 'on',
    });
    expect(live.text).toContain('The event is updated.');
    const cancelled = await server.ctx.storage.events.get(event.id);
    expect(cancelled?.status).toBe('cancelled');
    expect(cancelled?.titles).toEqual({ ru: 'Джем-сейшн', en: 'Jam session' });
  });
});
