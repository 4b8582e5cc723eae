import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqlBool } from 'kysely';
import { KyselyStorage } from '../kysely/kysely-storage.ts';
import type { SpatialSql } from '../kysely/place-repository.ts';
import type { Database } from '../schema.ts';

const spatial: SpatialSql = {
  inBBox: (_eb, b) =>
    sql<SqlBool>`places.id IN (SELECT id FROM places_rtree WHERE min_lon >= ${b.minLon} AND max_lon <= ${b.maxLon}
      AND min_lat >= ${b.minLat} AND max_lat <= ${b.maxLat})`,
};

/** SQLite through better-sqlite3: WAL so readers never wait for the writer, foreign keys enforced. */
export function openSqlite(path: string): KyselyStorage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return new KyselyStorage(db, { name: 'sqlite', nativeNearestNeighbour: false }, spatial);
}
