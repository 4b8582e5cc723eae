import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStorage } from '../../src/storage/open-storage.ts';
import type { Storage } from '../../src/storage/repositories.ts';
import type { AppContext } from '../../src/usecases/context.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { loadDemo } from '../../src/usecases/demo-data.ts';
import { createDatabase, query } from './postgres-server.ts';
import { progress } from './table.ts';

export type BackendName = 'sqlite' | 'postgres';

export interface LoadReport {
  /** False when the SQLite file came from bench/.cache (no load time then). */
  generated: boolean;
  ms: number;
  places: number;
  sizeBytes: number;
}

/** One backend holding one generated data set, opened the way the server opens it. */
export interface Target {
  backend: BackendName;
  size: number;
  /** What DATABASE_URL would be: the HTTP benchmarks start a server process on it. */
  url: string;
  storage: Storage;
  ctx: AppContext;
  load: LoadReport;
  close(): Promise<void>;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE_DIR = join(ROOT, 'bench/.cache');

/**
 * "Open now" depends on the clock, so the benchmark pins it: a Wednesday, 12:30 in Belgrade, when most
 * kinds of place are open. BENCH_NOW (an ISO instant) overrides it.
 */
export const BENCH_NOW = new Date(process.env.BENCH_NOW ?? '2025-06-11T10:30:00Z');
const now = () => BENCH_NOW;

/** SQLite in a temp file (WAL, as the server runs it), copied from a cached generated database. */
export async function openSqliteTarget(size: number): Promise<Target> {
  const cached =
    (await reusableCache(size)) ?? join(CACHE_DIR, `places-${size}-${await generatorVersion()}.db`);
  let load: LoadReport;
  if (await exists(cached)) {
    progress(`sqlite ${size}: using cached ${cached.slice(ROOT.length + 1)}`);
    load = { generated: false, ms: 0, places: size, sizeBytes: (await stat(cached)).size };
  } else {
    load = await generateSqlite(cached, size);
  }
  const dir = await mkdtemp(join(tmpdir(), 'kvartal-bench-sqlite-'));
  // A copy is as big as the database (over a gigabyte at 1M): do not leave it behind if the run is cut short.
  const removeCopy = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeCopy);
  const path = join(dir, 'kvartal.db');
  await copyFile(cached, path);
  const storage = openStorage(path);
  const ctx = await createContext(storage, { now });
  return {
    backend: 'sqlite',
    size,
    url: path,
    storage,
    ctx,
    load,
    close: async () => {
      await storage.close();
      process.off('exit', removeCopy);
      removeCopy();
    },
  };
}

/**
 * A fresh PostgreSQL database on the bench server, loaded through the same use case as `kvartal demo`.
 * BENCH_REUSE_DB=1 keeps it after the run and, next time, uses it again if it holds `size` places.
 */
export async function openPostgresTarget(serverUrl: string, size: number): Promise<Target> {
  const name = `kvartal_bench_${size}`;
  const reuse = process.env.BENCH_REUSE_DB === '1';
  const kept = reuse ? await existingDatabase(serverUrl, name, size) : null;
  const database = kept ?? (await createDatabase(serverUrl, name));
  const storage = openStorage(database.url);
  const ctx = await createContext(storage, { now });
  let ms = 0;
  if (kept) {
    progress(`postgres ${size}: using the database kept by an earlier run`);
  } else {
    ms = await timedLoad(storage, size, `postgres ${size}`);
    // Autovacuum would analyze the new rows within a minute; doing it now measures the steady state.
    await query(database.url, 'VACUUM ANALYZE');
  }
  const [sized] = await query(database.url, 'SELECT pg_database_size(current_database()) AS bytes');
  const sizeBytes = Number(sized?.bytes ?? 0);
  return {
    backend: 'postgres',
    size,
    url: database.url,
    storage,
    ctx,
    load: { generated: !kept, ms, places: size, sizeBytes },
    close: async () => {
      await storage.close();
      if (!reuse) await database.drop();
    },
  };
}

/** The database a previous run kept, if it exists and is complete. */
async function existingDatabase(
  serverUrl: string,
  name: string,
  size: number,
): Promise<{ url: string; drop(): Promise<void> } | null> {
  const [found] = await query(serverUrl, `SELECT 1 AS found FROM pg_database WHERE datname = '${name}'`);
  if (!found) return null;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const counted = await query(url.toString(), 'SELECT count(*) AS n FROM places').catch(() => []);
  if (Number(counted[0]?.n) !== size) return null;
  return { url: url.toString(), drop: async () => {} };
}

/**
 * BENCH_REUSE_DB=1: any complete cached database of this size, whatever code version made it (migrations
 * bring its schema up to date when it is opened). For work on the query side, where regenerating a million
 * places after every edit measures nothing new; wrong when the edit changes what is stored.
 */
async function reusableCache(size: number): Promise<string | null> {
  if (process.env.BENCH_REUSE_DB !== '1') return null;
  const names = await readdir(CACHE_DIR).catch(() => [] as string[]);
  const found = names.filter((f) => f.startsWith(`places-${size}-`) && f.endsWith('.db'));
  if (found.length === 0) return null;
  const dated = await Promise.all(
    found.map(async (f) => ({ path: join(CACHE_DIR, f), mtime: (await stat(join(CACHE_DIR, f))).mtimeMs })),
  );
  return dated.sort((a, b) => b.mtime - a.mtime)[0]?.path ?? null;
}

async function generateSqlite(file: string, size: number): Promise<LoadReport> {
  await mkdir(dirname(file), { recursive: true });
  // Databases of older code versions at this size are dead weight (1M places is over a gigabyte). Another run's
  // half-written file is left alone; each process writes its own and renames it when complete.
  const stale = (await readdir(dirname(file))).filter(
    (f) => f.startsWith(`places-${size}-`) && !f.includes('.partial') && !file.endsWith(f),
  );
  for (const name of stale) await rm(join(dirname(file), name), { force: true });
  const partial = `${file}.${process.pid}.partial`;
  for (const suffix of ['', '-wal', '-shm']) await rm(partial + suffix, { force: true });
  const storage = openStorage(partial);
  await createContext(storage, { now });
  const ms = await timedLoad(storage, size, `sqlite ${size}`);
  await storage.close();
  await rename(partial, file);
  return { generated: true, ms, places: size, sizeBytes: (await stat(file)).size };
}

async function timedLoad(storage: Storage, size: number, label: string): Promise<number> {
  progress(`${label}: generating and loading ${size.toLocaleString('en-US')} places`);
  const start = process.hrtime.bigint();
  let reported = 0;
  const written = await loadDemo(storage, size, (done, total) => {
    if (done > reported && (done - reported >= total / 10 || done === total)) {
      reported = done;
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      progress(
        `${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} in ${seconds.toFixed(0)} s`,
      );
    }
  });
  if (written !== size) throw new Error(`${label}: loaded ${written} places, expected ${size}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Cached databases are keyed by everything that can change their content: the generator, the domain (seed
 * taxonomy, text folding), the search keys written beside each place, and the storage layer with its
 * migrations. Change any of them and the next run regenerates (a stale cache would measure old code).
 */
async function generatorVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['src/demo', 'src/domain', 'src/search', 'src/storage']) {
    const files = (await readdir(join(ROOT, dir), { recursive: true }))
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const file of files) hash.update(`${dir}/${file}`).update(await readFile(join(ROOT, dir, file)));
  }
  return hash.digest('hex').slice(0, 10);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
