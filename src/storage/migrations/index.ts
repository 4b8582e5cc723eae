import type { Migration } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';
import { placesMigration } from './0001-places.ts';
import { searchMigration } from './0002-search.ts';
import { duplicateKeysMigration } from './0003-duplicate-keys.ts';
import { homeBasedMigration } from './0004-home-based.ts';
import { contributionsMigration } from './0005-contributions.ts';
import { eventsMigration } from './0006-events.ts';
import { placeDetailsMigration } from './0007-place-details.ts';
import { eventChangesMigration } from './0008-event-changes.ts';
import { reportLocaleMigration } from './0009-report-locale.ts';
import { taxonomyTokensMigration } from './0010-taxonomy-tokens.ts';

/** Every migration, by name; names sort in the order they must run. Shared by both backends. */
export function migrations(capabilities: StorageCapabilities): Record<string, Migration> {
  return {
    '0001-places': placesMigration(capabilities),
    '0002-search': searchMigration(capabilities),
    '0003-duplicate-keys': duplicateKeysMigration,
    '0004-home-based': homeBasedMigration,
    '0005-contributions': contributionsMigration(capabilities),
    '0006-events': eventsMigration(capabilities),
    '0007-place-details': placeDetailsMigration,
    '0008-event-changes': eventChangesMigration(capabilities),
    '0009-report-locale': reportLocaleMigration,
    '0010-taxonomy-tokens': taxonomyTokensMigration(capabilities),
  };
}
