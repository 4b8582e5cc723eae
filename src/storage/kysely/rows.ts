import type { SpokenLanguage } from '../../domain/languages.ts';
import { languageMask } from '../../domain/languages.ts';
import type { Locale } from '../../domain/locales.ts';
import { publicView } from '../../domain/places/approximate-position.ts';
import { type DuplicateKeys, duplicateKeys } from '../../domain/places/duplicate-keys.ts';
import type { Place, PlaceData, PlaceStatus } from '../../domain/places/place.ts';
import { placeTaxonomyTokens } from '../../domain/search/taxonomy-tokens.ts';
import type { Category, City } from '../../domain/taxonomy.ts';
import type { SearchDocument } from '../repositories.ts';
import type { CategoryTable, CityTable, NeighbourhoodTable, PlaceTable } from '../schema.ts';

type PlaceRow = Omit<PlaceTable, 'id' | 'version'> & { id: number; version?: number };
export type PlaceColumns = Omit<PlaceTable, 'id' | 'created_at' | 'updated_at' | 'hours_id' | 'version'>;

export function placeFromRow(row: PlaceRow): Place {
  return {
    id: Number(row.id),
    status: row.status as PlaceStatus,
    category: row.category,
    extraCategories: JSON.parse(row.extra_categories),
    names: JSON.parse(row.names),
    originalLocale: row.original_locale as Locale,
    descriptions: JSON.parse(row.descriptions),
    lon: row.lon,
    lat: row.lat,
    address: row.address,
    city: row.city,
    neighbourhood: row.neighbourhood,
    contacts: JSON.parse(row.contacts),
    hours: row.hours,
    languages: JSON.parse(row.languages) as SpokenLanguage[],
    tags: JSON.parse(row.tags),
    isDemo: row.is_demo === 1 || (row.is_demo as unknown) === true,
    ...(Number(row.home_based) === 1 ? { homeBased: true } : {}),
    ...(Number(row.locals_welcome) === 1 ? { localsWelcome: true } : {}),
    ...(row.opened ? { opened: row.opened } : {}),
    provenance: {
      source: row.source,
      ...(row.source_id ? { sourceId: row.source_id } : {}),
      ...(row.source_layer ? { layer: row.source_layer } : {}),
    },
    version: Number(row.version ?? 1),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The row for a place. A home-based place's public columns get the approximate view; `exact` is what the
 * exact_* columns keep (by default the data's own position and address, which is then the exact one);
 * `keys` its duplicate keys, when the caller has them.
 */
export function placeColumns(
  data: PlaceData,
  search: SearchDocument,
  exact: { lon: number; lat: number; address: string | null } = data,
  keys: DuplicateKeys = duplicateKeys(publicView(data)),
): PlaceColumns {
  const home = Boolean(data.homeBased);
  const shown = publicView(data);
  return {
    home_based: home ? 1 : 0,
    exact_lon: home ? exact.lon : null,
    exact_lat: home ? exact.lat : null,
    exact_address: home ? exact.address : null,
    locals_welcome: data.localsWelcome ? 1 : 0,
    opened: data.opened ?? null,
    status: data.status,
    category: data.category,
    extra_categories: JSON.stringify(data.extraCategories),
    names: JSON.stringify(data.names),
    original_locale: data.originalLocale,
    descriptions: JSON.stringify(data.descriptions),
    lon: shown.lon,
    lat: shown.lat,
    address: shown.address,
    city: data.city,
    neighbourhood: data.neighbourhood,
    contacts: JSON.stringify(data.contacts),
    hours: data.hours,
    languages: JSON.stringify(data.languages),
    language_mask: languageMask(data.languages),
    tags: JSON.stringify(data.tags),
    is_demo: data.isDemo ? 1 : 0,
    source: data.provenance.source,
    source_id: data.provenance.sourceId ?? null,
    source_layer: data.provenance.layer ?? null,
    search_name: search.name.join(' '),
    search_other: search.other.join(' '),
    search_taxonomy: placeTaxonomyTokens(data).join(' '),
    name_key: keys.name,
    phone_key: keys.phone,
    website_key: keys.website,
  };
}

export function categoryFromRow(row: CategoryTable): Category {
  return {
    slug: row.slug,
    parent: row.parent,
    names: JSON.parse(row.names),
    synonyms: JSON.parse(row.synonyms),
    color: row.color,
    sort: Number(row.sort),
  };
}

export function categoryToRow(category: Category): CategoryTable {
  return {
    slug: category.slug,
    parent: category.parent,
    names: JSON.stringify(category.names),
    synonyms: JSON.stringify(category.synonyms),
    color: category.color,
    sort: category.sort,
  };
}

export function cityFromRows(row: CityTable, neighbourhoods: NeighbourhoodTable[]): City {
  return {
    slug: row.slug,
    names: JSON.parse(row.names),
    timeZone: row.time_zone,
    centre: [row.centre_lon, row.centre_lat],
    zoom: Number(row.zoom),
    bounds: JSON.parse(row.bounds),
    neighbourhoods: neighbourhoods
      .filter((n) => n.city === row.slug)
      .map((n) => ({
        slug: n.slug,
        city: n.city,
        names: JSON.parse(n.names),
        centre: [n.centre_lon, n.centre_lat],
      })),
  };
}
