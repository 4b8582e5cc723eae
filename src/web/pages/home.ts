import { InputError } from '../../domain/errors.ts';
import type { BBox } from '../../domain/geo.ts';
import { type Locale, pickText } from '../../domain/locales.ts';
import { parseBBox } from '../../http/params.ts';
import type { AppContext } from '../../usecases/context.ts';
import { listOccurrences } from '../../usecases/events/events.ts';
import { type ListPlacesRequest, type ListPlacesResult, listPlaces } from '../../usecases/list-places.ts';
import type { PlaceView } from '../../usecases/present-place.ts';
import { categoryFacets, type FacetLink, facetLinks } from '../components/facets.ts';
import { filterForm } from '../components/filters.ts';
import { type PlaceCard, type ResultsPage, resultsSection } from '../components/place-list.ts';
import {
  type Filters,
  filterParams,
  filtersFromQuery,
  type MapView,
  mapViewFromQuery,
  mapViewParams,
} from '../filters-url.ts';
import { html, type SafeHtml } from '../html.ts';
import { type Translator, t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { dateFormat, eventPath, type ShownOccurrence } from './events/event-items.ts';
import { type Assets, noScriptStyles, page } from './layout.ts';

export type QueryValue = string | string[] | undefined;
export type Query = Record<string, QueryValue>;

export const PAGE_SIZE = 50;

export interface WebDeps {
  ctx: AppContext;
  assets: Assets;
  /** A MapLibre style served by this server, when the operator configured a basemap. */
  mapStyleUrl: string | null;
}

export function cardFromView(view: PlaceView, locale: Locale): PlaceCard {
  return {
    id: view.id,
    name: view.name,
    href: localePath(locale, view.path),
    category: view.category,
    categoryName: view.categoryName,
    neighbourhoodName: view.neighbourhoodName,
    cityName: view.cityName,
    languages: view.languages,
    localsWelcome: view.localsWelcome,
    lon: view.lon,
    lat: view.lat,
    hours: view.hours,
    openNow: view.openNow,
    nextChange: view.nextChange,
  };
}

function first(value: QueryValue): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

interface ListState {
  filters: Filters;
  bbox: BBox | undefined;
  cursor: string;
}

const FILTER_FIELDS = ['q', 'category', 'city', 'neighbourhood', 'languages'] as const;

/**
 * The list for a page URL. A value the list cannot use (a hand-edited URL, a removed category) is dropped
 * and named, instead of failing the whole page.
 */
async function loadList(ctx: AppContext, locale: Locale, state: ListState) {
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const { filters, bbox, cursor } = state;
    const request: ListPlacesRequest = {
      locale,
      limit: PAGE_SIZE,
      ...(filters.q ? { q: filters.q } : {}),
      ...(filters.category ? { categories: [filters.category] } : {}),
      ...(filters.city ? { city: filters.city } : {}),
      ...(filters.neighbourhood ? { neighbourhood: filters.neighbourhood } : {}),
      ...(filters.languages.length ? { languages: filters.languages } : {}),
      ...(filters.openNow ? { openNow: true } : {}),
      ...(filters.localsWelcome ? { localsWelcome: true } : {}),
      ...(bbox ? { bbox } : {}),
      ...(cursor ? { cursor } : {}),
    };
    try {
      const result: ListPlacesResult = await listPlaces(ctx, request);
      return { result, ignored };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ignored.push(error.field);
      const field = error.field as (typeof FILTER_FIELDS)[number] | 'cursor' | 'bbox';
      if (field === 'cursor') state.cursor = '';
      else if (field === 'bbox') state.bbox = undefined;
      else if (field === 'languages') state.filters = { ...filters, languages: [] };
      else if ((FILTER_FIELDS as readonly string[]).includes(field))
        state.filters = { ...filters, [field]: '' };
      else throw error;
    }
  }
  throw new Error('the list could not be loaded with any subset of the filters');
}

