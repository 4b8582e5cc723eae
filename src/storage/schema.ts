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
  /** Duplicate keys (domain/places/duplicate-keys.ts): the original name folded, phone digits, website. */
  name_key: string | null;
  phone_key: string | null;
  website_key: string | null;
  /** 1 for a home-based place: lon/lat/address then hold the approximate public view, exact_* the truth. */
  home_based: number;
  exact_lon: number | null;
  exact_lat: number | null;
  exact_address: string | null;
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

export interface Database {
  categories: CategoryTable;
  cities: CityTable;
  neighbourhoods: NeighbourhoodTable;
  hours_patterns: HoursPatternTable;
  places: PlaceTable;
  meta: MetaTable;
  search_terms: SearchTermTable;
}
