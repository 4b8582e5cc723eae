import type { Kysely, Migration } from 'kysely';

/**
 * Home-based places: `lon`, `lat` and `address` — the columns every reader uses — hold the public,
 * approximate view; the exact position and street address live only in the `exact_*` columns, which no
 * public query selects.
 */
export const homeBasedMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('places')
      .addColumn('home_based', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('places').addColumn('exact_lon', 'double precision').execute();
    await db.schema.alterTable('places').addColumn('exact_lat', 'double precision').execute();
    await db.schema.alterTable('places').addColumn('exact_address', 'text').execute();
  },
};