/** Demo data is announced whenever the instance still holds any: one indexed count. */
async function showsDemo(ctx: AppContext): Promise<boolean> {
  return (await ctx.storage.places.count({ statuses: ['active'], demo: true })) > 0;
}

function ignoredLabel(tr: Translator, field: string): string {
  const f = tr.m.filters;
  const labels: Record<string, string> = {
    q: f.search,
    category: f.category,
    city: f.city,
    neighbourhood: f.neighbourhood,
    languages: f.languages,
    cursor: tr.m.list.nextPage,
    bbox: tr.m.map.label,
  };
  return labels[field] ?? field;
}

export interface HomeData {
  filters: Filters;
  view: MapView | null;
  results: ResultsPage;
  /** The categories among a text search's results, as links narrowing it. */
  facets: FacetLink[];
  ignored: string[];
  demo: boolean;
  /** Language exchanges and events that welcome locals, soon: the bridge between newcomers and the city. */
  featured: ShownOccurrence[];
}

const FEATURED_DAYS = 14;

/** The next few occurrences (one per event) of language exchanges and locals-welcome events in the city. */
async function featuredEvents(ctx: AppContext, city: string | undefined): Promise<ShownOccurrence[]> {
  const from = ctx.now();
  const to = new Date(from.getTime() + FEATURED_DAYS * 86_400_000);
  const found = await listOccurrences(ctx, { from, to, ...(city ? { city } : {}) });
  const seen = new Set<number>();
  return found
    .filter(
      (f) =>
        f.event.status !== 'cancelled' && (f.event.localsWelcome || f.event.type === 'language-exchange'),
    )
    .filter((f) => !seen.has(f.event.id) && seen.add(f.event.id))
    .slice(0, 3);
}

export async function loadHome(ctx: AppContext, locale: Locale, query: Query): Promise<HomeData> {
  const filters = filtersFromQuery(query);
  // A neighbourhood names its city; the form may still say another (no-JavaScript users pick both).
  const hood = filters.neighbourhood ? ctx.taxonomy.neighbourhood(filters.neighbourhood) : undefined;
  if (hood) filters.city = hood.city;
  const view = mapViewFromQuery(query.c, query.z);
  let bbox: BBox | undefined;
  try {
    bbox = parseBBox(first(query.bbox));
  } catch {
    bbox = undefined;
  }
  const state: ListState = { filters, bbox, cursor: first(query.cursor) };
  const { result, ignored } = await loadList(ctx, locale, state);
  const base = filterParams(state.filters);
  if (view) for (const [k, v] of mapViewParams(view)) base.set(k, v);
  if (state.bbox)
    base.set('bbox', [state.bbox.minLon, state.bbox.minLat, state.bbox.maxLon, state.bbox.maxLat].join(','));
  const href = (params: URLSearchParams) => `${localePath(locale)}${params.size ? `?${params}` : ''}`;
  const next = new URLSearchParams(base);
  if (result.nextCursor) next.set('cursor', result.nextCursor);
  const categoryName = (slug: string) => {
    const category = ctx.taxonomy.category(slug);
    return category ? pickText(category.names, locale) : '';
  };
  return {
    featured: await featuredEvents(ctx, state.filters.city),
    filters: state.filters,
    view,
    facets: facetLinks(result.facets?.categories, state.filters, locale, categoryName),
    ignored,
    demo: await showsDemo(ctx),
    results: {
      items: result.items.map((item) => cardFromView(item, locale)),
      nextHref: result.nextCursor ? href(next) : null,
      firstHref: state.cursor ? href(base) : null,
      inArea: Boolean(state.bbox),
    },
  };
}

/**
 * The map's container: the browser script draws the map in it, starting at the view or else the bounds.
 * `extra` carries the embedded map's fixed filters.
 */
