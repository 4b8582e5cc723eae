import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { KyselyStorage } from '../kysely/kysely-storage.ts';
import type { DialectSql } from '../kysely/place-repository.ts';
import type { Database } from '../schema.ts';
import { sqliteInsertRows } from './sqlite-insert-rows.ts';
import { withStatementCache } from './statement-cache.ts';
import { TransactionalSqliteDialect } from './transactional-dialect.ts';

const dialect: DialectSql = {
  // The R*Tree stores 32-bit floats rounded outwards, so it finds candidates and the exact columns decide.
  inBBox: (_eb, b) =>
    sql<SqlBool>`places.id IN (SELECT id FROM places_rtree WHERE max_lon >= ${b.minLon} AND min_lon <= ${b.maxLon}
      AND max_lat >= ${b.minLat} AND min_lat <= ${b.maxLat})
      AND places.lon BETWEEN ${b.minLon} AND ${b.maxLon} AND places.lat BETWEEN ${b.minLat} AND ${b.maxLat}`,
  textIds: (groups) => sql`SELECT rowid AS id FROM place_search WHERE place_search MATCH ${ftsQuery(groups)}`,
  // The full-text table first (CROSS JOIN fixes the order in SQLite): an IN (SELECT rowid …) would collect
  // every match of a common word before the first row is read.
  placesMatching: (db, groups) =>
    db
      .selectFrom(sql`place_search`.as('place_search'))
      .crossJoin('places')
      .where(
        sql<SqlBool>`places.id = place_search.rowid AND place_search MATCH ${ftsQuery(groups)}`,
      ) as unknown as SelectQueryBuilder<Database, 'places', object>,
  jsonText: (column, key) => sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`,
  insertRows: sqliteInsertRows,
  // SQLite's planner assumes an equality on an indexed column is selective without statistics.
  afterBulkWrite: async () => {},
};

/**
 * FTS5 query syntax. Keys are letters and digits (the search module guarantees it) and taxonomy tokens add
 * `_` and `-`, which the table's tokenizer keeps inside a token; quoting keeps them literal.
 */
function ftsQuery(groups: string[][]): string {
  return groups
    .map(
      (group) => `(${group.map((t) => (t.endsWith('*') ? `"${t.slice(0, -1)}"*` : `"${t}"`)).join(' OR ')})`,
    )
    .join(' AND ');
}

/** SQLite through better-sqlite3: WAL so readers never wait for the writer, foreign keys enforced. */
export function openSqlite(path: string): KyselyStorage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): index pages of a large table stay in memory on bulk writes.
  database.pragma('cache_size = -65536');
  const db = new Kysely<Database>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(database) }),
  });
  return new KyselyStorage(db, { name: 'sqlite', nativeNearestNeighbour: false }, dialect);
}
