import type { Kysely, Migration } from 'kysely';

/** The language a report was sent in, so the reporter hears the outcome in it. */
export const reportLocaleMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('reports')
      .addColumn('submitter_locale', 'text', (c) => c.notNull().defaultTo('ru'))
      .execute();
  },
};
