import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { Marker } from 'maplibre-gl';
import type { Filters } from '../filters-url.ts';
import type { Translator } from '../i18n/index.ts';
import { dateFormat } from '../pages/events/event-items.ts';
import { eventMarkerLink } from './events-map.ts';
import type { Viewport } from './home-list.ts';

/** An occurrence as the events API gives it, as far as the map reads it. */
interface EventFeature {
  geometry: { coordinates: [number, number] } | null;
  properties: {
    id: number;
    title: string;
    all_day: boolean;
    time_zone: string;
    status: string;
    occurrence_start?: string;
  };
}

const WEEK_MS = 7 * 86_400_000;

/**
 * This week's events over the places: one marker per event with a venue (its next date), a link named by its
 * title and date like the events list's map. A map control switches the layer off and on; the events list
 * and the home page's featured events are the way without JavaScript.
 */
export class HomeEvents implements IControl {
  private markers: Marker[] = [];
  private controller: AbortController | null = null;
  private readonly button: HTMLButtonElement;
  private readonly box: HTMLDivElement;
  private shown = true;
  private last: { filters: Filters; viewport: Viewport } | null = null;
  private readonly loadedAt = performance.now();

  constructor(
    private readonly map: MapLibreMap,
    private readonly tr: Translator,
  ) {
    this.box = document.createElement('div');
    this.box.className = 'maplibregl-ctrl maplibregl-ctrl-group events-toggle';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'events-toggle__button';
    this.button.setAttribute('aria-pressed', 'true');
    this.button.addEventListener('click', () => this.toggle());
    this.box.append(this.button);
    this.label(null);
    map.addControl(this, 'top-left');
  }

  onAdd(): HTMLElement {
    return this.box;
  }

  onRemove(): void {
    this.box.remove();
  }

  /** Events in the visible area following the city, language and "locals welcome" filters. */
  async load(filters: Filters, viewport: Viewport): Promise<void> {
    this.last = { filters, viewport };
    this.controller?.abort();
    // A text search or a category is about places: the map then shows only the places that match.
    if (!this.shown || filters.q || filters.category) {
      this.draw([], false);
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    // The server's clock says when "this week" starts (the page carries it), as it does for "open now".
    const stated = Date.parse(this.map.getContainer().dataset.now ?? '');
    const now = Number.isFinite(stated) ? stated + (performance.now() - this.loadedAt) : Date.now();
    const params = new URLSearchParams({
      from: new Date(now).toISOString(),
      to: new Date(now + WEEK_MS).toISOString(),
      bbox: viewport.bbox.map((n) => n.toFixed(5)).join(','),
      locale: this.tr.locale,
    });
    if (filters.city) params.set('city', filters.city);
    if (filters.languages.length) params.set('lang', filters.languages.join(','));
    if (filters.localsWelcome) params.set('locals_welcome', 'true');
    let features: EventFeature[];
    try {
      const response = await fetch(`/api/v1/events?${params}`, { signal: controller.signal });
      if (!response.ok) throw new Error(`events: HTTP ${response.status}`);
      features = ((await response.json()) as { features: EventFeature[] }).features;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      // The places matter more: a failed events layer leaves the map working, just without events.
      this.draw([], false);
      return;
    }
    this.draw(nextOccurrences(features), true);
  }

  private toggle(): void {
    this.shown = !this.shown;
    this.button.setAttribute('aria-pressed', String(this.shown));
    if (this.last) void this.load(this.last.filters, this.last.viewport);
  }

  /** `counted`: the badge shows how many (not while the layer is off, stepped aside or failed). */
  private draw(features: EventFeature[], counted: boolean): void {
    for (const marker of this.markers) marker.remove();
    this.markers = features.flatMap((feature) => {
      if (!feature.geometry) return [];
      const link = eventMarkerLink(
        `/${this.tr.locale}/events/${feature.properties.id}`,
        `${feature.properties.title}, ${this.when(feature)}`,
        'event-marker event-marker--home',
      );
      return [new Marker({ element: link }).setLngLat(feature.geometry.coordinates).addTo(this.map)];
    });
    this.map.getContainer().dataset.events = String(this.markers.length);
    this.label(counted ? this.markers.length : null);
  }

  private label(count: number | null): void {
    this.button.textContent = this.tr.m.map.eventsToggle;
    if (count === null) return;
    const badge = document.createElement('span');
    badge.className = 'events-toggle__count';
    badge.textContent = String(count);
    const spoken = document.createElement('span');
    spoken.className = 'visually-hidden';
    spoken.textContent = `: ${this.tr.plural(this.tr.m.map.eventsShown, count)}`;
    badge.setAttribute('aria-hidden', 'true');
    this.button.append(' ', badge, spoken);
  }

  /** The occurrence's date (and time unless all-day) on the city's clock, in the page's language. */
  private when(feature: EventFeature): string {
    const start = feature.properties.occurrence_start;
    if (!start) return '';
    const options: Intl.DateTimeFormatOptions = feature.properties.all_day
      ? { weekday: 'short', day: 'numeric', month: 'short' }
      : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
    return dateFormat(this.tr.locale, feature.properties.time_zone, options).format(new Date(start));
  }
}

/** Each event once, at its next occurrence: a weekly class is one marker, not seven. Cancelled ones are left out. */
function nextOccurrences(features: EventFeature[]): EventFeature[] {
  const first = new Map<number, EventFeature>();
  for (const feature of features) {
    if (feature.properties.status === 'cancelled') continue;
    const seen = first.get(feature.properties.id);
    if (!seen || (feature.properties.occurrence_start ?? '') < (seen.properties.occurrence_start ?? '')) {
      first.set(feature.properties.id, feature);
    }
  }
  return [...first.values()];
}
