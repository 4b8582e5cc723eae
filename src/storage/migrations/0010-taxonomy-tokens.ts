import { type Kysely, type Migration, sql } from 'kysely';
import { type TaxonomyKind, taxonomyToken } from '../../domain/search/taxonomy-tokens.ts';
import type { StorageCapabilities } from '../repositories.ts';

const COLUMNS: ReadonlyArray<readonly [TaxonomyKind, 'category' | 'neighbourhood' | 'city']> = [
  ['category', 'category'],
  ['neighbourhood', 'neighbourhood'],
  ['city', 'city'],
];

/**
 * Each place's category, neighbourhood and city slugs become tokens of its full-text document (a new
 * `search_taxonomy` column, written with the row), so a query word that names one is matched by the same
 * full-text AND as its other terms (see domain/search/taxonomy-tokens.ts). Synonyms still live in the taxonomy
 * and map to slugs in memory, so editing them needs no reindex.
 *
 * Existing places get their tokens here, and the index is rebuilt: FTS5 with `_` and `-` as word characters
 * (tokens keep their slug whole; word keys never contain either), PostgreSQL with a cheaper document. Its
 * keys are already plain words, so `array_to_tsvector` over the split string gives the lexemes
 * `to_tsvector('simple', …)` gave, without running the text parser on every write; the A/C weights it drops
 * were never queried.
 */
export function taxonomyTokensMigration(capabilities: StorageCapabilities): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('places')
        .addColumn('search_taxonomy', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      if (capabilities.name === 'sqlite') {
        // The old index and its triggers go first, so filling the column does not rewrite them row by row.
        for (const trigger of ['place_search_insert', 'place_search_delete', 'place_search_update'])
          await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
        await sql`DROP TABLE IF EXISTS place_search`.execute(db);
        await fillTokens(db);
        await createSqliteIndex(db);
      } else {
        await sql`DROP INDEX IF EXISTS places_search_doc`.execute(db);
        await sql`ALTER TABLE places DROP COLUMN IF EXISTS search_doc`.execute(db);
        await fillTokens(db);
        await sql`ALTER TABLE places ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
          array_to_tsvector(array_remove(string_to_array(
            search_name || ' ' || search_other || ' ' || search_taxonomy, ' '), ''))) STORED`.execute(db);
        await sql`CREATE INDEX places_search_doc ON places USING gin (search_doc)`.execute(db);
      }
    },
  };
}

/**
 * One UPDATE over the table, with each distinct slug's token made by the same function as on write and
 * passed in a small lookup table (a row-by-row update of a million places takes minutes).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
async function fillTokens(db: Kysely<any>): Promise<void> {
  await sql`CREATE TEMPORARY TABLE taxonomy_tokens (kind text NOT NULL, slug text NOT NULL, token text NOT NULL,
    PRIMARY KEY (kind, slug))`.execute(db);
  for (const [kind, column] of COLUMNS) {
    const rows = await db
      .selectFrom('places')
      .select(column)
      .distinct()
      .where(column, 'is not', null)
      // An empty neighbourhood is none, as on write: it gets no token (the lookup below then gives NULL).
      .where(column, '<>', '')
      .execute();
    const slugs = rows.map((r) => String(r[column]));
    for (let i = 0; i < slugs.length; i += 200) {
      const values = slugs
        .slice(i, i + 200)
        .map((slug) => sql`(${kind}, ${slug}, ${taxonomyToken(kind, slug)})`);
      await sql`INSERT INTO taxonomy_tokens (kind, slug, token) VALUES ${sql.join(values)}`.execute(db);
    }
  }
  const token = (kind: TaxonomyKind, column: string) =>
    sql`(SELECT token FROM taxonomy_tokens WHERE kind = ${kind} AND slug = places.${sql.raw(column)})`;
  // The order matches placeTaxonomyTokens (category, city, then neighbourhood when there is one).
  await sql`UPDATE places SET search_taxonomy = ${token('category', 'category')} || ' ' || ${token('city', 'city')}
    || COALESCE(' ' || ${token('neighbourhood', 'neighbourhood')}, '')`.execute(db);
  await sql`DROP TABLE taxonomy_tokens`.execute(db);
}

/**
 * External-content FTS5 over the three key columns, kept in step by triggers (as 0002 set it up). Prefix
 * indexes for 2 and 3 letters: search as you type sends short prefixes (`ka*`), which otherwise merge the
 * lists of every key they start (at 1M places `de*` took 150 ms, 9 ms with the index; it costs about a
 * third more index to build and write).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
async function createSqliteIndex(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE place_search USING fts5(
    search_name, search_other, search_taxonomy, content='places', content_rowid='id', detail='none',
    prefix='2 3', tokenize="unicode61 tokenchars '_-'")`.execute(db);
  const columns = sql.raw('search_name, search_other, search_taxonomy');
  const values = (row: 'new' | 'old') =>
    sql.raw(`${row}.id, ${row}.search_name, ${row}.search_other, ${row}.search_taxonomy`);
  await sql`CREATE TRIGGER place_search_insert AFTER INSERT ON places BEGIN
    INSERT INTO place_search(rowid, ${columns}) VALUES (${values('new')}); END`.execute(db);
  await sql`CREATE TRIGGER place_search_delete AFTER DELETE ON places BEGIN
    INSERT INTO place_search(place_search, rowid, ${columns}) VALUES ('delete', ${values('old')}); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER place_search_update AFTER UPDATE OF ${columns} ON places BEGIN
    INSERT INTO place_search(place_search, rowid, ${columns}) VALUES ('delete', ${values('old')});
    INSERT INTO place_search(rowid, ${columns}) VALUES (${values('new')}); END`.execute(db);
  await sql`INSERT INTO place_search(place_search) VALUES ('rebuild')`.execute(db);
}
