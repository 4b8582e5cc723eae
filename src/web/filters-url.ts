/**
 * The list filters as they appear in page URLs. Shared by the server (links, form values) and the browser
 * script (history.replaceState, API calls), so a link made by either side means the same thing.
 */
export interface Filters {
  q: string;
  category: string;
  city: string;
  neighbourhood: string;
  languages: string[];
  openNow: boolean;
  localsWelcome: boolean;
}

export const NO_FILTERS: Filters = {
  q: '',
  category: '',
  city: '',
  neighbourhood: '',
  languages: [],
  openNow: false,
  localsWelcome: false,
};

/** The interface offers these; the API knows more, and a hand-made URL may use them. */
export const FILTER_LANGUAGES = ['ru', 'sr', 'en', 'uk'] as const;

type QueryValue = string | string[] | undefined;

function first(value: QueryValue): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** `languages=ru&languages=sr` (a plain form) and `languages=ru,sr` (the API style) both work. */
function list(value: QueryValue): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

function isYes(value: QueryValue): boolean {
  return ['true', '1', 'on', 'yes'].includes(first(value));
}

export function filtersFromQuery(query: Record<string, QueryValue>): Filters {
  return {
    q: first(query.q).slice(0, 200),
    category: first(query.category),
    city: first(query.city),
    neighbourhood: first(query.neighbourhood),
    languages: list(query.languages),
    openNow: isYes(query.open_now),
    localsWelcome: isYes(query.locals_welcome),
  };
}

/** Only the filters that are set, in a stable order. */
export function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.category) params.set('category', filters.category);
  if (filters.city) params.set('city', filters.city);
  if (filters.neighbourhood) params.set('neighbourhood', filters.neighbourhood);
  if (filters.languages.length) params.set('languages', filters.languages.join(','));
  if (filters.openNow) params.set('open_now', 'true');
  if (filters.localsWelcome) params.set('locals_welcome', 'true');
  return params;
}

/** How many of the "more filters" are set (the search box is not counted: it is always visible). */
export function activeFilterCount(filters: Filters): number {
  return (
    (filters.category ? 1 : 0) +
    (filters.city ? 1 : 0) +
    (filters.neighbourhood ? 1 : 0) +
    (filters.languages.length ? 1 : 0) +
    (filters.openNow ? 1 : 0) +
    (filters.localsWelcome ? 1 : 0)
  );
}

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

/** `c=44.81,20.46&z=13` → a map view; anything malformed or out of range gives null. */
export function mapViewFromQuery(c: QueryValue, z: QueryValue): MapView | null {
  const [latText, lonText] = first(c).split(',');
  const lat = Number(latText);
  const lon = Number(lonText);
  const zoom = Number(first(z));
  if (!latText || !lonText || !first(z)) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !Number.isFinite(zoom)) return null;
  if (lat < -85 || lat > 85 || lon < -180 || lon > 180 || zoom < 0 || zoom > 22) return null;
  return { lat, lon, zoom };
}

export function mapViewParams(view: MapView): URLSearchParams {
  const digits = view.zoom >= 15 ? 5 : 4;
  return new URLSearchParams({
    c: `${view.lat.toFixed(digits)},${view.lon.toFixed(digits)}`,
    z: view.zoom.toFixed(2).replace(/\.?0+$/, ''),
  });
}
