import type { BBox } from '../domain/geo.ts';
import type { Place, PlaceData, PlaceStatus } from '../domain/places/place.ts';
import type { Category, City } from '../domain/taxonomy.ts';

/** Filters shared by list queries, the cluster index and counts. Slugs are validated before they get here. */
export interface PlaceFilter {
  bbox?: BBox;
  /** Category slugs; a group slug has already been expanded to its children. */
  categories?: string[];
  city?: string;
  neighbourhood?: string;
  /** Any of these languages (bit mask of domain/languages). */
  languageMask?: number;
  /** Only places whose hours pattern id is in this set (the open-now patterns). */
  hoursIds?: number[];
  /** Full-text match on search keys: every group must match; within a group any term (`key*` = prefix). */
  text?: TextMatch;
  statuses?: PlaceStatus[];
  /** Only demo places (true) or only real ones (false). */
  demo?: boolean;
}

/** Full-text match: every group must match. */
export interface TextMatch {
  groups: TextGroup[];
}

/** One query word: any of its terms (`key*` = prefix) in the text, or a place in one of these taxonomy slugs. */
export interface TextGroup {
  terms: string[];
  categories: string[];
  neighbourhoods: string[];
  cities: string[];
}

/** A place's search keys per field, made by the search module at write time. */
export interface SearchDocument {
  name: string[];
  other: string[];
}

export type SearchIndexer = (place: PlaceData) => SearchDocument;

/** What ranking needs of a text match, without loading the whole place. */
export interface TextCandidate {
  id: number;
  lon: number;
  lat: number;
  category: string;
  city: string;
  neighbourhood: string | null;
  languageMask: number;
  nameKeys: string[];
  otherKeys: string[];
}

export interface PlaceListQuery extends PlaceFilter {
  /** Nearest first from this point, within radiusM. */
  near?: { lon: number; lat: number; radiusM: number };
  limit: number;
  /** Keyset position after which the page starts: the last row's sort key. */
  after?: { id: number; distanceM?: number };
}

export interface PlaceListRow extends Place {
  distanceM?: number;
}

/** A compact row for the in-memory viewport/cluster index. */
export interface PlacePoint {
  id: number;
  lon: number;
  lat: number;
  category: string;
  city: string;
  neighbourhood: string | null;
  languageMask: number;
  hoursId: number | null;
}

export interface HoursPattern {
  id: number;
  value: string;
}

/** What an import asks to find the places a batch may repeat (see domain/places/duplicate-keys.ts). */
export interface DuplicateLookup {
  /** Places that came from this source with one of these source ids. */
  source?: { source: string; sourceIds: string[] };
  nameKeys: string[];
  phoneKeys: string[];
  websiteKeys: string[];
}

/** A place as duplicate matching sees it: its id, provenance, stored keys and position. */
export interface DuplicateCandidate {
  id: number;
  source: string;
  sourceId: string | null;
  nameKey: string | null;
  phoneKey: string | null;
  websiteKey: string | null;
  lon: number;
  lat: number;
}

export interface PlaceRepository {
  insert(data: PlaceData): Promise<Place>;
  /** Bulk insert in one transaction per call; returns how many were written. */
  insertMany(data: readonly PlaceData[]): Promise<number>;
  update(id: number, data: PlaceData): Promise<Place | null>;
  get(id: number): Promise<Place | null>;
  /** Several places by id, in no particular order; missing ids are left out. */
  getMany(ids: readonly number[]): Promise<Place[]>;
  list(query: PlaceListQuery): Promise<PlaceListRow[]>;
  count(filter: PlaceFilter): Promise<number>;
  /** Active places' points, streamed in id order, for building in-memory indexes. */
  points(batchSize?: number): AsyncIterable<PlacePoint[]>;
  hoursPatterns(): Promise<HoursPattern[]>;
  /** Places matching the filter (which has `text`), at most `cap`, with their keys for ranking. */
  textCandidates(filter: PlaceFilter, cap: number): Promise<TextCandidate[]>;
  /** Vocabulary terms added after `afterId`, for the typo dictionary. */
  termsSince(afterId: number): Promise<{ lastId: number; terms: string[] }>;
  /** Sets how search keys are made from a place; until it is set, names and texts are indexed plainly. */
  useSearchIndexer(indexer: SearchIndexer): void;
  /** Recomputes every place's search keys (after the indexer or the taxonomy's synonyms changed). */
  reindex(onProgress?: (done: number) => void): Promise<number>;
  deleteDemo(): Promise<number>;
  /**
   * The exact position and street address of a home-based place (null for other places): for the place's
   * owner and moderators only — no public output may call this.
   */
  exactLocation(id: number): Promise<{ lon: number; lat: number; address: string | null } | null>;
  /**
   * Runs `work` in one transaction: everything it writes through the repository it is given commits
   * together or not at all (a thrown error rolls back). Only that repository may be used inside.
   */
  transaction<T>(work: (places: PlaceRepository) => Promise<T>): Promise<T>;
  /** Real (non-demo) places matching any of the keys, in any status: the candidates an import checks. */
  duplicateCandidates(lookup: DuplicateLookup): Promise<DuplicateCandidate[]>;
  /** A number that grows with every write to places; cheap to read; shared by all app processes. */
  dataVersion(): Promise<number>;
  /** How many writes this process has committed: lets caches notice local writes without a query. */
  localWriteCount(): number;
}

export interface TaxonomyRepository {
  categories(): Promise<Category[]>;
  upsertCategory(category: Category): Promise<void>;
  cities(): Promise<City[]>;
  upsertCity(city: City): Promise<void>;
}

/** Small named counters and flags of the instance (e.g. whether the demo was ever loaded). */
export interface MetaRepository {
  get(key: string): Promise<number | null>;
  set(key: string, value: number): Promise<void>;
}

/** What a backend can do natively, asked as capabilities rather than "is this postgres". */
export interface StorageCapabilities {
  readonly name: 'sqlite' | 'postgres';
  readonly nativeNearestNeighbour: boolean;
}

export interface Storage {
  readonly capabilities: StorageCapabilities;
  readonly places: PlaceRepository;
  readonly taxonomy: TaxonomyRepository;
  readonly meta: MetaRepository;
  migrate(): Promise<{ applied: string[] }>;
  close(): Promise<void>;
}
