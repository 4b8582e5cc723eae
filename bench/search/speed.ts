/**
 * Search speed at scale: text query + filters in process and over HTTP, suggest, and how fast places are
 * indexed, on SQLite and PostgreSQL, beside MiniSearch (default settings) on the same generated places.
 *
 *   npm run bench:search-speed                 # 100k and 1M places (BENCH_SIZES), both backends
 *   BENCH_SIZES=100000 BENCH_BACKENDS=sqlite npm run bench:search-speed
 *   BENCH_HTTP=0                                # in process only
 *   BENCH_REUSE_DB=1                            # keep and reuse loaded databases (see bench/lib/datasets.ts)
 *   BENCH_PG_URL=postgres://…                   # a running server instead of a throwaway one
 *
 * Suggest answers are cached per prefix until the data changes, so suggest is measured twice: the repeated
 * prefixes of the main table (cache hits after the first call), and each prefix's first call.
 */
import { writeFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { generateDemoPlaces } from '../../src/demo/generate.ts';
import { indexPlace } from '../../src/search/place-indexer.ts';
import { listPlaces } from '../../src/usecases/list-places.ts';
import { suggest } from '../../src/usecases/suggest.ts';
import { BENCH_NOW, openPostgresTarget, openSqliteTarget, type Target } from '../lib/datasets.ts';
import { load, startServer } from '../lib/http-client.ts';
import { startPostgres } from '../lib/postgres-server.ts';
import { mulberry32, pickFrom } from '../lib/prng.ts';
import { type Summary, timeCalls } from '../lib/stats.ts';
import { count, ms, progress, renderTable, verdict } from '../lib/table.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
// MiniSearch keeps every document in memory: past this size the baseline is skipped rather than swapping.
const MINISEARCH_MAX = Number(process.env.BENCH_MINISEARCH_MAX ?? 1_000_000);

/** What people type: names, categories in several languages, romanisations, typos, with a place. */
const QUERIES = [
  'кафе',
  'pekara',
  'frizer dorcol',
  'сырники',
  'детский сад',
  'vrtic',
  'bar',
  'stomatolog',
  'kafa vracar',
  'pekarra',
  'парикмахерская',
  'hair salon',
  'yoga',
  'шаурма',
  'knjizara',
  'ремонт',
  'psiholog',
  'coworking',
  'пекарня новый белград',
  'teatar',
  'syrniki',
  'zubar',
  'маникюр',
  'dance',
];
const PREFIXES = ['сыр', 'pek', 'fri', 'дет', 'vrt', 'kaf', 'пар', 'ba', 'sto', 'кни'];
/** Every 2- to 6-letter start of a query word: what typing the queries sends, each once. */
const FIRST_PREFIXES = [
  ...new Set(
    QUERIES.flatMap((q) => q.split(' ')).flatMap((word) =>
      Array.from({ length: Math.min(6, word.length) - 1 }, (_, i) => word.slice(0, i + 2)),
    ),
  ),
];
const CITIES = ['belgrade', 'novi-sad'];

interface Line {
  backend: string;
  size: number;
  query: Summary;
  suggest: Summary;
  suggestFirst: Summary;
  http: { p50: number; p99: number; rps: number; answered: string } | null;
}

const random = mulberry32(7);
const requests = Array.from({ length: 2000 }, () => ({
  q: pickFrom(random, QUERIES),
  city: pickFrom(random, CITIES),
  openNow: random() < 0.3,
}));

async function measure(target: Target): Promise<Line> {
  const { ctx } = target;
  progress(`${target.backend} ${target.size}: text query + filters`);
  const query = await timeCalls((i) => {
    const r = requests[i % requests.length] as (typeof requests)[number];
    return listPlaces(ctx, { q: r.q, city: r.city, openNow: r.openNow, locale: 'ru', limit: 20 });
  });
  progress(`${target.backend} ${target.size}: suggest, first call of ${FIRST_PREFIXES.length} prefixes`);
  const suggestFirst = await timeCalls(
    (i) => suggest(ctx, { q: FIRST_PREFIXES[i] as string, locale: 'ru' }),
    { samples: FIRST_PREFIXES.length, warmup: 0 },
  );
  progress(`${target.backend} ${target.size}: suggest`);
  const suggested = await timeCalls((i) =>
    suggest(ctx, { q: PREFIXES[i % PREFIXES.length] as string, locale: 'ru' }),
  );
  let http: Line['http'] = null;
  if (process.env.BENCH_HTTP !== '0') {
    progress(`${target.backend} ${target.size}: HTTP, 100 connections`);
    const server = await startServer(['app', target.url, BENCH_NOW.toISOString()]);
    try {
      const path = (i: number) => {
        const r = requests[i % requests.length] as (typeof requests)[number];
        return `/api/v1/places?q=${encodeURIComponent(r.q)}&city=${r.city}&limit=20${r.openNow ? '&open_now=true' : ''}`;
      };
      const result = await load(server.url, 100, path);
      // A run where requests failed or none completed measured nothing: report it as a miss, not a time.
      // Requests still waiting at the end are in no latency figure: when they outnumber the answers, the
      // percentiles describe only the lucky few, so the line is a miss as well.
      const { answered, unanswered } = result;
      const share = `${count(answered)} of ${count(answered + unanswered)}`;
      http =
        result.failures > 0 || result.requestsPerSecond === 0 || unanswered > answered
          ? { p50: Number.NaN, p99: Number.POSITIVE_INFINITY, rps: result.requestsPerSecond, answered: share }
          : { p50: result.p50, p99: result.p99, rps: result.requestsPerSecond, answered: share };
    } finally {
      await server.stop();
    }
  }
  return { backend: target.backend, size: target.size, query, suggest: suggested, suggestFirst, http };
}

/** Keys for every place (the search module), then the database's full-text index rebuilt from them. */
async function indexRate(size: number): Promise<{ keysPerSecond: number }> {
  const places = [...generateDemoPlaces(Math.min(size, 200_000))];
  const start = process.hrtime.bigint();
  for (const place of places) indexPlace(place);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { keysPerSecond: places.length / seconds };
}

function miniSearchBaseline(size: number): { buildPerSecond: number; query: Promise<Summary> } | null {
  if (size > MINISEARCH_MAX) return null;
  progress(`MiniSearch ${size}: build`);
  const search = new MiniSearch({ fields: ['names', 'descriptions', 'address', 'category', 'tags'] });
  const start = process.hrtime.bigint();
  let id = 0;
  for (const place of generateDemoPlaces(size)) {
    search.add({
      id: id++,
      names: Object.values(place.names).join(' '),
      descriptions: Object.values(place.descriptions).join(' '),
      address: place.address ?? '',
      category: place.category,
      tags: place.tags.join(' '),
    });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    buildPerSecond: size / seconds,
    query: timeCalls((i) => search.search((requests[i % requests.length] as (typeof requests)[number]).q)),
  };
}

const lines: Line[] = [];
const indexing: string[][] = [];
const baseline: string[][] = [];
const pg = BACKENDS.includes('postgres') ? await startPostgres() : null;
try {
  for (const size of SIZES) {
    const rate = await indexRate(size);
    indexing.push([
      count(size),
      count(Math.round(rate.keysPerSecond)),
      verdict(rate.keysPerSecond >= 20_000, '≥ 20k places/s'),
    ]);
    if (BACKENDS.includes('sqlite')) {
      const target = await openSqliteTarget(size);
      try {
        lines.push(await measure(target));
      } finally {
        await target.close();
      }
    }
    if (pg && 'url' in pg) {
      const target = await openPostgresTarget(pg.url, size);
      try {
        lines.push(await measure(target));
      } finally {
        await target.close();
      }
    } else if (pg) {
      progress(`PostgreSQL skipped: ${pg.error}`);
    }
    const mini = miniSearchBaseline(size);
    if (mini) {
      const q = await mini.query;
      baseline.push([count(size), count(Math.round(mini.buildPerSecond)), ms(q.p50), ms(q.p99)]);
    }
  }
} finally {
  if (pg && 'stop' in pg) await pg.stop();
}

const tables = [
  renderTable({
    title: 'Search speed: text query + filters (city, sometimes open now), 20 a page',
    columns: [
      'Backend',
      'Places',
      'in-process p50',
      'p99',
      'Target',
      'HTTP c100 req/s',
      'answered',
      'HTTP p50',
      'HTTP p99',
      'Target',
      'suggest p50',
      'suggest p99',
      'Target',
      'first-call suggest p50',
      'p99',
    ],
    rows: lines.map((l) => [
      l.backend,
      count(l.size),
      ms(l.query.p50),
      ms(l.query.p99),
      verdict(l.query.p99 <= 15, 'p99 ≤ 15 ms'),
      l.http ? count(Math.round(l.http.rps)) : '–',
      l.http ? l.http.answered : '–',
      l.http ? ms(l.http.p50) : '–',
      l.http ? ms(l.http.p99) : '–',
      l.http ? verdict(l.http.p99 <= 25, 'p99 ≤ 25 ms') : '–',
      ms(l.suggest.p50),
      ms(l.suggest.p99),
      verdict(l.suggest.p99 <= 10, 'p99 ≤ 10 ms'),
      ms(l.suggestFirst.p50),
      ms(l.suggestFirst.p99),
    ]),
    notes: [
      'suggest: the 10 prefixes of the table, repeated (answers are cached per prefix until the data changes); ' +
        `first-call suggest: ${FIRST_PREFIXES.length} distinct prefixes, each asked once (no cache). ` +
        'answered: HTTP requests answered of those sent; when fewer than half were answered in the run, the ' +
        'percentiles would describe only the fast few, so the line shows no time and counts as a miss.',
    ],
  }),
  renderTable({
    title: 'Search index: keys made per second by the search module (one core)',
    columns: ['Places', 'places/s', 'Target'],
    rows: indexing,
    notes: ['The database side (FTS5 / GIN) is part of the load figures in `npm run bench`.'],
  }),
  renderTable({
    title: 'Baseline: MiniSearch, default settings, in memory, same places and queries',
    columns: ['Places', 'index places/s', 'query p50', 'query p99'],
    rows: baseline,
  }),
];
const report = tables.join('\n');
console.log(report);
await writeFile('bench/results/search-speed.md', `## Kvartal search speed\n\n${report}`);
