import pg from 'pg';
import { openStorage } from '../../src/storage/open-storage.ts';
import type { Storage } from '../../src/storage/repositories.ts';

export type Backend = 'sqlite' | 'postgres';

const PG_URL = process.env.KVARTAL_TEST_PG_URL;
if (process.env.CI && !PG_URL) {
  throw new Error(
    'CI runs every suite on PostgreSQL too: start one with scripts/pg.sh and set KVARTAL_TEST_PG_URL',
  );
}

/** Every backend the suites run on: SQLite always, PostgreSQL when a test server is given (always in CI). */
export const BACKENDS: Backend[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  storage: Storage;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: SQLite in memory, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'sqlite') {
    const storage = openStorage(':memory:');
    return { storage, url: ':memory:', drop: () => storage.close() };
  }
  if (!PG_URL) throw new Error('KVARTAL_TEST_PG_URL is not set');
  const name = `kvartal_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const storage = openStorage(url.toString());
  return {
    storage,
    url: url.toString(),
    drop: async () => {
      await storage.close();
      const cleanup = new pg.Client({ connectionString: PG_URL });
      await cleanup.connect();
      // The pool's connections close asynchronously: wait for them rather than FORCE, which would kill a
      // connection that is still saying goodbye and surface as an unhandled error in the test run.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleanup.end();
    },
  };
}
