/**
 * `npm run bench`: every hot path at every size on every backend, as markdown tables on stdout and in
 * bench/results/latest.md. Progress goes to stderr. See docs/benchmarks.md.
 *
 *   BENCH_SIZES=100000,1000000   places per data set (10000 for a quick run)
 *   BENCH_BACKENDS=sqlite,postgres
 *   BENCH_ONLY=viewport,list,place,http,import   sections to run
 *   BENCH_IMPORT_SIZE=100000     places per import file (each format, each backend)
 *   BENCH_PG_URL=postgres://…    use this server instead of starting one with scripts/pg.sh
 *   BENCH_RESULTS=path           where to write the markdown (default bench/results/latest.md)
 *   BENCH_SAMPLES=1000 BENCH_WARMUP=50 BENCH_DURATION=5 BENCH_CONNECTIONS=10,100 BENCH_NOW=<ISO instant>
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { benchHttp } from './http.ts';
import { benchImport } from './import.ts';
import {
  type BackendName,
  BENCH_NOW,
  openPostgresTarget,
  openSqliteTarget,
  type Target,
} from './lib/datasets.ts';
import { collectGarbage } from './lib/heap.ts';
import { HTTP_DURATION_S } from './lib/http-client.ts';
import { type PostgresServer, startPostgres } from './lib/postgres-server.ts';
import { waitForQuiet } from './lib/quiet.ts';
import { DEFAULT_TIMING } from './lib/stats.ts';
import { progress, renderTable } from './lib/table.ts';
import { buildWorkload, type Workload } from './lib/workload.ts';
import { benchList } from './list.ts';
import { benchPlaceById } from './place-by-id.ts';
import { Report } from './report.ts';
import { benchSupercluster, type SuperclusterReference } from './supercluster.ts';
import { benchViewport } from './viewport.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as BackendName[];
const ONLY = new Set((process.env.BENCH_ONLY ?? 'viewport,list,place,http,import').split(','));
const IMPORT_SIZE = Number(process.env.BENCH_IMPORT_SIZE ?? 100_000);
const RESULTS =
  process.env.BENCH_RESULTS ?? join(dirname(fileURLToPath(import.meta.url)), 'results/latest.md');

for (const size of SIZES) {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`BENCH_SIZES: "${size}" is not a number of places`);
}

const report = new Report(await machine());
let postgres: PostgresServer | null = null;
if (BACKENDS.includes('postgres')) {
  const started = await startPostgres();
  if ('error' in started) report.skip(`PostgreSQL skipped: ${started.error}`);
  else postgres = started;
}
// With a PostgreSQL server, its own handler stops it and exits; without one, Ctrl-C must still exit through
// process.exit, so that the temp copies of the SQLite databases are removed on the way out.
if (!postgres)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
if (postgres) report.machine.push(`PostgreSQL ${postgres.version} (scripts/pg.sh settings: fsync off)`);

try {
  if (ONLY.has('import')) {
    for (const backend of BACKENDS) {
      if (backend === 'postgres' && !postgres) continue;
      const label = `${backend} import of ${IMPORT_SIZE.toLocaleString('en-US')}`;
      progress(label);
      await waitForQuiet(label);
      collectGarbage();
      try {
        report.imports(await benchImport(backend, postgres?.url ?? null, IMPORT_SIZE));
      } catch (error) {
        report.skip(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await save();
    }
  }
  const sized = ['viewport', 'list', 'place', 'http'].some((name) => ONLY.has(name));
  for (const size of sized ? SIZES : []) {
    let workload: Workload | null = null;
    let reference: SuperclusterReference | null = null;
    for (const backend of BACKENDS) {
      if (backend === 'postgres' && !postgres) continue;
      const target: Target =
        backend === 'sqlite'
          ? await openSqliteTarget(size)
          : await openPostgresTarget((postgres as PostgresServer).url, size);
      try {
        workload ??= await buildWorkload(target.storage, size);
        const w = workload;
        if (ONLY.has('viewport')) {
          await section(target, 'viewport', async () => {
            if (!reference) {
              progress(`supercluster reference at ${size}`);
              reference = await benchSupercluster(w);
            }
            report.viewport(target, reference, await benchViewport(target, w));
          });
        }
        report.dataset(target, reference);
        if (ONLY.has('list'))
          await section(target, 'filtered list', async () => report.list(target, await benchList(target)));
        if (ONLY.has('place')) {
          await section(target, 'place by id', async () =>
            report.place(target, await benchPlaceById(target, w)),
          );
        }
        if (ONLY.has('http')) {
          await section(target, `HTTP (${HTTP_DURATION_S} s per line)`, async () =>
            report.http(target, await benchHttp(target, w)),
          );
        }
      } finally {
        await target.close();
      }
      await save();
    }
  }
} finally {
  await postgres?.stop();
}

const markdown = await save();
process.stdout.write(markdown);

/** One section on one target; a failure is reported in the results and the run goes on. */
async function section(target: Target, name: string, work: () => Promise<void>): Promise<void> {
  progress(`${target.backend} ${target.size}: ${name}`);
  const busy = await waitForQuiet(`${target.backend} ${target.size}: ${name}`);
  report.busy(target, name, busy);
  collectGarbage();
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`${target.backend} ${target.size}: ${name} failed: ${message}`);
    report.skip(`${target.backend} ${target.size.toLocaleString('en-US')}: ${name} failed: ${message}`);
  }
}

async function save(): Promise<string> {
  const markdown = report.render(renderTable);
  await mkdir(dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, markdown);
  return markdown;
}

async function machine(): Promise<string[]> {
  const cpu = cpus();
  const sqlite = new BetterSqlite3(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  return [
    `${new Date().toISOString().slice(0, 10)}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, SQLite ${sqliteVersion}`,
    `${DEFAULT_TIMING.samples} timed samples after ${DEFAULT_TIMING.warmup} warm-up calls per in-process line; ` +
      `clock pinned to ${BENCH_NOW.toISOString()} for "open now"`,
  ];
}