export function mapPanel(
  tr: Translator,
  deps: WebDeps,
  bounds: string,
  view: MapView | null,
  extra: SafeHtml = html``,
): SafeHtml {
  return html`<div class="map-panel">
    <div id="map" class="map" role="region" aria-label="${tr.m.map.label}"
      data-bounds="${bounds}"
      ${view ? html`data-center="${view.lat},${view.lon}" data-zoom="${view.zoom}"` : ''}
      ${deps.mapStyleUrl ? html`data-style-url="${deps.mapStyleUrl}"` : ''}${extra}></div>
  </div>`;
}

/** The union of the cities' bounds: where the map opens when the link does not say. */
export function startBounds(ctx: AppContext, city: string): string {
  const cities = ctx.taxonomy.cities.filter((c) => !city || c.slug === city);
  const all = cities.length ? cities : ctx.taxonomy.cities;
  if (!all.length) return '';
  const b = all.map((c) => c.bounds);
  return [
    Math.min(...b.map((x) => x[0])),
    Math.min(...b.map((x) => x[1])),
    Math.max(...b.map((x) => x[2])),
    Math.max(...b.map((x) => x[3])),
  ].join(',');
}

function featuredSection(tr: Translator, featured: ShownOccurrence[]): SafeHtml {
  if (featured.length === 0) return html``;
  const e = tr.m.events;
  return html`<section class="featured-events" aria-labelledby="h-featured">
  <h2 id="h-featured">${e.featuredHeading}</h2>
  <p class="featured-events__intro">${e.featuredIntro}</p>
  <ul class="featured-events__list">${featured.map((f) => {
    const when = dateFormat(tr.locale, f.event.timeZone, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(f.event.allDay ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const }),
    }).format(f.occurrence.start);
    return html`<li><time datetime="${f.occurrence.start.toISOString()}">${when}</time> · <a href="${localePath(tr.locale, eventPath(f.event))}">${pickText(f.event.titles, tr.locale, f.event.originalLocale)}</a></li>`;
  })}</ul>
  <p><a href="${localePath(tr.locale, 'events')}?locals_welcome=true">${e.allEvents}</a></p>
</section>`;
}

/** The places feed of what the page shows: its city and category, in its language. */
function feedQuery(locale: Locale, filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.city) params.set('city', filters.city);
  if (filters.category) params.set('category', filters.category);
  params.set('locale', locale);
  return `?${params}`;
}

export function renderHome(
  deps: WebDeps,
  locale: Locale,
  data: HomeData,
  origin: string,
  query: string,
): SafeHtml {
  const tr = t(locale);
  const { ctx } = deps;
  const body = html`<main id="main" class="home">
  <div class="sidebar">
    <div class="sidebar__top">
      <h1 class="home__title">${tr.m.home.heading}</h1>
      ${filterForm(tr, ctx.taxonomy, data.filters, data.view)}
      ${
        data.ignored.length
          ? html`<p class="notice notice--warning">${tr.format(tr.m.filters.ignored, {
              fields: data.ignored.map((f) => ignoredLabel(tr, f)).join(', '),
            })}</p>`
          : ''
      }
    </div>
    ${featuredSection(tr, data.featured)}
    ${resultsSection(tr, data.results, categoryFacets(tr, data.facets))}
  </div>
  ${mapPanel(tr, deps, startBounds(ctx, data.filters.city), data.view, html` data-now="${ctx.now().toISOString()}"`)}
</main>`;
  return page({
    tr,
    title: tr.m.home.title,
    localeHref: (l) => `${localePath(l)}${query}`,
    origin,
    canonicalPath: localePath(locale),
    defaultPath: '/',
    body,
    pageClass: 'page-home',
    assets: deps.assets,
    demo: data.demo,
    head: html`${noScriptStyles}
<link rel="alternate" type="application/atom+xml" title="${tr.format(tr.m.feeds.subscribe, { format: 'Atom' })}" href="${origin}/api/v1/feeds/places.atom${feedQuery(locale, data.filters)}">`,
  });
}
