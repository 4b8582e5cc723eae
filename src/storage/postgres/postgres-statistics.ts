import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// Below this many pages a sequential scan is as good as any plan.
const MIN_PAGES = 16;

/**
 * ANALYZE `columns` of `table` when it has more than doubled since its statistics were taken. Autovacuum cannot see the
 * rows of a transaction still open, so a large import into a young table (the first import of a new
 * instance) was planned as if the table had no statistics: a lookup of 500 keys was estimated to match the
 * whole table and scanned it once per batch, which made the import quadratic. ANALYZE inside the
 * transaction counts its own new rows; SKIP_LOCKED leaves it out rather than wait for another import's
 * ANALYZE to commit. Only the columns the lookups filter on: the statistics of the text and tsvector
 * columns cost ten times as much to gather.
 */
export async function analyseWhenOutgrown(
  db: Kysely<Database>,
  table: keyof Database & string,
  columns: readonly string[],
): Promise<void> {
  const { rows } = await sql<{ analysed: number; pages: number }>`
    SELECT relpages AS analysed, pg_relation_size(oid) / current_setting('block_size')::int AS pages
    FROM pg_class WHERE oid = ${table}::regclass`.execute(db);
  const size = rows[0];
  if (!size || Number(size.pages) < Math.max(MIN_PAGES, 2 * Number(size.analysed))) return;
  const list = sql.join(columns.map((column) => sql.ref(column)));
  await sql`ANALYZE (SKIP_LOCKED) ${sql.table(table)} (${list})`.execute(db);
}
