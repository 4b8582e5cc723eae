/**
 * `npm run bench:search`: search quality on the judged fixture (test/fixtures/search), for Kvartal on SQLite
 * and PostgreSQL and for a MiniSearch baseline with default settings, as markdown on stdout (progress on
 * stderr). Always exits 0, since it is a report; with --strict it exits 1 when a Kvartal backend misses a
 * target. See docs/search-quality.md.
 *
 *   BENCH_BACKENDS=sqlite,postgres   Kvartal backends to measure (default both)
 *   BENCH_PG_URL=postgres://…        use this server instead of starting one with scripts/pg.sh
 */
import { readFile } from 'node:fs/promises';
import { openStorage } from '../../src/storage/open-storage.ts';
import type { FixturePlace } from '../../test/fixtures/search/build-places.ts';
import { GROUPS, type JudgedQuery } from '../../test/fixtures/search/build-queries.ts';
import { createDatabase, startPostgres } from '../lib/postgres-server.ts';
import { progress, renderTable } from '../lib/table.ts';
import { type Engine, kvartalEngine, miniSearchEngine } from './engines.ts';
import { outcome, type QueryOutcome, RECALL_AT, type Score, score } from './metrics.ts';

const TARGET_OVERALL = 0.95;
const TARGET_GROUP = 0.9;
const FIXTURES = new URL('../../test/fixtures/search/', import.meta.url);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',').map((b) => b.trim());
const STRICT = process.argv.includes('--strict');

interface Run {
  engine: string;
  kvartal: boolean;
  outcomes: QueryOutcome[] | null;
  skipped?: string;
  msPerQuery?: number;
}

const places: FixturePlace[] = JSON.parse(await readFile(new URL('places.json', FIXTURES), 'utf8'));
const queries: JudgedQuery[] = JSON.parse(await readFile(new URL('queries.json', FIXTURES), 'utf8'));
const byKey = new Map(places.map((p) => [p.key, p]));

const runs: Run[] = [];
if (BACKENDS.includes('sqlite')) {
  progress(`Kvartal SQLite: loading ${places.length} places`);
  runs.push(await measure(await kvartalEngine('Kvartal SQLite', openStorage(':memory:'), places), true));
}
if (BACKENDS.includes('postgres')) runs.push(await postgresRun());
progress('MiniSearch: indexing');
runs.push(await measure(miniSearchEngine(places), false));

console.log(report(runs));
const missed = runs.some((run) => run.kvartal && (run.outcomes === null || !verdicts(run.outcomes).pass));
process.exit(STRICT && missed ? 1 : 0);

async function postgresRun(): Promise<Run> {
  const engine = 'Kvartal PostgreSQL';
  const server = await startPostgres();
  if ('error' in server) return { engine, kvartal: true, outcomes: null, skipped: server.error };
  try {
    const database = await createDatabase(server.url, 'kvartal_search_quality');
    progress(`${engine}: loading ${places.length} places`);
    const storage = openStorage(database.url);
    return await measure(await kvartalEngine(engine, storage, places, database.drop), true);
  } finally {
    await server.stop();
  }
}

async function measure(engine: Engine, kvartal: boolean): Promise<Run> {
  progress(`${engine.name}: ${queries.length} queries`);
  const outcomes: QueryOutcome[] = [];
  const started = performance.now();
  try {
    for (const query of queries) {
      try {
        outcomes.push(outcome(query, await engine.search(query.q)));
      } catch (error) {
        outcomes.push(outcome(query, [], (error as Error).message));
      }
    }
  } finally {
    await engine.close();
  }
  return {
    engine: engine.name,
    kvartal,
    outcomes,
    msPerQuery: (performance.now() - started) / queries.length,
  };
}

function verdicts(outcomes: readonly QueryOutcome[]): { pass: boolean; overall: Score; groups: Score[] } {
  const overall = score(outcomes);
  const groups = GROUPS.map((g) => score(outcomes.filter((o) => o.query.group === g)));
  const pass = overall.recall >= TARGET_OVERALL && groups.every((s) => s.recall >= TARGET_GROUP);
  return { pass, overall, groups };
}

