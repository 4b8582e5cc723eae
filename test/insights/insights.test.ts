import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/usecases/create-context.ts';
import { cityInsights } from '../../src/usecases/insights.ts';
import { BACKENDS, freshDatabase } from '../support/backends.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addDemoPlaces, addEvents, addPlaces, INSIGHTS_NOW, REAL_PLACES } from './fixture.ts';

describe.each(BACKENDS)('community insights on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: false, now: INSIGHTS_NOW });
    await addDemoPlaces(server.ctx);
    await addPlaces(server.ctx, REAL_PLACES);
    await addEvents(server.ctx);
  });
  afterAll(() => server.close());

  it('counts every figure of the fixture exactly', async () => {
    const figures = await cityInsights(server.ctx, { locale: 'en' });
    expect(figures.city).toEqual({ slug: 'belgrade', name: 'Belgrade' });
    expect([figures.from, figures.to, figures.months.length]).toEqual(['2024-07', '2025-06', 12]);
    expect(figures.demo).toBe(false);
    expect(figures.totals).toEqual({ activePlaces: 7, opened: 7, closed: 2, eventOccurrences: 11 });
    expect(figures.byCategory).toEqual([
      { slug: 'cafe', name: 'Café', count: 3, share: 0.4286 },
      { slug: 'dentist', name: expect.any(String), count: 1, share: 0.1429 },
      { slug: 'gym', name: expect.any(String), count: 1, share: 0.1429 },
      { slug: 'hair-salon', name: expect.any(String), count: 1, share: 0.1429 },
      { slug: 'restaurant', name: expect.any(String), count: 1, share: 0.1429 },
    ]);
    expect(figures.byNeighbourhood).toEqual([
      { slug: 'dorcol', name: 'Dorćol', count: 3, share: 0.4286 },
      { slug: 'vracar', name: 'Vračar', count: 2, share: 0.2857 },
      { slug: 'zemun', name: 'Zemun', count: 1, share: 0.1429 },
      { slug: null, name: null, count: 1, share: 0.1429 },
    ]);
    expect(figures.openedClosedPerMonth.filter((m) => m.opened || m.closed)).toEqual([
      { month: '2024-08', opened: 2, closed: 0 },
      { month: '2024-09', opened: 0, closed: 1 },
      { month: '2024-10', opened: 1, closed: 0 },
      { month: '2025-01', opened: 1, closed: 0 },
      { month: '2025-02', opened: 1, closed: 0 },
      { month: '2025-03', opened: 0, closed: 1 },
      { month: '2025-05', opened: 1, closed: 0 },
      { month: '2025-06', opened: 1, closed: 0 },
    ]);
    expect(figures.newestPlaces.map((p) => p.name)).toEqual(['J', 'H', 'E', 'C', 'B', 'A', 'I']);
    expect(figures.eventsPerMonthByType.map((e) => [e.month, e.type, e.count])).toEqual([
      ['2024-07', 'meetup', 1],
      ['2024-08', 'meetup', 1],
      ['2024-09', 'meetup', 1],
      ['2024-10', 'meetup', 1],
      ['2025-03', 'concert', 1],
      ['2025-05', 'language-exchange', 5],
      ['2025-06', 'language-exchange', 1],
    ]);
    expect(figures.languages).toEqual([
      { code: 'ru', count: 6, share: 0.8571 },
      { code: 'en', count: 2, share: 0.2857 },
      { code: 'sr', count: 1, share: 0.1429 },
      { code: 'uk', count: 1, share: 0.1429 },
    ]);
  });

  const get = (url: string) => server.app.inject({ url });

  it('answers the same figures as JSON, in the API’s snake_case', async () => {
    const response = await get('/api/v1/insights?city=belgrade&from=2024-07&to=2025-06&locale=ru');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.city).toEqual({ slug: 'belgrade', name: 'Белград' });
    expect(body.totals).toEqual({ active_places: 7, opened: 7, closed: 2, event_occurrences: 11 });
    expect(body.by_category[0]).toEqual({ slug: 'cafe', name: 'Кафе', count: 3, share: 0.4286 });
    expect(body.by_neighbourhood.at(-1)).toEqual({ slug: null, name: null, count: 1, share: 0.1429 });
    expect(body.opened_closed_per_month).toHaveLength(12);
    expect(body.newest_places[0]).toMatchObject({
      name: 'J',
      category: 'dentist',
      created: '2025-06-02T09:00:00.000Z',
    });
    expect(body.newest_places[0].url).toMatch(/^http:\/\/[^/]+\/ru\/p\/\d+-j$/);
    expect(body.events_per_month_by_type).toContainEqual({
      month: '2025-05',
      type: 'language-exchange',
      type_name: 'Языковой обмен',
      count: 5,
    });
    expect(body.languages.map((l: { code: string }) => l.code)).toEqual(['ru', 'en', 'sr', 'uk']);
    // A shorter period: only its months, only its openings.
    const spring = (await get('/api/v1/insights?from=2025-03&to=2025-05')).json();
    expect(spring.opened_closed_per_month).toEqual([
      { month: '2025-03', opened: 0, closed: 1 },
      { month: '2025-04', opened: 0, closed: 0 },
      { month: '2025-05', opened: 1, closed: 0 },
    ]);
    expect(spring.totals.event_occurrences).toBe(6);
    // A date counts as its month.
    expect((await get('/api/v1/insights?from=2025-03-14&to=2025-05-31')).json().from).toBe('2025-03');
  });

  it('gives each figure as CSV: UTF-8 with a byte-order mark, CRLF, a header of stable names', async () => {
    const csv = async (figure: string) => {
      const response = await get(`/api/v1/insights/${figure}.csv?city=belgrade&locale=en`);
      expect(response.statusCode, figure).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="kvartal-belgrade-${figure}-2024-07-2025-06.csv"`,
      );
      expect(response.body.startsWith('\uFEFF')).toBe(true);
      return response.body.slice(1).split('\r\n');
    };
    expect(await csv('categories')).toEqual([
      'category,name,places,share',
      'cafe,Café,3,0.4286',
      expect.stringMatching(/^dentist,.+,1,0\.1429$/),
      expect.stringMatching(/^gym,.+,1,0\.1429$/),
      expect.stringMatching(/^hair-salon,.+,1,0\.1429$/),
      expect.stringMatching(/^restaurant,.+,1,0\.1429$/),
      '',
    ]);
    expect(await csv('neighbourhoods')).toEqual([
      'neighbourhood,name,places,share',
      'dorcol,Dorćol,3,0.4286',
      'vracar,Vračar,2,0.2857',
      'zemun,Zemun,1,0.1429',
      ',,1,0.1429',
      '',
    ]);
    const changes = await csv('opened-closed');
    expect(changes[0]).toBe('month,opened,closed');
    expect(changes.slice(1, 5)).toEqual(['2024-07,0,0', '2024-08,2,0', '2024-09,0,1', '2024-10,1,0']);
    expect(changes).toHaveLength(14);
    expect(await csv('events')).toEqual([
      'month,type,type_name,events',
      '2024-07,meetup,Meetup,1',
      '2024-08,meetup,Meetup,1',
      '2024-09,meetup,Meetup,1',
      '2024-10,meetup,Meetup,1',
      '2025-03,concert,Concert,1',
      '2025-05,language-exchange,Language exchange,5',
      '2025-06,language-exchange,Language exchange,1',
      '',
    ]);
    expect(await csv('languages')).toEqual([
      'language,name,places,share',
      'ru,Russian,6,0.8571',
      'en,English,2,0.2857',
      'sr,Serbian,1,0.1429',
      'uk,Ukrainian,1,0.1429',
      '',
    ]);
    const newest = await csv('newest');
    expect(newest[0]).toBe('id,name,category,category_name,created,url');
    expect(newest.slice(1, -1).map((line) => line.split(',')[1])).toEqual([
      'J',
      'H',
      'E',
      'C',
      'B',
      'A',
      'I',
    ]);
  });

  it('refuses bad parameters with a 400 that names them', async () => {
    const cases: [string, string][] = [
      ['/api/v1/insights?city=atlantis', 'city'],
      ['/api/v1/insights?from=2025-13', 'from'],
      ['/api/v1/insights?from=yesterday', 'from'],
      ['/api/v1/insights?to=2025-02-30', 'to'],
      ['/api/v1/insights?from=2025-06&to=2025-01', 'to'],
      ['/api/v1/insights?from=2023-01&to=2025-01', 'to'],
      ['/api/v1/insights?locale=de', 'locale'],
      ['/api/v1/insights/everything.csv', 'figure'],
      ['/api/v1/insights/categories.csv?city=atlantis', 'city'],
    ];
    for (const [url, field] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().field, url).toBe(field);
    }
    // 24 months is the longest period.
    expect((await get('/api/v1/insights?from=2023-07&to=2025-06')).statusCode).toBe(200);
  });

  it('renders the page with every figure, its table and its CSV link, linked from the footer', async () => {
    const response = await get('/sr-Latn/insights/belgrade');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1>Zajednica u brojkama: Beograd</h1>');
    expect(body.match(/<svg class="chart /g)?.length).toBe(2 + 1 + 3 + 1);
    expect(body.match(/role="img"/g)?.length).toBeGreaterThanOrEqual(7);
    expect(body.match(/<table class="data-table/g)).toHaveLength(6);
    expect(body).toContain(
      'href="/api/v1/insights/categories.csv?city=belgrade&amp;from=2024-07&amp;to=2025-06&amp;locale=sr-Latn"',
    );
    expect(body).toContain('<th scope="row">Naselje nije navedeno</th>');
    const footer = body.slice(body.indexOf('<footer class="site-footer">'));
    expect(footer).toContain('href="/sr-Latn/insights"');
    // The first city without a path; an unknown one is not found; a bad period falls back and says so.
    expect((await get('/en/insights')).body).toContain('<h1>Community insights: Belgrade</h1>');
    expect((await get('/en/insights/atlantis')).statusCode).toBe(404);
    const fallback = await get('/en/insights/belgrade?from=2025-99');
    expect(fallback.statusCode).toBe(200);
    expect(fallback.body).toContain('could not be used (Write a month, such as 2025-01.)');
    const russian = (await get('/ru/insights/belgrade?from=2025-01&to=2027-06')).body;
    expect(russian).toContain('Период может быть не длиннее 24 месяцев.');
    const cyrillic = (await get('/sr-Cyrl/insights/novi-sad')).body;
    expect(cyrillic).toContain('Заједница у бројкама: Нови Сад');
    // Names of formats stay Latin in the Cyrillic text.
    expect(cyrillic).toContain('Преузми табелу (CSV)');
    expect(cyrillic).toContain('по времену града');
  });
});

describe.each(BACKENDS)('insights of an instance with only demo data on %s', (backend) => {
  it('shows the demo figures and says so; real places, once there, replace them', async () => {
    const database = await freshDatabase(backend);
    try {
      const ctx = await createContext(database.storage, { now: () => INSIGHTS_NOW });
      await addDemoPlaces(ctx);
      const demo = await cityInsights(ctx, { locale: 'en' });
      expect(demo.demo).toBe(true);
      expect(demo.totals.activePlaces).toBe(2);
      expect(demo.byCategory.map((c) => [c.slug, c.count])).toEqual([['cafe', 2]]);
      expect(demo.languages).toEqual([{ code: 'ru', count: 2, share: 1 }]);
      // Demo places keep no history: they opened when they were loaded.
      expect(demo.openedClosedPerMonth.at(-1)).toEqual({ month: '2025-06', opened: 3, closed: 0 });
      await addPlaces(ctx, REAL_PLACES);
      const real = await cityInsights(ctx, { locale: 'en' });
      expect(real.demo).toBe(false);
      expect(real.totals).toMatchObject({ activePlaces: 7, opened: 7, closed: 2 });
    } finally {
      await database.drop();
    }
  });
});

describe.each(BACKENDS)('opening dates, the city’s months and the figure cache on %s', (backend) => {
  it('counts a stated opening month, puts hours in Belgrade’s months, and recounts only after a change', async () => {
    const database = await freshDatabase(backend);
    try {
      const ctx = await createContext(database.storage, { now: () => INSIGHTS_NOW });
      const places = await addPlaces(ctx, [
        // 00:30 on 1 April in Belgrade (summer time, UTC+2) is still 31 March in UTC.
        {
          name: 'April',
          category: 'cafe',
          neighbourhood: null,
          languages: [],
          history: [['2025-03-31T22:30:00Z', 'active']],
        },
        // Added in May 2025, but it says it opened in December 2024.
        {
          name: 'Stated',
          category: 'cafe',
          neighbourhood: null,
          languages: [],
          opened: '2024-12',
          history: [['2025-05-02T09:00:00Z', 'active']],
        },
        // Opened in January; closed at 00:30 on 1 March in Belgrade (winter time, UTC+1).
        {
          name: 'Closed',
          category: 'bakery',
          neighbourhood: null,
          languages: [],
          history: [
            ['2025-01-10T09:00:00Z', 'active'],
            ['2025-02-28T23:30:00Z', 'closed'],
          ],
        },
      ]);
      const counted = vi.spyOn(ctx.storage.insights, 'openings');
      const figures = await cityInsights(ctx, { locale: 'en' });
      expect(figures.openedClosedPerMonth.filter((m) => m.opened || m.closed)).toEqual([
        { month: '2024-12', opened: 1, closed: 0 },
        { month: '2025-01', opened: 1, closed: 0 },
        { month: '2025-03', opened: 0, closed: 1 },
        { month: '2025-04', opened: 1, closed: 0 },
      ]);
      expect((await cityInsights(ctx, { locale: 'ru' })).totals).toEqual(figures.totals);
      expect(counted).toHaveBeenCalledTimes(1);

      const stated = places.Stated;
      if (!stated) throw new Error('fixture');
      await ctx.storage.places.update(
        stated.id,
        { ...stated, opened: '2025-02-14' },
        { action: 'edit', authorId: null },
      );
      const changed = await cityInsights(ctx, { locale: 'en' });
      expect(counted).toHaveBeenCalledTimes(2);
      expect(changed.openedClosedPerMonth.filter((m) => m.opened).map((m) => m.month)).toEqual([
        '2025-01',
        '2025-02',
        '2025-04',
      ]);
    } finally {
      await database.drop();
    }
  });
});
