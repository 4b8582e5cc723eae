import { LngLatBounds, Marker, NavigationControl } from 'maplibre-gl';
import type { Translator } from '../i18n/index.ts';
import { addAreaLabels, createMap } from './map-base.ts';

interface EventPoint {
  lon: number;
  lat: number;
  label: string;
  href: string;
}

/** An event on a map: a link to its page named like its list entry, reachable by keyboard. */
export function eventMarkerLink(href: string, label: string, className = 'event-marker'): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = className;
  link.href = href;
  link.setAttribute('aria-label', label);
  link.title = label;
  return link;
}

/**
 * The events list's map: one marker per event with a venue. Each marker is a link named like its list entry,
 * so keyboard and screen-reader users reach the same pages; the list stays the way without JavaScript.
 */
export function initEventsMap(container: HTMLElement, tr: Translator): void {
  const data = document.getElementById('events-map-data')?.textContent;
  const points = (data ? JSON.parse(data) : []) as EventPoint[];
  if (points.length === 0) return;
  const bounds = new LngLatBounds();
  for (const p of points) bounds.extend([p.lon, p.lat]);
  const map = createMap(container, tr, {
    bounds,
    fitBoundsOptions: { padding: 40, maxZoom: 14 },
    maxZoom: 18,
    minZoom: 8,
    scrollZoom: false,
    dragPan: !window.matchMedia('(pointer: coarse)').matches,
  });
  if (!map) return;
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  for (const point of points) {
    new Marker({ element: eventMarkerLink(point.href, point.label) })
      .setLngLat([point.lon, point.lat])
      .addTo(map);
  }
  map.on('load', () => {
    void addAreaLabels(map, tr.locale);
    container.dataset.ready = 'true';
  });
}
