import { type Filters, filtersFromQuery, NO_FILTERS } from '../filters-url.ts';
import type { Translator } from '../i18n/index.ts';
import { HomeEvents } from './home-events.ts';
import { debounce, readForm, reflectInUrl, syncPlaceSelects, updateFilterBadge } from './home-filters.ts';
import { HomeList, type PlaceFeature } from './home-list.ts';
import { HomeMap, type MapPoint } from './home-map.ts';
import { addAreaLabels, createMap, showMapMessage } from './map-base.ts';

function numbers(text: string | undefined): number[] {
  return (text ?? '').split(',').filter(Boolean).map(Number);
}

function pointFromFeature(feature: PlaceFeature): MapPoint {
  const [lon, lat] = feature.geometry.coordinates;
  const p = feature.properties;
  return { id: p.id, lon, lat, name: p.name, url: p.url, category: p.category, color: p.color };
}

/** Category names for map popups from a JSON block the page carries (the embedded map has no form to read). */
function namesFromPage(id: string): (slug: string) => string {
  let names: Record<string, string> = {};
  try {
    names = JSON.parse(document.getElementById(id)?.textContent ?? '{}') as Record<string, string>;
  } catch {
    // A missing or broken block only leaves the popups without a category line.
  }
  return (slug) => names[slug] ?? '';
}

/**
 * The home page with JavaScript: the map, and the list and filters following it without reloads. The
 * embedded map (`data-embed`) is the same map and list with fixed filters from its address, no form, an
 * address bar that stays as the embedding site wrote it, and place links that open the full site.
 */
export function initHome(container: HTMLElement, tr: Translator): void {
  const embedded = container.dataset.embed === 'true';
  const form = embedded ? null : document.querySelector<HTMLFormElement>('form#filters');
  const results = document.querySelector<HTMLElement>('section.results');
  const [lat, lon] = numbers(container.dataset.center);
  const zoom = Number(container.dataset.zoom);
  const [west, south, east, north] = numbers(container.dataset.bounds);
  const start =
    lat !== undefined && lon !== undefined && Number.isFinite(zoom)
      ? { center: [lon, lat] as [number, number], zoom }
      : west !== undefined && south !== undefined && east !== undefined && north !== undefined
        ? {
            bounds: [west, south, east, north] as [number, number, number, number],
            fitBoundsOptions: { padding: 24 },
          }
        : { center: [20.46, 44.81] as [number, number], zoom: 11 };
  const map = createMap(container, tr, { ...start, maxZoom: 19 });
  if (!map) return;

  const categoryName = form
    ? (slug: string) =>
        form.querySelector<HTMLOptionElement>(`select[name="category"] option[value="${CSS.escape(slug)}"]`)
          ?.text ?? ''
    : namesFromPage('category-names');
  const homeMap = new HomeMap(map, tr, categoryName, embedded);
  // The embedded map shows only the places its address asks for.
  const events = embedded ? null : new HomeEvents(map, tr);
  let filters: Filters = form
    ? readForm(form)
    : embedded
      ? filtersFromQuery({ category: container.dataset.category, city: container.dataset.city })
      : NO_FILTERS;
  let searchPoints: MapPoint[] = [];
  const list = results
    ? new HomeList(
        results,
        tr,
        (features, append) => {
          // With a text search the map shows the matches themselves (the clusters endpoint has no text search).
          if (!filters.q) return;
          searchPoints = [...(append ? searchPoints : []), ...features.map(pointFromFeature)];
          homeMap.showPoints(searchPoints);
        },
        categoryName,
        embedded,
      )
    : null;

  const refresh = async () => {
    const viewport = homeMap.viewport();
    const centre = map.getCenter();
    if (!embedded) reflectInUrl(filters, { lat: centre.lat, lon: centre.lng, zoom: map.getZoom() });
    const tasks: Promise<unknown>[] = [];
    if (list) tasks.push(list.load(filters, viewport));
    if (filters.q) homeMap.showClusters([]);
    else tasks.push(homeMap.loadClusters(filters, viewport));
    if (events) tasks.push(events.load(filters, viewport));
    try {
      await Promise.all(tasks);
      showMapMessage(container, '');
    } catch {
      showMapMessage(container, tr.m.map.loadError);
    }
    container.dataset.ready = 'true';
  };
  const refreshSoon = debounce(() => void refresh(), 200);

  map.on('load', () => {
    void refresh();
    map.on('moveend', refreshSoon);
    void addAreaLabels(map, tr.locale);
  });

  // Pointing at a list entry rings its place on the map.
  if (results) {
    const cardOf = (event: Event) => (event.target as Element | null)?.closest<HTMLElement>('li.card');
    const ring = (event: Event) => {
      const card = cardOf(event);
      homeMap.highlight(card ? [Number(card.dataset.lon), Number(card.dataset.lat)] : null);
    };
    results.addEventListener('mouseover', ring);
    results.addEventListener('focusin', ring);
    results.addEventListener('mouseleave', () => homeMap.highlight(null));
    results.addEventListener('focusout', () => homeMap.highlight(null));
  }

  /** A new text search looks everywhere, then shows the matches on the map; moving the map narrows it again. */
  const searchEverywhere = async () => {
    if (!list) return;
    const centre = map.getCenter();
    reflectInUrl(filters, { lat: centre.lat, lon: centre.lng, zoom: map.getZoom() });
    try {
      const features = await list.load(filters, null);
      if (!features?.length) return;
      const lons = features.map((f) => f.geometry.coordinates[0]);
      const lats = features.map((f) => f.geometry.coordinates[1]);
      map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], {
        padding: 48,
        maxZoom: 15,
        duration: 800,
      });
    } catch {
      showMapMessage(container, tr.m.map.loadError);
    }
  };

  if (!form) return;
  let searched = filters.q;
  /** Reads the form and updates the map and list; `search` is an explicit search (Enter or the button). */
  const apply = (target: EventTarget | null, search = false) => {
    syncPlaceSelects(form, target);
    filters = readForm(form);
    updateFilterBadge(form, tr, filters);
    if (filters.q && (search || filters.q !== searched)) {
      searched = filters.q;
      refreshSoon.cancel();
      homeMap.showClusters([]);
      void searchEverywhere();
      return;
    }
    searched = filters.q;
    const select = target instanceof HTMLSelectElement ? target : null;
    const option = select?.selectedOptions[0];
    if (select?.name === 'city' && option?.dataset.bounds) {
      const [w = 0, s = 0, e = 0, n = 0] = numbers(option.dataset.bounds);
      map.fitBounds([w, s, e, n], { padding: 24, duration: 800 });
    } else if (select?.name === 'neighbourhood' && option?.dataset.centre) {
      const [nLon = 0, nLat = 0] = numbers(option.dataset.centre);
      map.flyTo({ center: [nLon, nLat], zoom: Math.max(map.getZoom(), 14), duration: 800 });
    }
    refreshSoon();
  };
  syncPlaceSelects(form, null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(null, true);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).id !== 'f-q') apply(event.target);
  });
  // Typing does not move the map; clearing the search box goes back to all places.
  form.querySelector<HTMLInputElement>('#f-q')?.addEventListener('input', (event) => {
    if (!(event.target as HTMLInputElement).value.trim()) apply(null);
  });
}
