import type { Migration } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';
import { placesMigration } from './0001-places.ts';

/** Every migration, by name; names sort in the order they must run. Shared by both backends. */
export function migrations(capabilities: StorageCapabilities): Record<string, Migration> {
  return {
    '0001-places': placesMigration(capabilities),
  };
}
