import { CompiledQuery } from 'kysely';
import { conflictAndReturning, type InsertRows, idsOf, quoted } from '../kysely/insert-rows.ts';

// Rows per statement: one JSON parameter, so only memory bounds it.
const MAX_ROWS = 2000;

/**
 * `INSERT … SELECT … FROM json_populate_recordset(null::table, $1)`: the rows travel as one JSON parameter
 * and the server converts each value to its column's type. Binding every value instead meant tens of
 * thousands of parameters per statement, each serialised and parsed on its own.
 */
export const postgresInsertRows: InsertRows = async (db, table, rows, options = {}) => {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0] ?? {})
    .map(quoted)
    .join(', ');
  const text =
    `insert into ${quoted(table)} (${columns}) select ${columns} ` +
    `from json_populate_recordset(null::${quoted(table)}, $1::json)${conflictAndReturning(options)}`;
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += MAX_ROWS) {
    const chunk = rows.slice(start, start + MAX_ROWS);
    const result = await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(chunk)]));
    if (options.returnIds) ids.push(...idsOf(result.rows));
  }
  return ids;
};
