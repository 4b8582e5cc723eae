import BetterSqlite3 from 'better-sqlite3';
import { type Dialect, Kysely, type Migration, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TransactionalSqliteDialect } from '../../src/storage/sqlite/transactional-dialect.ts';

// A first migration that succeeds and a second that builds a full-text table, fills it, then fails half-way.
const steps: Record<string, Migration> = {
  '0001-notes': {
    // biome-ignore lint/suspicious/noExplicitAny: a schema made up for this test
    up: async (db: Kysely<any>) => {
      await db.schema
        .createTable('notes')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
    },
  },
  '0002-note-search': {
    // biome-ignore lint/suspicious/noExplicitAny: a schema made up for this test
    up: async (db: Kysely<any>) => {
      await db.schema.alterTable('notes').addColumn('text', 'text').execute();
      await sql`CREATE VIRTUAL TABLE note_search USING fts5(text)`.execute(db);
      await sql`INSERT INTO note_search(text) VALUES ('half-way')`.execute(db);
      throw new Error('stopped half-way');
    },
  },
};

async function migrateAndFail(dialectFor: (database: BetterSqlite3.Database) => Dialect) {
  const database = new BetterSqlite3(':memory:');
  const db = new Kysely({ dialect: dialectFor(database) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => steps } });
  const { error } = await migrator.migrateToLatest();
  const tables = database
    .prepare("SELECT name FROM sqlite_master WHERE name IN ('notes', 'note_search') ORDER BY name")
    .all()
    .map((row) => (row as { name: string }).name);
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
  await db.destroy();
  return { error, tables, applied };
}

describe('SQLite migrations', () => {
  it('leave nothing behind when one fails half-way: every pending migration is one transaction', async () => {
    const result = await migrateAndFail((database) => new TransactionalSqliteDialect({ database }));
    expect(String(result.error)).toContain('stopped half-way');
    expect(result.tables).toEqual([]);
    expect(result.applied).toEqual([]);
  });

  it("would keep the half-done schema with Kysely's own SQLite dialect (why the project does not use it)", async () => {
    const result = await migrateAndFail((database) => new SqliteDialect({ database }));
    expect(result.tables).toEqual(['note_search', 'notes']);
    expect(result.applied).toEqual(['0001-notes']);
  });
});
