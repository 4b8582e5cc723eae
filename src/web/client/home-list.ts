import { categoryFacets, facetLinks } from '../components/facets.ts';
import { type PlaceCard, pager, placeCards, resultsBody, resultsStatus } from '../components/place-list.ts';
import { type Filters, filterParams } from '../filters-url.ts';
import type { Translator } from '../i18n/index.ts';

/** The API's place feature, as far as the list and the map read it. */
export interface PlaceFeature {
  geometry: { coordinates: [number, number] };
  properties: {
    id: number;
    name: string;
    url: string;
    category: string;
    category_name: string;
    color: string;
    city_name: string;
    neighbourhood_name: string | null;
    languages: string[];
    locals_welcome?: boolean;
    hours: string | null;
    open_now?: boolean;
    next_change?: { at: string; days_ahead: number; weekday: number };
  };
}

interface PlacePage {
  features: PlaceFeature[];
  next_cursor: string | null;
  /** Counts for a text query. */
  facets?: { categories: Record<string, number> };
}

export interface Viewport {
  bbox: [number, number, number, number];
  center: { lat: number; lon: number };
  /** Half the viewport's diagonal, in metres: the radius that covers what is visible. */
  radiusM: number;
}

export const LIST_LIMIT = 50;
// The API's largest "near" radius; wider views are listed without distance order.
const MAX_RADIUS_M = 50_000;

export function cardFromFeature(feature: PlaceFeature, locale: string): PlaceCard {
  const p = feature.properties;
  const [hour = 0, minute = 0] = (p.next_change?.at ?? '').split(':').map(Number);
  return {
    id: p.id,
    name: p.name,
    href: `/${locale}${p.url}`,
    category: p.category,
    categoryName: p.category_name,
    neighbourhoodName: p.neighbourhood_name,
    cityName: p.city_name,
    languages: p.languages,
    localsWelcome: p.locals_welcome ?? false,
    lon: feature.geometry.coordinates[0],
    lat: feature.geometry.coordinates[1],
    hours: p.hours,
    openNow: p.open_now ?? null,
    nextChange: p.next_change
      ? { hour, minute, weekday: p.next_change.weekday, daysAhead: p.next_change.days_ahead }
      : null,
  };
}

/**
 * The API query for the list: the filters, the viewport (null: everywhere), and nearest-to-centre order
 * unless searching by text (then the best match comes first).
 */
export function listQuery(
  filters: Filters,
  viewport: Viewport | null,
  locale: string,
  cursor?: string,
): URLSearchParams {
  const params = filterParams(filters);
  if (viewport) params.set('bbox', viewport.bbox.map((n) => n.toFixed(5)).join(','));
  if (viewport && !filters.q && viewport.radiusM <= MAX_RADIUS_M) {
    params.set('near', `${viewport.center.lat.toFixed(5)},${viewport.center.lon.toFixed(5)}`);
    params.set('radius_m', String(Math.max(1, Math.ceil(viewport.radiusM))));
  }
  params.set('locale', locale);
  params.set('limit', String(LIST_LIMIT));
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** The list beside the map: the server's markup on first load, then redrawn from the API as the map moves. */
export class HomeList {
  private controller: AbortController | null = null;
  private lastQuery: URLSearchParams | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly tr: Translator,
    private readonly onPlaces: (features: PlaceFeature[], append: boolean) => void,
    private readonly categoryName: (slug: string) => string = () => '',
    /** Place links open the full site in a new tab (the embedded map). */
    private readonly newTab = false,
  ) {
    root.addEventListener('click', (event) => {
      const next = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.pager__next');
      if (!next || !this.nextCursor) return;
      event.preventDefault();
      void this.showMore();
    });
  }

  private nextCursor: string | null = null;
  private inArea = true;

  private get body(): HTMLElement | null {
    return this.root.querySelector('#results-body');
  }

  /** Replaces the list; resolves to the features shown, or null when a newer request took over. */
  async load(filters: Filters, viewport: Viewport | null): Promise<PlaceFeature[] | null> {
    const query = listQuery(filters, viewport, this.tr.locale);
    const page = await this.fetchPage(query);
    if (!page) return null;
    this.lastQuery = query;
    this.nextCursor = page.next_cursor;
    this.inArea = viewport !== null;
    const items = page.features.map((f) => cardFromFeature(f, this.tr.locale));
    const results = {
      items,
      nextHref: this.nextHref(filters, viewport),
      firstHref: null,
      inArea: this.inArea,
      appends: true,
      newTab: this.newTab,
    };
    const body = this.body;
    if (body) body.innerHTML = resultsBody(this.tr, results).value;
    const status = this.root.querySelector('#results-status');
    if (status) status.textContent = resultsStatus(this.tr, results);
    const facets = this.root.querySelector('#results-facets');
    if (facets) {
      const links = facetLinks(page.facets?.categories, filters, this.tr.locale, this.categoryName);
      facets.innerHTML = categoryFacets(this.tr, links).value;
    }
    this.onPlaces(page.features, false);
    return page.features;
  }

  private async showMore(): Promise<void> {
    if (!this.lastQuery || !this.nextCursor) return;
    const query = new URLSearchParams(this.lastQuery);
    query.set('cursor', this.nextCursor);
    const page = await this.fetchPage(query);
    if (!page) return;
    this.nextCursor = page.next_cursor;
    const list = this.root.querySelector('#cards');
    const first = list?.children.length ?? 0;
    list?.insertAdjacentHTML(
      'beforeend',
      placeCards(
        this.tr,
        page.features.map((f) => cardFromFeature(f, this.tr.locale)),
        this.newTab,
      ).value,
    );
    const oldPager = this.root.querySelector('.pager');
    const nextHref = this.nextCursor
      ? (oldPager?.querySelector<HTMLAnchorElement>('a.pager__next')?.href ?? '#')
      : null;
    oldPager?.insertAdjacentHTML(
      'afterend',
      pager(this.tr, { nextHref, firstHref: null, appends: true }).value,
    );
    oldPager?.remove();
    const status = this.root.querySelector('#results-status');
    const shown = list?.children.length ?? 0;
    if (status)
      status.textContent = resultsStatus(this.tr, { items: [], nextHref, inArea: this.inArea }, shown);
    // Keyboard users continue where the new entries start.
    list?.children[first]?.querySelector('a')?.focus();
    this.onPlaces(page.features, true);
  }

  /** A real link for "open in a new tab"; a click is handled here and appends the next page instead. */
  private nextHref(filters: Filters, viewport: Viewport | null): string | null {
    if (!this.nextCursor) return null;
    const params = filterParams(filters);
    if (viewport) params.set('bbox', viewport.bbox.map((n) => n.toFixed(5)).join(','));
    return `/${this.tr.locale}/?${params}`;
  }

  private async fetchPage(query: URLSearchParams): Promise<PlacePage | null> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.root.classList.add('is-loading');
    try {
      const response = await fetch(`/api/v1/places?${query}`, { signal: controller.signal });
      if (!response.ok) throw new Error(`places: HTTP ${response.status}`);
      return (await response.json()) as PlacePage;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return null;
      throw error;
    } finally {
      if (this.controller === controller) this.root.classList.remove('is-loading');
    }
  }
}
