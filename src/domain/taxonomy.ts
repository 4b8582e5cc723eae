import type { LonLat } from './geo.ts';
import type { LocalizedText } from './locales.ts';

/** A node of the category tree: a group (parent null) or a category inside a group. */
export interface Category {
  slug: string;
  parent: string | null;
  names: LocalizedText;
  /** Search synonyms per language tag (e.g. `ru`, `sr`, `en`, `uk`): editable data, never code. */
  synonyms: Record<string, string[]>;
  /** A colour for markers and badges (#rrggbb). */
  color: string;
  sort: number;
}

export interface Neighbourhood {
  slug: string;
  city: string;
  names: LocalizedText;
  /** Centre used for "derive the neighbourhood from coordinates" (nearest centre wins) and for approximate positions. */
  centre: LonLat;
}

export interface City {
  slug: string;
  names: LocalizedText;
  timeZone: string;
  centre: LonLat;
  /** The default map zoom for the city. */
  zoom: number;
  /** Outer bounds: a point outside them is not in the city. [minLon, minLat, maxLon, maxLat]. */
  bounds: readonly [number, number, number, number];
  neighbourhoods: Neighbourhood[];
}
