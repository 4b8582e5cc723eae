import type { Kysely, Migration } from 'kysely';
import { duplicateKeys } from '../../domain/places/duplicate-keys.ts';
import type { PlaceData } from '../../domain/places/place.ts';

const KEYS = [
  ['name_key', 'places_name_key'],
  ['phone_key', 'places_phone_key'],
  ['website_key', 'places_website_key'],
] as const;

/**
 * Duplicate keys (see domain/places/duplicate-keys.ts) as indexed columns, so an import can find the
 * places a batch may repeat with one indexed lookup, and provenance looked up by (source, source_id).
 * Existing rows get their keys here, computed by the same domain function that computes them on write.
 */
export const duplicateKeysMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
  async up(db: Kysely<any>) {
    for (const [column, index] of KEYS) {
      await db.schema.alterTable('places').addColumn(column, 'text').execute();
      await db.schema.createIndex(index).on('places').column(column).execute();
    }
    await db.schema.dropIndex('places_source_id').execute();
    await db.schema.createIndex('places_source').on('places').columns(['source', 'source_id']).execute();

    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('places')
        .select(['id', 'names', 'original_locale', 'contacts'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const keys = duplicateKeys({
          names: JSON.parse(row.names),
          originalLocale: row.original_locale,
          contacts: JSON.parse(row.contacts),
        } as PlaceData);
        await db
          .updateTable('places')
          .set({ name_key: keys.name, phone_key: keys.phone, website_key: keys.website })
          .where('id', '=', row.id)
          .execute();
      }
      after = Number(rows[rows.length - 1]?.id);
    }
  },
};
