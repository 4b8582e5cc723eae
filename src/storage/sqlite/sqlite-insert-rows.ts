import { CompiledQuery } from 'kysely';
import { conflictAndReturning, type InsertRows, idsOf, quoted } from '../kysely/insert-rows.ts';

// SQLite binds at most 32,766 parameters per statement.
const MAX_PARAMETERS = 32_000;
// A full statement has the same text every time, so its prepared form is reused (see statement-cache.ts).
const MAX_ROWS = 500;

/** Multi-row `INSERT … VALUES (?, …), (?, …)` with every value bound. */
export const sqliteInsertRows: InsertRows = async (db, table, rows, options = {}) => {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0] ?? {});
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length));
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values `;
  const tail = conflictAndReturning(options);
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column] ?? null);
    const text = head + Array(chunk.length).fill(placeholders).join(', ') + tail;
    const result = await db.executeQuery(CompiledQuery.raw(text, parameters));
    if (options.returnIds) ids.push(...idsOf(result.rows));
  }
  return ids;
};
