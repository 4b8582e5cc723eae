import type { Kysely, Migration } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';
import { generatedId } from './columns.ts';

/**
 * Events. A series is one row (its RRULE and exceptions); `first_start` and `last_end` (null: never ends)
 * bound it in real time, so a window finds its candidates by index and only those are expanded.
 */
export function eventsMigration(capabilities: StorageCapabilities): Migration {
  const id = generatedId(capabilities);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('events')
        .addColumn('id', 'integer', id)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('place_id', 'integer')
        .addColumn('titles', 'text', (c) => c.notNull())
        .addColumn('descriptions', 'text', (c) => c.notNull())
        .addColumn('original_locale', 'text', (c) => c.notNull())
        .addColumn('start_local', 'text', (c) => c.notNull())
        .addColumn('end_local', 'text')
        .addColumn('all_day', 'integer', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('rrule', 'text')
        .addColumn('exdates', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('lon', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('languages', 'text', (c) => c.notNull())
        .addColumn('language_mask', 'integer', (c) => c.notNull())
        .addColumn('locals_welcome', 'integer', (c) => c.notNull())
        .addColumn('bilingual', 'integer', (c) => c.notNull())
        .addColumn('free', 'integer', (c) => c.notNull())
        .addColumn('price', 'text')
        .addColumn('min_age', 'integer')
        .addColumn('organiser_url', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull())
        .addColumn('first_start', 'text', (c) => c.notNull())
        .addColumn('last_end', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('events_city_start')
        .on('events')
        .columns(['city', 'first_start'])
        .execute();
      await db.schema.createIndex('events_last_end').on('events').column('last_end').execute();
      await db.schema.createIndex('events_place').on('events').column('place_id').execute();
    },
  };
}
