import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/usecases/accounts/manage-accounts.ts';
import { BACKENDS } from '../support/backends.ts';
import { FormClient } from '../support/browserless-client.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

const NOW = new Date('2026-10-01T10:00:00Z');
const WINDOW = 'from=2026-10-01&to=2027-01-15';

interface EventFeatureJson {
  id: string | number;
  geometry: { coordinates: number[] } | null;
  properties: Record<string, unknown> & {
    id: number;
    occurrence_start: string;
    local_start: string;
    status: string;
    type: string;
  };
}

describe.each(BACKENDS)('events on %s', (backend) => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  const post = (body: unknown, token = ADMIN_TOKEN) =>
    fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const occurrences = async (query: string): Promise<EventFeatureJson[]> => {
    const response = await fetch(`${server.url}/api/v1/events?${query}`);
    expect(response.status, query).toBe(200);
    return (await response.json()).features;
  };

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: 10, now: NOW });
    const [venue] = await server.ctx.storage.places.list({
      limit: 1,
      statuses: ['active'],
      city: 'belgrade',
    });
    const created = {
      exchange: await post({
        titles: { ru: 'Языковой обмен', 'sr-Latn': 'Razmena jezika' },
        type: 'language-exchange',
        start: '2026-10-02T19:00',
        end: '2026-10-02T21:00',
        rrule: 'FREQ=WEEKLY;BYDAY=FR',
        exdates: ['2027-01-01T19:00'],
        place_id: venue?.id,
        languages: ['ru', 'sr'],
        locals_welcome: true,
        bilingual: true,
        free: true,
      }),
      concert: await post({
        titles: { en: 'Jazz, poetry; and songs' },
        descriptions: { en: 'Line one\nLine two, with a comma' },
        type: 'concert',
        start: '2026-10-24T20:00',
        address: 'Dom omladine, Makedonska 22',
        lon: 20.4649,
        lat: 44.8163,
        price: '1200 RSD',
        languages: ['en'],
      }),
      fair: await post({
        titles: { ru: 'Ярмарка' },
        type: 'other',
        start: '2026-12-05',
        end: '2026-12-07',
        all_day: true,
        city: 'novi-sad',
      }),
      monthly: await post({
        titles: { ru: 'Книжный клуб' },
        type: 'meetup',
        start: '2026-10-31T18:00',
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4',
        city: 'belgrade',
      }),
    };
    for (const [name, response] of Object.entries(created)) {
      expect(response.status, name).toBe(201);
      ids[name] = (await response.json()).properties.id;
    }
    const cancel = await fetch(`${server.url}/api/v1/events/${ids.concert}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        titles: { en: 'Jazz, poetry; and songs' },
        descriptions: { en: 'Line one\nLine two, with a comma' },
        type: 'concert',
        start: '2026-10-24T20:00',
        address: 'Dom omladine, Makedonska 22',
        lon: 20.4649,
        lat: 44.8163,
        languages: ['en'],
        status: 'cancelled',
      }),
    });
    expect(cancel.status).toBe(200);
  });
  afterAll(() => server.close());

  it('expands series into occurrences in the window, at local time across DST, without the exceptions', async () => {
    const all = await occurrences(WINDOW);
    const exchange = all.filter((f) => f.properties.id === ids.exchange);
    expect(exchange.map((f) => f.properties.local_start)).not.toContain('2027-01-01T19:00');
    expect(exchange).toHaveLength(14);
    const byLocal = new Map(exchange.map((f) => [f.properties.local_start, f.properties.occurrence_start]));
    expect(byLocal.get('2026-10-23T19:00')).toBe('2026-10-23T17:00:00.000Z');
    expect(byLocal.get('2026-10-30T19:00')).toBe('2026-10-30T18:00:00.000Z');
    const monthly = all.filter((f) => f.properties.id === ids.monthly).map((f) => f.properties.local_start);
    expect(monthly).toEqual(['2026-10-31T18:00', '2026-11-30T18:00', '2026-12-31T18:00']);
    const starts = all.map((f) => f.properties.occurrence_start);
    expect([...starts].sort()).toEqual(starts);
    const concert = all.find((f) => f.properties.id === ids.concert);
    expect(concert?.properties.status).toBe('cancelled');
    expect(concert?.geometry?.coordinates).toEqual([20.4649, 44.8163]);
  });

  it('filters by type, city, language, locals welcome, free, place and area', async () => {
    const idsOf = async (query: string) =>
      [...new Set((await occurrences(`${WINDOW}&${query}`)).map((f) => f.properties.id))].sort();
    expect(await idsOf('type=concert')).toEqual([ids.concert]);
    expect(await idsOf('city=novi-sad')).toEqual([ids.fair]);
    expect(await idsOf('lang=sr')).toEqual([ids.exchange]);
    expect(await idsOf('locals_welcome=true')).toEqual([ids.exchange]);
    expect(await idsOf('free=true')).toEqual([ids.exchange]);
    expect(await idsOf('bbox=20.46,44.81,20.47,44.82')).toEqual([ids.concert]);
  });

  it('answers bad input with a 400 naming the field, and writes nothing', async () => {
    const before = (await occurrences('from=2026-01-01&to=2026-12-31')).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ start: '2026-11-01T20:00', end: '2026-11-01T19:00' }, 'end'],
      [{ start: '2026-11-01T20:00', rrule: 'FREQ=SOMETIMES' }, 'rrule'],
      [{ start: '2026-11-01T20:00', rrule: 'DTSTART:20261101T200000\nRRULE:FREQ=DAILY' }, 'rrule'],
      [{ start: '2026-11-01T20:00', place_id: 999999 }, 'place_id'],
      [{ start: '2024-05-01T20:00' }, 'start'],
      [{ start: 'next friday' }, 'start'],
      [{ start: '2026-11-01T20:00', type: 'rave' }, 'type'],
    ];
    for (const [change, field] of cases) {
      const response = await post({ titles: { ru: 'Тест' }, type: 'meetup', city: 'belgrade', ...change });
      expect(response.status, field).toBe(400);
      expect((await response.json()).field, JSON.stringify(change)).toBe(field);
    }
    expect((await occurrences('from=2026-01-01&to=2026-12-31')).length).toBe(before);
    const tooLong = await fetch(`${server.url}/api/v1/events?from=2026-01-01&to=2028-01-01`);
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).field).toBe('to');
  });

  it('holds an event from a visitor for a moderator, then publishes it when approved', async () => {
    const sent = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        titles: { ru: 'Вечер настолок' },
        type: 'meetup',
        start: '2026-11-05T19:00',
        city: 'belgrade',
      }),
    });
    expect(sent.status).toBe(202);
    const { properties } = await sent.json();
    expect(properties.status).toBe('pending');
    const listed = async () => (await occurrences(WINDOW)).some((f) => f.properties.id === properties.id);
    expect(await listed()).toBe(false);
    expect((await fetch(`${server.url}/api/v1/events/${properties.id}`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/api/v1/events.ics`)).text()).not.toContain('Вечер настолок');
    expect(await (await fetch(`${server.url}/api/v1/feeds/events.atom`)).text()).not.toContain(
      'Вечер настолок',
    );
    const { path } = await createAdmin(server.ctx, 'events-moderator@kvartal.test');
    const moderator = new FormClient(server.url);
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    expect((await moderator.post('/en/account/login', { token }, `/en${path}`)).status).toBe(303);
    expect((await moderator.get('/en/moderation')).text).toContain('Вечер настолок');
    const approved = await moderator.post(
      `/en/moderation/events/${properties.id}/approve`,
      {},
      '/en/moderation',
    );
    expect(approved.status).toBe(303);
    expect(await listed()).toBe(true);
    // The queue is empty now: the session's token comes from any page with a form.
    const again = await moderator.post(`/en/moderation/events/${properties.id}/approve`, {}, '/en/suggest');
    expect(again.status).toBe(409);
  });

  it('takes events from the web form without JavaScript: a visitor’s waits, a moderator’s is live', async () => {
    const form = {
      title: 'Турнир по шахматам',
      type: 'sport',
      start: '2026-11-07T11:00',
      end: '2026-11-07T15:00',
      repeats: 'weekly',
      city: 'belgrade',
      address: 'Šahovski klub, Beograd',
      languages: ['ru', 'sr'],
      locals_welcome: 'on',
    };
    const visitor = new FormClient(server.url);
    const refused = await visitor.post('/ru/events/new', { ...form, end: '2026-11-07T10:00' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('aria-invalid="true"');
    expect(refused.text).toContain('value="Турнир по шахматам"');
    const sent = await visitor.post('/ru/events/new', form);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('ждёт модератора');
    const waiting = await server.ctx.storage.events.pending(10);
    const mine = waiting.find((e) => e.titles.ru === 'Турнир по шахматам');
    expect(mine?.rrule).toBe('FREQ=WEEKLY');
    expect(mine?.localsWelcome).toBe(true);
    const { path } = await createAdmin(server.ctx, 'events-editor@kvartal.test');
    const editor = new FormClient(server.url);
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    expect((await editor.post('/en/account/login', { token }, `/en${path}`)).status).toBe(303);
    const live = await editor.post('/en/events/new', {
      ...form,
      title: 'Chess club',
      locals_welcome: '',
      languages: ['en'],
    });
    expect(live.text).toContain('Your event is published.');
    const titles = (await occurrences(WINDOW)).map((f) => f.properties.title);
    expect(titles).toContain('Chess club');
    expect(titles).not.toContain('Турнир по шахматам');
  });

  it('places a web-form event at a place on the map (by its link) or at a point, and refuses a bad venue', async () => {
    const place = (await server.ctx.storage.places.list({ statuses: ['active'], limit: 1 }))[0];
    if (!place) throw new Error('the demo has places');
    const visitor = new FormClient(server.url);
    const offered = await visitor.get(`/en/events/new?venue=${place.id}`);
    expect(offered.text).toContain(`name="venue" type="text" value="/p/${place.id}"`);
    const form = { title: 'Вечер поэзии', type: 'meetup', start: '2026-11-12T19:00', city: 'belgrade' };
    const bad = await visitor.post('/en/events/new', { ...form, venue: 'somewhere nice' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="f-venue"[^>]*aria-invalid="true"/);
    const missing = await visitor.post('/en/events/new', { ...form, venue: '/ru/p/99999999-nothing' });
    expect(missing.status).toBe(400);
    const halfPoint = await visitor.post('/en/events/new', { ...form, lat: '44.81' });
    expect(halfPoint.status).toBe(400);
    expect(halfPoint.text).toMatch(/id="f-lat"[^>]*aria-invalid="true"/);

    expect(
      (await visitor.post('/en/events/new', { ...form, venue: `https://example.org/ru/p/${place.id}-x` }))
        .status,
    ).toBe(200);
    expect(
      (await visitor.post('/en/events/new', { ...form, title: 'Пикник', lat: '44,8231', lon: '20.4489' }))
        .status,
    ).toBe(200);
    const waiting = await server.ctx.storage.events.pending(20);
    const atPlace = waiting.find((e) => e.titles.en === 'Вечер поэзии');
    expect(atPlace).toMatchObject({ placeId: place.id, lon: place.lon, lat: place.lat });
    expect(waiting.find((e) => e.titles.en === 'Пикник')).toMatchObject({
      placeId: null,
      lon: 20.4489,
      lat: 44.8231,
    });
  });

  it('serves iCalendar feeds that an independent parser reads as the API’s occurrences', async () => {
    const feed = await fetch(`${server.url}/api/v1/events.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const text = await feed.text();
    expect(text).toContain('\r\n');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Belgrade',
    ]);
    const vevents = calendar.getAllSubcomponents('vevent');
    // The four published in beforeAll, the visitor's once a moderator approved it, and the moderator's from
    // the web form; the visitor's form event still waits and is not there.
    expect(vevents).toHaveLength(6);

    const from = ICAL.Time.fromJSDate(new Date('2026-10-01T00:00:00Z'), true);
    const to = new Date('2027-01-15T00:00:00Z');
    const fromFeed: string[] = [];
    for (const component of vevents) {
      const event = new ICAL.Event(component);
      const id = Number(/^event-(\d+)@/.exec(event.uid)?.[1]);
      const iterator = event.iterator();
      for (let next = iterator.next(); next; next = iterator.next()) {
        const startDate = event.getOccurrenceDetails(next).startDate;
        const start = startDate.toJSDate();
        if (start >= to) break;
        // An all-day date is floating (RFC 5545): compared as the date it names, not as an instant.
        if (next.compare(from) >= 0)
          fromFeed.push(`${id} ${startDate.isDate ? startDate.toString() : start.toISOString()}`);
      }
    }
    const fromApi = (await occurrences(WINDOW)).map(
      (f) =>
        `${f.properties.id} ${f.properties.all_day ? f.properties.local_start : f.properties.occurrence_start}`,
    );
    expect(fromFeed.sort()).toEqual(fromApi.sort());

    const concert = vevents.find(
      (v) => v.getFirstPropertyValue('uid') === `event-${ids.concert}@${new URL(server.url).host}`,
    );
    expect(concert?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(concert?.getFirstPropertyValue('summary')).toBe('Jazz, poetry; and songs');
    expect(concert?.getFirstPropertyValue('description')).toBe('Line one\nLine two, with a comma');
    const exchange = vevents.find(
      (v) => v.getFirstPropertyValue('uid') === `event-${ids.exchange}@${new URL(server.url).host}`,
    );
    expect(String(exchange?.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=FR');
    expect(exchange?.getFirstProperty('exdate')?.getParameter('tzid')).toBe('Europe/Belgrade');
    // The same UIDs every time: calendar apps update events instead of doubling them.
    expect(await (await fetch(`${server.url}/api/v1/events.ics`)).text()).toBe(text);
  });

  it('has a feed per type, per place and for any saved filter', async () => {
    const count = async (query: string) =>
      new ICAL.Component(
        ICAL.parse(await (await fetch(`${server.url}/api/v1/events.ics?${query}`)).text()),
      ).getAllSubcomponents('vevent').length;
    expect(await count('type=concert')).toBe(1);
    const exchange = await (await fetch(`${server.url}/api/v1/events/${ids.exchange}`)).json();
    expect(await count(`place=${exchange.properties.place_id}`)).toBe(1);
    expect(await count('city=belgrade&locals_welcome=true&lang=ru')).toBe(1);
    expect(exchange.next[0].local_start).toBe('2026-10-02T19:00');
  });
});
