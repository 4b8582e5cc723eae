import { Kysely, PostgresDialect, type SqlBool, sql } from 'kysely';
import pg from 'pg';
import { KyselyStorage } from '../kysely/kysely-storage.ts';
import type { SpatialSql } from '../kysely/place-repository.ts';
import type { Database } from '../schema.ts';

const spatial: SpatialSql = {
  // Same expression as the GiST index (point(lon, lat)), so the planner can use it.
  inBBox: (_eb, b) =>
    sql<SqlBool>`point(places.lon, places.lat) <@ box(point(${b.minLon}, ${b.minLat}), point(${b.maxLon}, ${b.maxLat}))`,
};

/** PostgreSQL through pg: the scale-out backend that many stateless app processes share. */
export function openPostgres(url: string, poolSize = 10): KyselyStorage {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStorage(db, { name: 'postgres', nativeNearestNeighbour: true }, spatial);
}
