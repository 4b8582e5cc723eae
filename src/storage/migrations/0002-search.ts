import { type Kysely, type Migration, sql } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';

/**
 * Full-text search over normalised keys of a place's names and of its other texts. Category, neighbourhood
 * and city words are not stored per place: they are matched against the taxonomy in memory and become
 * `category IN (…)` conditions, which keeps the index small and lets edited synonyms apply at once.
 * (0010 replaces those conditions with slug tokens in this index and rebuilds it.)
 * The keys are made by the domain's search module, so the database only matches terms and prefixes: SQLite
 * through FTS5, PostgreSQL through a weighted tsvector with GIN.
 * `search_terms` is the vocabulary, append-only, so every process can extend its typo dictionary cheaply.
 */
export function searchMigration(capabilities: StorageCapabilities): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
    async up(db: Kysely<any>) {
      for (const column of ['search_name', 'search_other']) {
        await db.schema
          .alterTable('places')
          .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
          .execute();
      }
      await db.schema
        .createTable('search_terms')
        .addColumn('id', 'integer', (c) =>
          capabilities.name === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('term', 'text', (c) => c.notNull().unique())
        .execute();

      if (capabilities.name === 'sqlite') {
        // External-content FTS5 over the key columns; keys are plain [a-z0-9] words, so the default tokenizer
        // keeps them intact. Queries are ORs of single terms and prefixes, ranked in the app, so no positions
        // or column details are stored (detail=none): the index is about a third smaller and faster to build.
        await sql`CREATE VIRTUAL TABLE place_search USING fts5(
          search_name, search_other, content='places', content_rowid='id', detail='none')`.execute(db);
        await sql`CREATE TRIGGER place_search_insert AFTER INSERT ON places BEGIN
          INSERT INTO place_search(rowid, search_name, search_other)
          VALUES (new.id, new.search_name, new.search_other); END`.execute(db);
        await sql`CREATE TRIGGER place_search_delete AFTER DELETE ON places BEGIN
          INSERT INTO place_search(place_search, rowid, search_name, search_other)
          VALUES ('delete', old.id, old.search_name, old.search_other); END`.execute(db);
        await sql`CREATE TRIGGER place_search_update AFTER UPDATE OF search_name, search_other ON places BEGIN
          INSERT INTO place_search(place_search, rowid, search_name, search_other)
          VALUES ('delete', old.id, old.search_name, old.search_other);
          INSERT INTO place_search(rowid, search_name, search_other)
          VALUES (new.id, new.search_name, new.search_other); END`.execute(db);
        await sql`INSERT INTO place_search(place_search) VALUES ('rebuild')`.execute(db);
      } else {
        await sql`ALTER TABLE places ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', search_name), 'A') ||
          setweight(to_tsvector('simple', search_other), 'C')) STORED`.execute(db);
        await sql`CREATE INDEX places_search_doc ON places USING gin (search_doc)`.execute(db);
      }
    },
  };
}
