import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventData } from '../../src/domain/events/event.ts';
import type { PlaceData } from '../../src/domain/places/place.ts';
import { escapeAttribute, escapeText } from '../../src/feeds/atom.ts';
import { BACKENDS } from '../support/backends.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

const NOW = new Date('2026-10-01T10:00:00Z');
const TRICKY = 'Café "Tom & Jerry" <Dorćol>';
// A tutor working from her flat: her street and exact position must not reach any feed.
const EXACT = { lon: 20.4612345, lat: 44.8123456 };
const LEAKS = ['Tajna', 'stan 12', '20.46123', '44.81234'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Link {
  '@_rel': string;
  '@_href': string;
  '@_type'?: string;
}
interface Entry {
  id: string;
  title: string;
  link: Link[];
  updated: string;
  published: string;
  summary: string;
  category: { '@_term': string; '@_label'?: string }[];
}
interface Feed {
  '@_xml:lang': string;
  id: string;
  title: string;
  updated: string;
  link: Link[];
  author: { name: string; uri: string };
  generator: string;
  entry: Entry[];
}

// A real XML parser: the feeds must be well-formed, and what it decodes must be exactly what was stored.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

function place(overrides: Partial<PlaceData>): PlaceData {
  return {
    names: { ru: 'Место' },
    originalLocale: 'ru',
    descriptions: {},
    category: 'cafe',
    extraCategories: [],
    lon: 20.4645,
    lat: 44.8235,
    address: null,
    city: 'belgrade',
    neighbourhood: 'dorcol',
    contacts: {},
    hours: null,
    languages: ['ru'],
    tags: [],
    status: 'active',
    isDemo: false,
    provenance: { source: 'web' },
    ...overrides,
  };
}

function demoEvent(): EventData {
  return {
    titles: { ru: 'Демо-встреча' },
    descriptions: {},
    originalLocale: 'ru',
    type: 'meetup',
    start: '2026-10-10T18:00',
    end: null,
    allDay: false,
    timeZone: 'Europe/Belgrade',
    rrule: null,
    exdates: [],
    city: 'belgrade',
    placeId: null,
    address: null,
    lon: null,
    lat: null,
    languages: ['ru'],
    localsWelcome: false,
    bilingual: false,
    free: true,
    price: null,
    minAge: null,
    organiserUrl: null,
    status: 'scheduled',
    isDemo: true,
  };
}

describe.each(BACKENDS)('Atom feeds on %s', (backend) => {
  let server: TestServer;
  let demoOnlyPlaces: Feed;
  let demoOnlyEvents: Feed;
  const ids: Record<string, number> = {};

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    return { response, body: await response.text() };
  };
  const feed = async (path: string): Promise<Feed> => {
    const { body } = await get(path);
    expect(XMLValidator.validate(body), path).toBe(true);
    return parser.parse(body).feed as Feed;
  };
  const entries = async (path: string) => (await feed(path)).entry ?? [];
  const titles = async (path: string) => (await entries(path)).map((e) => e.title);
  const postEvent = async (body: unknown) => {
    const response = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()).properties.id as number;
  };

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: 30, now: NOW });
    const { places, events } = server.ctx.storage;
    demoOnlyPlaces = await feed('/api/v1/feeds/places.atom');
    await events.insert(demoEvent());
    demoOnlyEvents = await feed('/api/v1/feeds/events.atom');

    const write = async (name: string, data: PlaceData) => {
      ids[name] = (await places.insert(data)).id;
    };
    await write(
      'cafe',
      place({
        names: { 'sr-Latn': TRICKY, en: TRICKY },
        originalLocale: 'sr-Latn',
        descriptions: { 'sr-Latn': 'Najbolja **kafa** i kolači.' },
      }),
    );
    await write(
      'bakery',
      place({
        names: { ru: 'Пекарня у Лимана' },
        category: 'bakery',
        city: 'novi-sad',
        neighbourhood: 'liman',
        lon: 19.842,
        lat: 45.243,
      }),
    );
    await write(
      'tutor',
      place({
        names: { ru: 'Репетитор по сербскому' },
        category: 'school',
        ...EXACT,
        address: 'Tajna ulica 7, stan 12',
        homeBased: true,
      }),
    );
    await write('pending', place({ names: { ru: 'Ожидающее XYZ' }, status: 'pending' }));
    await write('deleted', place({ names: { ru: 'Удалённое XYZ' }, status: 'deleted' }));

    ids.series = await postEvent({
      titles: { ru: 'Разговорный клуб', en: 'Conversation club' },
      type: 'language-exchange',
      start: '2026-09-03T19:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      place_id: ids.cafe,
    });
    ids.fair = await postEvent({
      titles: { ru: 'Ярмарка & <распродажа>' },
      type: 'other',
      start: '2026-12-05',
      all_day: true,
      city: 'novi-sad',
      address: 'Trg slobode 1',
    });
    ids.concert = await postEvent({
      titles: { ru: 'Джаз', en: 'Jazz' },
      type: 'concert',
      start: '2026-10-24T20:00',
      address: 'Dom omladine, Makedonska 22',
      lon: 20.4649,
      lat: 44.8163,
      status: 'cancelled',
    });
  });
  afterAll(() => server.close());

  it('writes a valid Atom document with the required feed and entry elements', async () => {
    const path = '/api/v1/feeds/places.atom';
    const f = await feed(path);
    expect(f['@_xml:lang']).toBe('ru');
    expect(f.id).toMatch(/^tag:127\.0\.0\.1,2026:feed:places/);
    expect(f.title).toBe('Kvartal: новые места');
    expect(f.updated).toMatch(RFC3339);
    const self = f.link.find((l) => l['@_rel'] === 'self');
    expect(self).toMatchObject({ '@_href': `${server.url}${path}`, '@_type': 'application/atom+xml' });
    expect(f.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(`${server.url}/ru/`);
    expect(f.author.name).toBe('Сообщество Kvartal');
    expect(f.generator).toBe('Kvartal');
    expect(f.entry.length).toBeGreaterThan(0);
    for (const e of f.entry) {
      expect(e.id).toMatch(/^tag:127\.0\.0\.1,2026:place:\d+$/);
      expect(e.title).not.toBe('');
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
      const link = e.link.find((l) => l['@_rel'] === 'alternate')?.['@_href'];
      expect(link).toMatch(new RegExp(`^${server.url}/ru/p/\\d+-[a-z0-9-]+$`));
      expect(e.category[0]?.['@_term']).toBeTruthy();
    }
    // The feed changed last when its most recently changed entry did.
    expect(f.updated).toBe([...f.entry.map((e) => e.updated)].sort().at(-1));
  });

  it('answers with caching headers and a validator readers can send back', async () => {
    const { response } = await get('/api/v1/feeds/places.atom');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}/api/v1/feeds/places.atom`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('escapes names so that a parser reads back exactly what was stored', async () => {
    const { body } = await get('/api/v1/feeds/places.atom?locale=en');
    expect(body).toContain('Café "Tom &amp; Jerry" &lt;Dorćol&gt;');
    expect(body).not.toContain(TRICKY);
    const cafe = (await entries('/api/v1/feeds/places.atom?locale=en')).find((e) =>
      e.id.endsWith(`:place:${ids.cafe}`),
    );
    expect(cafe?.title).toBe(TRICKY);
    expect(cafe?.summary).toBe('Café · Dorćol, Belgrade\n\nNajbolja kafa i kolači.');
    expect(cafe?.link[0]?.['@_href']).toBe(`${server.url}/en/p/${ids.cafe}-cafe-tom-jerry-dorcol`);
    // Attribute values are escaped too: the self link keeps both of its parameters.
    const f = await feed('/api/v1/feeds/places.atom?city=belgrade&category=cafe');
    expect(f.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(
      `${server.url}/api/v1/feeds/places.atom?city=belgrade&category=cafe`,
    );
    const events = await entries('/api/v1/feeds/events.atom');
    expect(events.find((e) => e.id.endsWith(`:event:${ids.fair}`))?.title).toBe('Ярмарка & <распродажа>');
  });

  it('lists the newest places first', async () => {
    const list = await entries('/api/v1/feeds/places.atom');
    expect(list.slice(0, 3).map((e) => e.id.split(':').at(-1))).toEqual(
      [ids.tutor, ids.bakery, ids.cafe].map(String),
    );
    const published = list.map((e) => e.published);
    expect(published).toEqual([...published].sort().reverse());
  });

  it('shows demo places only while there are no real ones', async () => {
    expect(demoOnlyPlaces.entry).toHaveLength(30);
    // The demo's own events (loaded with the demo places) and the one added as demo here: nothing real yet.
    const demoTitles = demoOnlyEvents.entry.map((e) => e.title);
    expect(demoTitles[0]).toBe('Демо-встреча');
    expect(demoTitles).toContain('Языковой обмен: русский и сербский');
    const list = await entries('/api/v1/feeds/places.atom');
    expect(list.map((e) => Number(e.id.split(':').at(-1))).sort()).toEqual(
      [ids.cafe, ids.bakery, ids.tutor].sort(),
    );
    expect(await titles('/api/v1/feeds/events.atom')).not.toContain('Демо-встреча');
  });

  it('never lists pending or deleted places', async () => {
    const { body } = await get('/api/v1/feeds/places.atom');
    expect(body).not.toContain('XYZ');
    const { body: all } = await get('/api/v1/feeds/places.atom?category=cafe');
    expect(all).not.toContain('XYZ');
  });

  it('keeps a home-based place to its public view', async () => {
    for (const locale of ['ru', 'en', 'sr-Latn']) {
      const { body } = await get(`/api/v1/feeds/places.atom?locale=${locale}`);
      expect(body).toContain(`:place:${ids.tutor}<`);
      for (const leak of LEAKS) expect(body.includes(leak), `${locale} shows "${leak}"`).toBe(false);
    }
  });

  it('filters by city, category and category group', async () => {
    const id = async (path: string) =>
      (await entries(path)).map((e) => Number(e.id.split(':').at(-1))).sort((a, b) => a - b);
    expect(await id('/api/v1/feeds/places.atom?city=novi-sad')).toEqual([ids.bakery]);
    expect(await id('/api/v1/feeds/places.atom?category=cafe')).toEqual([ids.cafe]);
    expect(await id('/api/v1/feeds/places.atom?category=food-drink')).toEqual(
      [ids.cafe, ids.bakery].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(await id('/api/v1/feeds/places.atom?city=belgrade&category=food-drink')).toEqual([ids.cafe]);
    expect(await id('/api/v1/feeds/places.atom?category=cafe,school')).toEqual(
      [ids.cafe, ids.tutor].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    const f = await feed('/api/v1/feeds/places.atom?city=belgrade&category=cafe&locale=sr-Latn');
    expect(f.title).toBe('Kvartal: nova mesta — Kafić, Beograd');
    expect(f.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(
      `${server.url}/sr-Latn/?category=cafe&city=belgrade`,
    );
  });

  it('keeps ids stable across fetches and however the filters are written', async () => {
    const first = await feed('/api/v1/feeds/places.atom?city=belgrade&category=food-drink');
    const second = await feed('/api/v1/feeds/places.atom?category=food-drink&city=belgrade');
    expect(second.id).toBe(first.id);
    expect(second.entry.map((e) => e.id)).toEqual(first.entry.map((e) => e.id));
    const inEnglish = await feed('/api/v1/feeds/places.atom?city=belgrade&category=food-drink&locale=en');
    expect(inEnglish.entry.map((e) => e.id)).toEqual(first.entry.map((e) => e.id));
    const events = await entries('/api/v1/feeds/events.atom');
    expect((await entries('/api/v1/feeds/events.atom')).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('lists the newest events with their next date, venue and type, and says which are cancelled', async () => {
    const f = await feed('/api/v1/feeds/events.atom?locale=en');
    expect(f.title).toBe('Kvartal: new events');
    expect(f.id).toMatch(/^tag:127\.0\.0\.1,2026:feed:events/);
    expect(f.updated).toMatch(RFC3339);
    expect(f.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(
      `${server.url}/api/v1/feeds/events.atom?locale=en`,
    );
    expect(f.entry.map((e) => e.id.split(':').at(-1))).toEqual(
      [ids.concert, ids.fair, ids.series].map(String),
    );
    for (const e of f.entry) {
      expect(e.id).toMatch(/^tag:127\.0\.0\.1,2026:event:\d+$/);
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
      expect(e.link[0]?.['@_href']).toBe(`${server.url}/en/events/${e.id.split(':').at(-1)}`);
    }
    const [concert, fair, series] = f.entry;
    expect(concert?.title).toBe('Cancelled: Jazz');
    expect(concert?.summary).toContain('Concert\nWhen: Saturday, October 24, 2026');
    expect(concert?.summary).toContain('Where: Dom omladine, Makedonska 22');
    expect(fair?.summary).toContain('When: Saturday, December 5, 2026\n');
    expect(fair?.category[0]).toEqual({ '@_term': 'other', '@_label': 'Other' });
    // The series began in September; the next date is today's evening, at the city's 19:00.
    expect(series?.title).toBe('Conversation club');
    expect(series?.summary).toMatch(/^Language exchange\nWhen: Thursday, October 1, 2026.*7:00/);
    expect(series?.summary).toContain(`Where: ${TRICKY}`);
    const ru = await entries('/api/v1/feeds/events.atom');
    expect(ru[0]?.title).toBe('Отменено: Джаз');
    expect(ru[2]?.summary).toContain('Когда: четверг, 1 октября 2026');
    expect(ru[2]?.summary).toContain('19:00');
  });

  it('filters events by city and type', async () => {
    const id = async (path: string) => (await entries(path)).map((e) => Number(e.id.split(':').at(-1)));
    expect(await id('/api/v1/feeds/events.atom?city=novi-sad')).toEqual([ids.fair]);
    expect(await id('/api/v1/feeds/events.atom?type=concert')).toEqual([ids.concert]);
    expect(await id('/api/v1/feeds/events.atom?type=concert,language-exchange')).toEqual([
      ids.concert,
      ids.series,
    ]);
    expect(await id('/api/v1/feeds/events.atom?city=novi-sad&type=concert')).toEqual([]);
    const f = await feed('/api/v1/feeds/events.atom?city=belgrade&type=concert&locale=uk');
    expect(f.title).toBe('Kvartal: нові події — Концерт, Белград');
  });

  it('refuses unknown cities, categories, types and locales by name', async () => {
    const cases: [string, string][] = [
      ['/api/v1/feeds/places.atom?city=atlantis', 'city'],
      ['/api/v1/feeds/places.atom?category=unicorns', 'category'],
      ['/api/v1/feeds/places.atom?locale=xx', 'locale'],
      ['/api/v1/feeds/events.atom?city=atlantis', 'city'],
      ['/api/v1/feeds/events.atom?type=unicorns', 'type'],
      ['/api/v1/feeds/events.atom?locale=xx', 'locale'],
    ];
    for (const [path, field] of cases) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(400);
      expect((await response.json()).field, path).toBe(field);
    }
  });

  it('lets feed readers find the places feed from the home page', async () => {
    const response = await fetch(`${server.url}/en/?city=belgrade&category=cafe`);
    const html = await response.text();
    const link = /<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)">/.exec(
      html,
    );
    expect(link?.[1]).toBe('New places (Atom)');
    const href = (link?.[2] ?? '').replace(/&amp;/g, '&');
    expect(href).toBe(`${server.url}/api/v1/feeds/places.atom?city=belgrade&category=cafe&locale=en`);
    expect((await entries(href.slice(server.url.length))).map((e) => e.title)).toEqual([TRICKY]);
  });
});

describe('the Atom writer', () => {
  it('drops what XML 1.0 cannot carry and escapes the rest', () => {
    expect(escapeText('a\u0007b\u0000 & <c> "d"')).toBe('ab &amp; &lt;c&gt; "d"');
    expect(escapeAttribute('x="1"\ny')).toBe('x=&quot;1&quot;&#10;y');
    expect(escapeText('\uD83D\uDE00 \uD83D')).toBe('\uD83D\uDE00 ');
  });
});
