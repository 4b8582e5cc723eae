import type { ColumnDefinitionBuilder } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';

/** An integer primary key the database numbers itself, in each backend's own way. */
export function generatedId(capabilities: StorageCapabilities) {
  return (c: ColumnDefinitionBuilder) =>
    capabilities.name === 'sqlite'
      ? c.primaryKey().autoIncrement()
      : c.primaryKey().generatedByDefaultAsIdentity();
}
