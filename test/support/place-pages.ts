import type { Locale } from '../../src/domain/locales.ts';

/** What is needed to find a place on the site's pages. */
export interface ShownPlace {
  id: number;
  /** The API's `url`: `/p/{id}-{slug}`. */
  url: string;
  lon: number;
  lat: number;
  /** A word the text search finds the place by. */
  searchWord: string;
}

export interface PageShowingPlace {
  /** For messages: "place page", "home list", … */
  name: string;
  /** Path and query on the app. */
  path: string;
  /** The place's own page (its name is the h1, it has JSON-LD), a list holding it, or no place text yet. */
  kind: 'place' | 'list' | 'none';
}

/** A small box around the place, so the lists that follow an area include it. */
function areaAround(place: ShownPlace): string {
  const d = 0.002;
  return [place.lon - d, place.lat - d, place.lon + d, place.lat + d].map((n) => n.toFixed(5)).join(',');
}

/**
 * Every page that shows a place's text, in one locale. The XSS corpus test opens each of them for each stored
 * payload (a list page once, as places share it): add new pages here (the moderation queue, a place's
 * history, …) and they are checked too.
 */
export function pagesShowingPlace(place: ShownPlace, locale: Locale): PageShowingPlace[] {
  const area = areaAround(place);
  const search = encodeURIComponent(place.searchWord);
  return [
    { name: 'place page', path: `/${locale}${place.url}`, kind: 'place' },
    { name: 'home list', path: `/${locale}/?bbox=${area}`, kind: 'list' },
    { name: 'home search', path: `/${locale}/?q=${search}`, kind: 'list' },
    { name: 'embedded map', path: `/embed?locale=${locale}&bbox=${area}`, kind: 'list' },
    { name: 'embedded map of the whole instance', path: `/embed?locale=${locale}`, kind: 'list' },
    // The builder shows the embedded map in a preview frame.
    { name: 'embed builder', path: `/${locale}/embed`, kind: 'list' },
    // The community's pages: forms that start from the place, its history, and (for a moderator, which the
    // corpus test signs in as) the queue with its diffs and reports.
    { name: 'edit form', path: `/${locale}/p/${place.id}/edit`, kind: 'list' },
    { name: 'report form', path: `/${locale}/p/${place.id}/report`, kind: 'list' },
    { name: 'history', path: `/${locale}/p/${place.id}/history`, kind: 'list' },
    { name: 'moderation queue', path: `/${locale}/moderation`, kind: 'list' },
    // No place text today; listed so that text added there later is checked from the start.
    { name: 'open data', path: `/${locale}/open-data`, kind: 'none' },
  ];
}
