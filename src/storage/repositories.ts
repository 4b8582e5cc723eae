import type { Role, User } from '../domain/accounts/user.ts';
import type {
  AuditEntry,
  ChangeNote,
  Claim,
  PlaceVersion,
  Report,
  ReviewStatus,
  Suggestion,
} from '../domain/contributions/contribution.ts';
import type { CityEvent, EventData } from '../domain/events/event.ts';
import type { EventChange, NewEventChange } from '../domain/events/event-change.ts';
import type { BBox } from '../domain/geo.ts';
import type { SpokenLanguage } from '../domain/languages.ts';
import type { Locale, LocalizedText } from '../domain/locales.ts';
import type { DuplicateKeys } from '../domain/places/duplicate-keys.ts';
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
  /** Only places that say locals are welcome. */
  localsWelcome?: boolean;
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

/**
 * What storage derives from a place for its indexes, when the caller has it already: its search keys (made
 * with the indexer `useSearchIndexer` installed) and its duplicate keys. An import makes both on another
 * thread, where the records are read.
 */
export interface IndexedPlace {
  search: SearchDocument;
  keys: DuplicateKeys;
}

/**
 * What ranking needs of a text match, without loading the whole place. The keys of its other texts are
 * long and rarely decide the order, so ranking asks for them separately (`otherKeys`), for a few places.
 */
