import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from '../migrations/index.ts';
import type { Repositories, Storage, StorageCapabilities } from '../repositories.ts';
import type { Database } from '../schema.ts';
import { KyselyContributionRepository } from './contribution-repository.ts';
import { KyselyEventChangeRepository } from './event-change-repository.ts';
import { KyselyEventRepository } from './event-repository.ts';
import { KyselyInsightsRepository } from './insights-repository.ts';
import { KyselyAuditRepository, KyselyLimitRepository } from './limit-repository.ts';
import { KyselyMetaRepository } from './meta-repository.ts';
import { type DialectSql, KyselyPlaceRepository } from './place-repository.ts';
import { KyselyTaxonomyRepository } from './taxonomy-repository.ts';
import { KyselyUserRepository } from './user-repository.ts';

/** The storage both backends share; a backend brings its Kysely dialect and its spatial SQL. */
export class KyselyStorage implements Storage {
  readonly places: KyselyPlaceRepository;
  readonly taxonomy: KyselyTaxonomyRepository;
  readonly meta: KyselyMetaRepository;
  readonly users: KyselyUserRepository;
  readonly contributions: KyselyContributionRepository;
  readonly audit: KyselyAuditRepository;
  readonly limits: KyselyLimitRepository;
  readonly events: KyselyEventRepository;
  readonly eventChanges: KyselyEventChangeRepository;
  readonly insights: KyselyInsightsRepository;

  constructor(
    readonly db: Kysely<Database>,
    readonly capabilities: StorageCapabilities,
    dialect: DialectSql,
  ) {
    this.places = new KyselyPlaceRepository(db, dialect);
    this.taxonomy = new KyselyTaxonomyRepository(db);
    this.meta = new KyselyMetaRepository(db);
    this.users = new KyselyUserRepository(db);
    this.contributions = new KyselyContributionRepository(db);
    this.audit = new KyselyAuditRepository(db);
    this.limits = new KyselyLimitRepository(db);
    this.events = new KyselyEventRepository(db);
    this.eventChanges = new KyselyEventChangeRepository(db);
    this.insights = new KyselyInsightsRepository(db, dialect);
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.places.withTransaction((trx, places) =>
      work({
        places,
        users: new KyselyUserRepository(trx),
        contributions: new KyselyContributionRepository(trx),
        audit: new KyselyAuditRepository(trx),
        events: new KyselyEventRepository(trx),
        eventChanges: new KyselyEventChangeRepository(trx),
      }),
    );
  }

  async migrate(): Promise<{ applied: string[] }> {
    const all = migrations(this.capabilities);
    const provider: MigrationProvider = { getMigrations: async () => all };
    const migrator = new Migrator({ db: this.db, provider, migrationTableName: 'kvartal_migrations' });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw new Error(`database migration failed: ${String(error)}`, { cause: error });
    return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
