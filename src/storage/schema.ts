import type { Generated } from 'kysely';

/** Table shapes as both backends store them: JSON as text, booleans as 0/1, times as ISO-8601 text. */
export interface CategoryTable {
  slug: string;
  parent: string | null;
  names: string;
  synonyms: string;
  color: string;
  sort: number;
}

export interface CityTable {
  slug: string;
  names: string;
  time_zone: string;
  centre_lon: number;
  centre_lat: number;
  zoom: number;
  bounds: string;
}

export interface NeighbourhoodTable {
  slug: string;
  city: string;
  names: string;
  centre_lon: number;
  centre_lat: number;
}

export interface HoursPatternTable {
  id: Generated<number>;
  value: string;
}

export interface PlaceTable {
  id: Generated<number>;
  status: string;
  category: string;
  extra_categories: string;
  names: string;
  original_locale: string;
  descriptions: string;
  lon: number;
  lat: number;
  address: string | null;
  city: string;
  neighbourhood: string | null;
  contacts: string;
  hours: string | null;
  hours_id: number | null;
  languages: string;
  language_mask: number;
  tags: string;
  is_demo: number;
  source: string;
  source_id: string | null;
  source_layer: string | null;
  /** Search keys (see domain/search) of the names and of everything else, space-separated. */
  search_name: string;
  search_other: string;
  /** The category, neighbourhood and city as full-text tokens (domain/search/taxonomy-tokens.ts). */
  search_taxonomy: string;
  /** Duplicate keys (domain/places/duplicate-keys.ts): the original name folded, phone digits, website. */
  name_key: string | null;
  phone_key: string | null;
  website_key: string | null;
  /** 1 for a home-based place: lon/lat/address then hold the approximate public view, exact_* the truth. */
  home_based: number;
  exact_lon: number | null;
  exact_lat: number | null;
  exact_address: string | null;
  /** 1 when the place says locals are welcome (the map's "locals welcome" filter). */
  locals_welcome: number;
  /** `YYYY-MM` or `YYYY-MM-DD` when known. */
  opened: string | null;
  /** Grows by one with every change; the latest row of place_versions has this number. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SearchTermTable {
  id: Generated<number>;
  term: string;
}

export interface MetaTable {
  key: string;
  value: number;
}

export interface UserTable {
  id: Generated<number>;
  email: string | null;
  email_verified: number;
  password_hash: string | null;
  display_name: string | null;
  role: string;
  telegram_id: string | null;
  notify_digest: Generated<number>;
  locale: Generated<string>;
  created_at: string;
  deleted_at: string | null;
}

/** A session or one-time link is stored by the SHA-256 of its secret, never the secret itself. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface OneTimeTokenTable {
  id: string;
  purpose: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PlaceVersionTable {
  id: Generated<number>;
  place_id: number;
  version: number;
  action: string;
  /** The whole place as JSON (PlaceData), exact position included: this table is never public. */
  data: string;
  author_id: number | null;
  suggestion_id: number | null;
  note: string | null;
  created_at: string;
}

export interface SuggestionTable {
  id: Generated<number>;
  kind: string;
  place_id: number | null;
  base_version: number | null;
  data: string;
  comment: string | null;
  submitter_id: number | null;
  submitter_email: string | null;
  submitter_locale: string;
  proof_of_work: number;
  status: string;
  reason: string | null;
  reviewer_id: number | null;
  created_at: string;
  reviewed_at: string | null;
}

export interface ReportTable {
  id: Generated<number>;
  place_id: number;
  kind: string;
  message: string | null;
  submitter_id: number | null;
  submitter_email: string | null;
  submitter_locale: string;
  status: string;
  resolver_id: number | null;
  resolution: string | null;
  created_at: string;
  resolved_at: string | null;
}

export interface ClaimTable {
  id: Generated<number>;
  place_id: number;
  user_id: number;
  evidence: string;
  status: string;
  reason: string | null;
  reviewer_id: number | null;
  created_at: string;
  reviewed_at: string | null;
}

export interface PlaceRedirectTable {
  from_id: number;
  to_id: number;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  target: string;
  details: string;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

export interface SpentChallengeTable {
  key: string;
  expires_at: string;
}

export interface EventTable {
  id: Generated<number>;
  status: string;
  type: string;
  city: string;
  place_id: number | null;
  titles: string;
  descriptions: string;
  original_locale: string;
  start_local: string;
  end_local: string | null;
  all_day: number;
  time_zone: string;
  rrule: string | null;
  exdates: string;
  address: string | null;
  lon: number | null;
  lat: number | null;
  languages: string;
  language_mask: number;
  locals_welcome: number;
  bilingual: number;
  free: number;
  price: string | null;
  min_age: number | null;
  organiser_url: string | null;
  is_demo: number;
  /** UTC instants bounding the whole series (`last_end` null: it never ends). */
  first_start: string;
  last_end: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventChangeTable {
  id: Generated<number>;
  event_id: number;
  base: string;
  proposed: string;
  comment: string | null;
  submitter_id: number | null;
  status: string;
  reason: string | null;
  reviewer_id: number | null;
  created_at: string;
  reviewed_at: string | null;
}

export interface Database {
  events: EventTable;
  event_changes: EventChangeTable;
  users: UserTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  place_versions: PlaceVersionTable;
  suggestions: SuggestionTable;
  reports: ReportTable;
  claims: ClaimTable;
  place_redirects: PlaceRedirectTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitTable;
  spent_challenges: SpentChallengeTable;
  categories: CategoryTable;
  cities: CityTable;
  neighbourhoods: NeighbourhoodTable;
  hours_patterns: HoursPatternTable;
  places: PlaceTable;
  meta: MetaTable;
  search_terms: SearchTermTable;
}