export interface TextCandidate {
  id: number;
  lon: number;
  lat: number;
  category: string;
  city: string;
  neighbourhood: string | null;
  languageMask: number;
  nameKeys: string[];
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
  localsWelcome: boolean;
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
  /** A new place, and its version 1 in the history (demo places keep no history). */
  insert(data: PlaceData, change?: ChangeNote): Promise<Place>;
  /**
   * Bulk insert in one transaction per call; returns how many were written. With a change note each place
   * gets its version 1 in the history (an import); without one (demo data), none. `indexed`, when given,
   * has each place's keys in the same order (otherwise they are made here).
   */
  insertMany(
    data: readonly PlaceData[],
    change?: ChangeNote,
    indexed?: readonly IndexedPlace[],
  ): Promise<number>;
  /** Writes a new version: the place's version number grows by one and the history records who and why. */
  update(id: number, data: PlaceData, change?: ChangeNote): Promise<Place | null>;
  /** Every recorded version of a place, newest first, exact positions included (never public as such). */
  history(placeId: number): Promise<PlaceVersion[]>;
  version(placeId: number, version: number): Promise<PlaceVersion | null>;
  /** Removes a place and its history for good: only for an admin's legal purge, which is audited. */
  purge(placeId: number): Promise<boolean>;
  /** After a merge the old id leads to the surviving place (an HTTP 301 on its page). */
  addRedirect(fromId: number, toId: number): Promise<void>;
  redirectOf(placeId: number): Promise<number | null>;
  get(id: number): Promise<Place | null>;
  /** Several places by id, in no particular order; missing ids are left out. */
  getMany(ids: readonly number[]): Promise<Place[]>;
  list(query: PlaceListQuery): Promise<PlaceListRow[]>;
  /** The most recently created places matching the filter, newest first (ties: higher id first). */
  newest(filter: PlaceFilter, limit: number): Promise<Place[]>;
  count(filter: PlaceFilter): Promise<number>;
  /** Active places' points, streamed in id order, for building in-memory indexes. */
  points(batchSize?: number): AsyncIterable<PlacePoint[]>;
  hoursPatterns(): Promise<HoursPattern[]>;
  /** Places matching the filter (which has `text`), at most `cap`, with their keys for ranking. */
  textCandidates(filter: PlaceFilter, cap: number): Promise<TextCandidate[]>;
  /** The search keys of these places' descriptions, addresses and tags, by place id. */
  otherKeys(ids: readonly number[]): Promise<Map<number, string[]>>;
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

export interface NewUser {
  email: string | null;
  emailVerified: boolean;
  passwordHash: string | null;
  displayName: string | null;
  role: Role;
  telegramId: string | null;
  locale: Locale;
}

export type UserChanges = Partial<
  Pick<NewUser, 'email' | 'emailVerified' | 'passwordHash' | 'displayName' | 'role'> & {
    notifyDigest: boolean;
  }
>;

export interface SessionRecord {
  userId: number;
  csrf: string;
  expiresAt: string;
}

/** Accounts, their sessions and one-time links. Secrets are stored only as SHA-256 hashes by the caller. */
export interface UserRepository {
  create(user: NewUser): Promise<User>;
  get(id: number): Promise<User | null>;
  /** The account with this (normalised) e-mail and its password hash. */
  byEmail(email: string): Promise<{ user: User; passwordHash: string | null } | null>;
  byTelegramId(telegramId: string): Promise<User | null>;
  update(id: number, changes: UserChanges): Promise<void>;
  /** Forgets who the person was (e-mail, name, Telegram id, password); the row stays for attributions. */
  anonymise(id: number, at: string): Promise<void>;
  /** For the admin's role management and the moderators' digest; never public. */
  list(filter: { roles?: Role[]; limit: number }): Promise<User[]>;
  count(): Promise<number>;
  createSession(idHash: string, session: SessionRecord, createdAt: string): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  session(idHash: string, now: string): Promise<SessionRecord | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Signs the user out everywhere; returns how many sessions ended. */
  deleteSessions(userId: number): Promise<number>;
  createToken(
    idHash: string,
    token: { purpose: string; userId: number; expiresAt: string },
    createdAt: string,
  ): Promise<void>;
  /**
   * Marks a one-time link used and returns its user — once: a second use, an expired link or one for
   * another purpose gets null. Atomic, so two concurrent uses cannot both succeed.
   */
  useToken(idHash: string, purpose: string, now: string): Promise<number | null>;
}

export type NewSuggestion = Omit<Suggestion, 'id' | 'reviewerId' | 'reviewedAt' | 'reason'>;

export interface SuggestionReview {
  status: 'approved' | 'rejected';
  reviewerId: number;
  reason: string | null;
  at: string;
  /** What was finally applied, when the moderator edited it before approving. */
  data?: PlaceData;
}

export interface ReviewCounts {
  suggestions: number;
  reports: number;
  claims: number;
  /** New events and changes to events waiting for a moderator. */
  events: number;
}

/** Suggestions, reports and ownership claims: what people send in and moderators decide on. */
export interface ContributionRepository {
  addSuggestion(suggestion: NewSuggestion): Promise<Suggestion>;
  suggestion(id: number): Promise<Suggestion | null>;
  suggestions(filter: {
    status?: ReviewStatus;
    submitterId?: number;
    placeId?: number;
    limit: number;
  }): Promise<Suggestion[]>;
  /** Decides a pending suggestion; false when it was not pending any more (someone else decided first). */
  reviewSuggestion(id: number, review: SuggestionReview): Promise<boolean>;
  /** Links a suggestion that went live directly to the place it created. */
  setSuggestionPlace(id: number, placeId: number): Promise<void>;
  addReport(
    report: Omit<Report, 'id' | 'status' | 'resolverId' | 'resolution' | 'resolvedAt'>,
  ): Promise<Report>;
  reports(filter: { status?: Report['status']; placeId?: number; limit: number }): Promise<Report[]>;
  /** Closes every open report of a place; returns the reports it closed. */
  resolveReports(
    placeId: number,
    resolution: { resolverId: number; resolution: string; at: string },
  ): Promise<Report[]>;
  /** Erases the addresses people left to hear an outcome, once they have heard it. */
  forgetSubmitterEmails(table: 'reports' | 'suggestions', ids: readonly number[]): Promise<void>;
  addClaim(claim: Omit<Claim, 'id' | 'status' | 'reason' | 'reviewerId' | 'reviewedAt'>): Promise<Claim>;
  claim(id: number): Promise<Claim | null>;
  claims(filter: {
    status?: ReviewStatus;
    userId?: number;
    placeId?: number;
    limit: number;
  }): Promise<Claim[]>;
  reviewClaim(id: number, review: Omit<SuggestionReview, 'data'>): Promise<boolean>;
  /** Places whose claims by this user were approved. */
  ownedPlaceIds(userId: number): Promise<number[]>;
  pendingCounts(): Promise<ReviewCounts>;
  /** Moves reports and approved claims of a merged place to the place it was merged into. */
  moveToPlace(fromId: number, toId: number): Promise<void>;
}

export interface AuditRepository {
  add(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  list(filter: { limit: number; beforeId?: number }): Promise<AuditEntry[]>;
}

/** Counters that hold across app processes: rate limits and spent anti-spam challenges. */
export interface LimitRepository {
  /** Adds one to `key`'s counter for the window starting at `windowStart` (ms) and returns the new count. */
  hit(key: string, windowStart: number): Promise<number>;
  /** True the first time a key is spent; false on every later attempt (a replay). */
  spend(key: string, expiresAt: string): Promise<boolean>;
  /** Removes counters of windows and challenges that ended before `now`. */
  prune(nowMs: number, now: string): Promise<void>;
}

/** The repositories a transaction hands out: everything written through them commits together or not at all. */
export interface Repositories {
  places: PlaceRepository;
  users: UserRepository;
  contributions: ContributionRepository;
  audit: AuditRepository;
  events: EventRepository;
  eventChanges: EventChangeRepository;
}

/** Proposed changes to events, waiting for a moderator. */
export interface EventChangeRepository {
  add(change: NewEventChange): Promise<EventChange>;
  get(id: number): Promise<EventChange | null>;
  /** Waiting changes, oldest first. */
  pending(limit: number): Promise<EventChange[]>;
  /** What one person proposed, newest first (their account export). */
  bySubmitter(userId: number, limit: number): Promise<EventChange[]>;
  /** Records the decision; false when the change was no longer waiting (someone decided first). */
  decide(
    id: number,
    decision: { status: 'approved' | 'rejected'; reviewerId: number; reason: string | null; at: string },
  ): Promise<boolean>;
}

export interface EventWindowQuery {
  /** Events whose series overlaps [from, to) (UTC). */
  from: Date;
  to: Date;
  city?: string;
  types?: string[];
  placeId?: number;
  languageMask?: number;
  localsWelcome?: boolean;
  free?: boolean;
  includeDemo?: boolean;
  /** Default: the public ones (scheduled and cancelled — a calendar shows a cancelled event as cancelled). */
  statuses?: readonly string[];
  limit: number;
}

export interface NewestEventsQuery {
  city?: string;
  types?: string[];
  /** Cancelled events are kept: a feed says they are cancelled. */
  includeDemo: boolean;
  limit: number;
}

export interface EventRepository {
  insert(data: EventData): Promise<CityEvent>;
  update(id: number, data: EventData): Promise<CityEvent | null>;
  get(id: number): Promise<CityEvent | null>;
  /** Events (single or series) that may have an occurrence in the window, by their stored bounds. */
  inWindow(query: EventWindowQuery): Promise<CityEvent[]>;
  /** Events waiting for a moderator, oldest first. */
  pending(limit: number): Promise<CityEvent[]>;
  /** Sets the status only (approve, reject); false when the event was not in `from` any more. */
  setStatus(id: number, from: string, to: string): Promise<boolean>;
  /** Removes the demo events; returns how many. */
  deleteDemo(): Promise<number>;
  /** The most recently created events, newest first (ties: higher id first), whenever they take place. */
  newest(query: NewestEventsQuery): Promise<CityEvent[]>;
}

/**
 * The places an insight counts: one city's public places. Pending and deleted places never count; `demo`
 * keeps only demo (true) or only real (false) places, and both when it is absent.
 */
export interface InsightsScope {
  city: string;
  demo?: boolean;
}

/**
 * A span of stored time from `from` up to, not including, `until`: UTC hours as `YYYY-MM-DDTHH`, which
 * compare as text with the stored ISO timestamps and with the `YYYY-MM` buckets of stated opening dates.
 */
export interface TimeWindow {
  from: string;
  until: string;
}

/**
 * A count in one time bucket: a UTC hour `YYYY-MM-DDTHH` for what timestamps say (the caller puts each hour
 * in the city's wall-calendar month, which UTC months would cut wrongly around midnight), or a month
 * `YYYY-MM` that is already the city's own (a place's stated opening date).
 */
export interface BucketCount {
  bucket: string;
  count: number;
}

export interface GroupCount {
  /** A category or neighbourhood slug; null for places without one (neighbourhood is optional). */
  slug: string | null;
  count: number;
}

export interface NewestPlaceRow {
  id: number;
  names: LocalizedText;
  originalLocale: Locale;
  category: string;
  createdAt: string;
}

/** Aggregates for the public insights page, counted by the database (GROUP BY), never row by row in the app. */
export interface InsightsRepository {
  /** Active places in the scope. */
  activeCount(scope: InsightsScope): Promise<number>;
  /** Active places per category or per neighbourhood, in no particular order. */
  activeBy(scope: InsightsScope, field: 'category' | 'neighbourhood'): Promise<GroupCount[]>;
  /** Active places serving each language (a place serving several counts for each); zero counts left out. */
  activeByLanguage(scope: InsightsScope): Promise<{ code: SpokenLanguage; count: number }[]>;
  /**
   * Places (active or closed now) by when they opened: the month they state (`opened`), else the first
   * version that is active (a baseline version, which records a state older than the history, counts from
   * the place's creation), else their creation. Empty buckets are left out.
   */
  openings(scope: InsightsScope, window: TimeWindow): Promise<BucketCount[]>;
  /** Versions (of places active or closed now) that turned an open place closed, per UTC hour; zeros left out. */
  closings(scope: InsightsScope, window: TimeWindow): Promise<BucketCount[]>;
  /** The most recently added active places, newest first. */
  newestActive(scope: InsightsScope, limit: number): Promise<NewestPlaceRow[]>;
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

export interface Storage extends Repositories {
  readonly capabilities: StorageCapabilities;
  readonly places: PlaceRepository;
  readonly limits: LimitRepository;
  readonly events: EventRepository;
  readonly insights: InsightsRepository;
  /** Runs `work` in one transaction over several repositories (a thrown error rolls everything back). */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  readonly taxonomy: TaxonomyRepository;
  readonly meta: MetaRepository;
  migrate(): Promise<{ applied: string[] }>;
  close(): Promise<void>;
}
