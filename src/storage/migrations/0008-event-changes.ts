import type { Kysely, Migration } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';
import { generatedId } from './columns.ts';

/** Changes to published events that wait for a moderator: the event as it was, and as proposed. */
export function eventChangesMigration(capabilities: StorageCapabilities): Migration {
  const id = generatedId(capabilities);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('event_changes')
        .addColumn('id', 'integer', id)
        .addColumn('event_id', 'integer', (c) => c.notNull())
        .addColumn('base', 'text', (c) => c.notNull())
        .addColumn('proposed', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('submitter_id', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('reviewer_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text')
        .execute();
      await db.schema
        .createIndex('event_changes_status')
        .on('event_changes')
        .columns(['status', 'id'])
        .execute();
    },
  };
}
