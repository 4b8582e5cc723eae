import { Kysely, PostgresDialect, type SqlBool, sql } from 'kysely';
import pg from 'pg';
import { KyselyStorage } from '../kysely/kysely-storage.ts';
import type { DialectSql } from '../kysely/place-repository.ts';
import type { Database } from '../schema.ts';
import { postgresInsertRows } from './postgres-insert-rows.ts';
import { analyseWhenOutgrown } from './postgres-statistics.ts';

const dialect: DialectSql = {
  // Same expression as the GiST index (point(lon, lat)), so the planner can use it.
  inBBox: (_eb, b) =>
    sql<SqlBool>`point(places.lon, places.lat) <@ box(point(${b.minLon}, ${b.minLat}), point(${b.maxLon}, ${b.maxLat}))`,
  textIds: (groups) => sql`SELECT id FROM places WHERE search_doc @@ ${tsQuery(groups)}::tsquery`,
  placesMatching: (db, groups) =>
    db.selectFrom('places').where(sql<SqlBool>`places.search_doc @@ ${tsQuery(groups)}::tsquery`),
  // A literal key: a bound one would leave ->> between its text and integer forms.
  jsonText: (column, key) => sql<string | null>`(${sql.ref(column)}::jsonb ->> ${sql.lit(key)})`,
  insertRows: postgresInsertRows,
  afterBulkWrite: analyseWhenOutgrown,
};

/**
 * tsquery syntax, read as is (no text parser): the document's lexemes are the stored keys and taxonomy tokens
 * verbatim (migration 0010). Keys are letters and digits and tokens add `_` and `-`, so quoting is enough.
 */
function tsQuery(groups: string[][]): string {
  return groups
    .map(
      (group) => `(${group.map((t) => (t.endsWith('*') ? `'${t.slice(0, -1)}':*` : `'${t}'`)).join(' | ')})`,
    )
    .join(' & ');
}

/** PostgreSQL through pg: the scale-out backend that many stateless app processes share. */
export function openPostgres(url: string, poolSize = 10): KyselyStorage {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server dropped (restart, failover) is replaced by the pool on next use; without a
  // listener node-postgres would turn it into an uncaught exception that stops the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStorage(db, { name: 'postgres', nativeNearestNeighbour: true }, dialect);
}
