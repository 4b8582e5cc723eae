import { ClusterIndex } from '../search/cluster-index.ts';
import { indexPlace } from '../search/place-indexer.ts';
import { taxonomyTermsOf } from '../search/taxonomy-terms.ts';
import { Vocabulary } from '../search/vocabulary.ts';
import type { Storage } from '../storage/repositories.ts';
import type { AppContext } from './context.ts';
import { DataVersion } from './data-version.ts';
import { type Notifier, stderrNotifier } from './notifications.ts';
import { OpenNow } from './open-now.ts';
import { seedTaxonomy } from './seed-taxonomy.ts';
import { Taxonomy } from './taxonomy.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Belgrade';

/** Migrates and seeds the database, then builds the per-process services around it. */
export async function createContext(
  storage: Storage,
  options: { now?: () => Date; notifier?: Notifier } = {},
): Promise<AppContext> {
  await storage.migrate();
  await seedTaxonomy(storage);
  const taxonomy = await Taxonomy.load(storage);
  const timeZone = taxonomy.cities[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  storage.places.useSearchIndexer(indexPlace);
  const dataVersion = new DataVersion(storage);
  return {
    storage,
    taxonomy,
    dataVersion,
    openNow: new OpenNow(storage, dataVersion, timeZone),
    clusters: new ClusterIndex(storage, dataVersion),
    vocabulary: new Vocabulary(storage, taxonomyTermsOf(taxonomy).allTerms()),
    notifier: options.notifier ?? stderrNotifier,
    now: options.now ?? (() => new Date()),
  };
}
