import type { ClusterIndex } from '../search/cluster-index.ts';
import type { Vocabulary } from '../search/vocabulary.ts';
import type { Storage } from '../storage/repositories.ts';
import type { DataVersion } from './data-version.ts';
import type { Notifier } from './notifications.ts';
import type { OpenNow } from './open-now.ts';
import type { Taxonomy } from './taxonomy.ts';

/** Everything a use case may touch. Built once per process by `createContext`. */
export interface AppContext {
  storage: Storage;
  taxonomy: Taxonomy;
  /** The shared data version, as this process last saw it (caches compare against it). */
  dataVersion: DataVersion;
  openNow: OpenNow;
  clusters: ClusterIndex;
  /** The typo dictionary of search terms. */
  vocabulary: Vocabulary;
  /** Sends the e-mails use cases ask for (verification links, outcomes of suggestions, digests). */
  notifier: Notifier;
  /** The clock, injectable so that tests can pin "open now". */
  now(): Date;
}
