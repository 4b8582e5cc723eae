import { type DialectAdapter, SqliteAdapter, SqliteDialect } from 'kysely';

/**
 * SQLite runs DDL inside a transaction (tables, indexes, triggers, FTS5 and R*Tree tables alike), but Kysely's
 * adapter says it does not, so its migrator would commit every statement of a migration on its own. A long
 * migration stopped half-way (0010 rebuilds the full-text index of every place) would then leave a schema that
 * neither the old nor the new code opens, and running it again would fail on what it had already done. Saying
 * yes makes the migrator apply all pending migrations, and record them, in one transaction.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}
