import type { Kysely, Migration } from 'kysely';

/**
 * Two facts a place can state about itself: that it welcomes locals (a filter of the map and list, so it is
 * a column and part of the in-memory point table) and when it opened (what insights count openings by).
 */
export const placeDetailsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('places')
      .addColumn('locals_welcome', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('places').addColumn('opened', 'text').execute();
  },
};
