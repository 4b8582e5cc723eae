import type { Kysely, Migration } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';
import { generatedId } from './columns.ts';

/**
 * Accounts, sessions, one-time links, place versions, suggestions, reports, ownership claims, redirects of
 * merged places, the audit log, rate-limit counters and spent anti-spam challenges. Everything a change needs
 * to be attributed, reviewed and undone lives in the database, so any app process can serve any request.
 */
export function contributionsMigration(capabilities: StorageCapabilities): Migration {
  const id = generatedId(capabilities);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', id)
        .addColumn('email', 'text', (c) => c.unique())
        .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('password_hash', 'text')
        .addColumn('display_name', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('telegram_id', 'text', (c) => c.unique())
        .addColumn('notify_digest', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('ru'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('one_time_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await db.schema
        .alterTable('places')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('place_versions')
        .addColumn('id', 'integer', id)
        .addColumn('place_id', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer')
        .addColumn('suggestion_id', 'integer')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('place_versions_place_version', ['place_id', 'version'])
        .execute();
      await db.schema
        .createIndex('place_versions_created')
        .on('place_versions')
        .column('created_at')
        .execute();

      await db.schema
        .createTable('suggestions')
        .addColumn('id', 'integer', id)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('place_id', 'integer')
        .addColumn('base_version', 'integer')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('submitter_id', 'integer')
        .addColumn('submitter_email', 'text')
        .addColumn('submitter_locale', 'text', (c) => c.notNull())
        .addColumn('proof_of_work', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('reviewer_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text')
        .execute();
      await db.schema.createIndex('suggestions_status').on('suggestions').columns(['status', 'id']).execute();
      await db.schema.createIndex('suggestions_submitter').on('suggestions').column('submitter_id').execute();

      await db.schema
        .createTable('reports')
        .addColumn('id', 'integer', id)
        .addColumn('place_id', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('submitter_id', 'integer')
        .addColumn('submitter_email', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('resolver_id', 'integer')
        .addColumn('resolution', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('reports_status').on('reports').columns(['status', 'place_id']).execute();

      await db.schema
        .createTable('claims')
        .addColumn('id', 'integer', id)
        .addColumn('place_id', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('reviewer_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text')
        .execute();
      await db.schema.createIndex('claims_place').on('claims').columns(['place_id', 'status']).execute();
      await db.schema.createIndex('claims_user').on('claims').columns(['user_id', 'status']).execute();

      await db.schema
        .createTable('place_redirects')
        .addColumn('from_id', 'integer', (c) => c.primaryKey())
        .addColumn('to_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', id)
        .addColumn('actor_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
        .execute();
      await db.schema
        .createTable('spent_challenges')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
