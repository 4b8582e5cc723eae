import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

// Distinct statements kept; the app's queries are a few hundred shapes, an IN list of each length its own.
const CACHED_STATEMENTS = 500;

/**
 * The database as Kysely's SQLite dialect sees it, with each SQL text prepared once and then reused (least
 * recently used ones are dropped). Kysely prepares every query anew, which for a 500-row INSERT of an import
 * costs milliseconds of parsing each time. Reuse is safe because Kysely runs one statement at a time on
 * SQLite's single connection, and SQLite re-prepares a statement by itself after a schema change.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const known = statements.get(sql);
      if (known) {
        // Re-inserted so that the Map's order is the order of last use.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql) as unknown as SqliteStatement;
      statements.set(sql, statement);
      if (statements.size > CACHED_STATEMENTS) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}
