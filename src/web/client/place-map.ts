import { Marker, NavigationControl } from 'maplibre-gl';
import type { Translator } from '../i18n/index.ts';
import { addAreaLabels, createMap } from './map-base.ts';

/** The place page's small map: one marker in the category's colour, neighbourhood names around it. */
export function initPlaceMap(container: HTMLElement, tr: Translator): void {
  const lon = Number(container.dataset.lon);
  const lat = Number(container.dataset.lat);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
  const map = createMap(container, tr, {
    center: [lon, lat],
    // Wide enough to show the neighbourhood names around the place while there is no basemap.
    zoom: 13.5,
    maxZoom: 18,
    minZoom: 9,
    // A page scrolls over the map on phones; one-finger drags and wheel turns should move the page.
    scrollZoom: false,
    dragPan: !window.matchMedia('(pointer: coarse)').matches,
  });
  if (!map) return;
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  const element = document.createElement('div');
  element.className = 'place-marker';
  const color = container.dataset.color;
  if (color && /^#[0-9a-f]{3,8}$/i.test(color)) element.style.background = color;
  new Marker({ element }).setLngLat([lon, lat]).addTo(map);
  map.on('load', () => {
    void addAreaLabels(map, tr.locale);
    container.dataset.ready = 'true';
  });
}
