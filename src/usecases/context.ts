import type { ClusterIndex } from '../search/cluster-index.ts';
import type { Vocabulary } from '../search/vocabulary.ts';
import type { Storage } from '../storage/repositories.ts';
import type { OpenNow } from './open-now.ts';
import type { Taxonomy } from './taxonomy.ts';

/** Everything a use case may touch. Built once per process by `createContext`. */
export interface AppContext {
  storage: Storage;
  taxonomy: Taxonomy;
  openNow: OpenNow;
  clusters: ClusterIndex;
  /** The typo dictionary of search terms. */
  vocabulary: Vocabulary;
  /** The clock, injectable so that tests can pin "open now". */
  now(): Date;
}
