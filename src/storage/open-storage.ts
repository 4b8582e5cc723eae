import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPostgres } from './postgres/postgres-storage.ts';
import type { Storage } from './repositories.ts';
import { openSqlite } from './sqlite/sqlite-storage.ts';

export const DEFAULT_DATABASE_URL = './data/kvartal.db';

/** `postgres://…` → PostgreSQL; a path, `sqlite:path`, `file:` URL or `:memory:` → SQLite. */
export function openStorage(databaseUrl: string = DEFAULT_DATABASE_URL): Storage {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl);
  if (databaseUrl.startsWith('file:')) return openSqlite(fileURLToPath(databaseUrl));
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  return openSqlite(path === ':memory:' ? path : resolve(path));
}

export function describeDatabase(databaseUrl: string): string {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? databaseUrl.replace(/\/\/[^@/]*@/, '//***@') : databaseUrl;
}