function report(all: readonly Run[]): string {
  const ran = all.filter((r): r is Run & { outcomes: QueryOutcome[] } => r.outcomes !== null);
  const fixed = (v: number) => v.toFixed(2);
  const cells = (run: Run, pick: (o: QueryOutcome[]) => QueryOutcome[]) => {
    if (!run.outcomes) return ['–', '–'];
    const s = score(pick(run.outcomes));
    return [fixed(s.recall), fixed(s.mrr)];
  };
  const rows = GROUPS.map((group) => [
    group,
    String(queries.filter((q) => q.group === group).length),
    ...all.flatMap((run) => cells(run, (o) => o.filter((x) => x.query.group === group))),
  ]);
  rows.push(['**overall**', String(queries.length), ...all.flatMap((run) => cells(run, (o) => o))]);
  const out = [
    renderTable({
      title: `Search quality: ${queries.length} judged queries over ${places.length} places`,
      columns: ['group', 'n', ...all.flatMap((r) => [`${r.engine} R@${RECALL_AT}`, 'MRR'])],
      rows,
      notes: [
        `R@${RECALL_AT}: share of the relevant places in the top ${RECALL_AT} (any ${RECALL_AT} when more are relevant); ` +
          'MRR: 1/rank of the first relevant place in the top 10. MiniSearch: default options, no synonyms.',
        ...all.filter((r) => r.skipped).map((r) => `${r.engine} skipped: ${r.skipped}`),
        ...ran.map((r) => `${r.engine}: ${(r.msPerQuery ?? 0).toFixed(2)} ms per query (one at a time).`),
      ],
    }),
  ];
  out.push(
    renderTable({
      title: `Targets: R@${RECALL_AT} ≥ ${TARGET_OVERALL} overall and ≥ ${TARGET_GROUP} in every group`,
      columns: ['engine', 'overall', ...GROUPS, 'verdict'],
      rows: all.map((run) => {
        if (!run.outcomes) return [run.engine, '–', ...GROUPS.map(() => '–'), 'MISS (not run)'];
        const v = verdicts(run.outcomes);
        // Three decimals: 0.896 must not print as a missed 0.90.
        const mark = (s: Score, target: number) =>
          `${s.recall.toFixed(3)} ${s.recall >= target ? 'PASS' : 'MISS'}`;
        const verdict = run.kvartal ? (v.pass ? 'PASS' : 'MISS') : '(baseline)';
        return [
          run.engine,
          mark(v.overall, TARGET_OVERALL),
          ...v.groups.map((s) => mark(s, TARGET_GROUP)),
          verdict,
        ];
      }),
    }),
  );
  for (const run of ran.filter((r) => r.kvartal)) out.push(failures(run));
  return out.join('\n');
}

/** Every query a Kvartal backend did not answer in full, with what it returned instead. */
function failures(run: Run & { outcomes: QueryOutcome[] }): string {
  const failed = run.outcomes.filter((o) => o.recall < 1);
  const lines = [
    `### ${run.engine}: ${failed.length} of ${run.outcomes.length} queries below full recall`,
    '',
  ];
  for (const group of GROUPS) {
    const inGroup = failed.filter((o) => o.query.group === group);
    if (!inGroup.length) continue;
    lines.push(`**${group}** (${inGroup.length})`, '');
    for (const o of inGroup) {
      const wanted = new Set(o.query.relevant);
      const got = o.got.slice(0, RECALL_AT).map((key) => `${wanted.has(key) ? '✓ ' : ''}${nameOf(key)}`);
      lines.push(
        `- \`${o.query.q}\` R@${RECALL_AT} ${o.recall.toFixed(2)}: expected ${expected(o.query)}; ` +
          `got ${o.error ? `error: ${o.error}` : got.length ? got.join(' · ') : 'nothing'}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function expected(query: JudgedQuery): string {
  if (query.relevant.length <= RECALL_AT) return query.relevant.map(nameOf).join(' · ');
  const categories = [...new Set(query.relevant.map((key) => byKey.get(key)?.category))].join(', ');
  return `any ${RECALL_AT} of the ${query.relevant.length} places in ${categories}`;
}

function nameOf(key: string): string {
  const names = byKey.get(key)?.names;
  return names ? (names.ru ?? Object.values(names)[0] ?? key) : key;
}
