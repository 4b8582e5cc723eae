import {
  getVersion,
  Map as MapLibreMap,
  type MapOptions,
  Marker,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import type { Translator } from '../i18n/index.ts';

// The worker file is copied next to app.js by the build (vite.config.ts); versioned by MapLibre's version.
setWorkerUrl(`/assets/maplibre-gl-worker.js?v=${getVersion()}`);

/**
 * The map with no basemap: a plain background and our own layers only. It references no tiles, glyphs or
 * sprites, so the browser never asks another host for anything (the privacy promise).
 */
export const PLAIN_STYLE: StyleSpecification = {
  version: 8,
  name: 'Kvartal plain',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e9ede6' } }],
};

/** A map in a container, or null (with a message in the container) when the browser cannot draw it. */
export function createMap(
  container: HTMLElement,
  tr: Translator,
  options: Omit<MapOptions, 'container' | 'style'>,
): MapLibreMap | null {
  const styleUrl = container.dataset.styleUrl;
  try {
    return new MapLibreMap({
      container,
      // Only a same-origin style is accepted, so a bad attribute cannot make the page call another host.
      style: styleUrl && new URL(styleUrl, location.href).origin === location.origin ? styleUrl : PLAIN_STYLE,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      locale: {
        'Map.Title': tr.m.map.label,
        'NavigationControl.ZoomIn': tr.m.map.zoomIn,
        'NavigationControl.ZoomOut': tr.m.map.zoomOut,
        'NavigationControl.ResetBearing': tr.m.map.resetBearing,
        'Popup.Close': tr.m.map.closePopup,
      },
      ...options,
    });
  } catch {
    showMapMessage(container, tr.m.map.unavailable);
    return null;
  }
}

/** A message over the map (load errors, no WebGL); an empty text hides it. */
export function showMapMessage(container: HTMLElement, text: string): void {
  let message = container.parentElement?.querySelector<HTMLElement>('.map-message');
  if (!message) {
    message = document.createElement('p');
    message.className = 'map-message';
    message.setAttribute('role', 'status');
    (container.parentElement ?? container).append(message);
  }
  message.textContent = text;
  message.hidden = !text;
}

interface CityJson {
  name: string;
  centre: [number, number];
  bounds: [number, number, number, number];
  neighbourhoods: Array<{ name: string; centre: [number, number] }>;
}

/**
 * Place names for orientation while there is no basemap: cities when zoomed out, neighbourhoods when zoomed
 * in. Drawn as HTML so no glyph server is needed.
 */
export async function addAreaLabels(map: MapLibreMap, locale: string): Promise<void> {
  if (map.getStyle()?.name !== PLAIN_STYLE.name) return;
  let cities: CityJson[];
  try {
    const response = await fetch(`/api/v1/cities?locale=${encodeURIComponent(locale)}`);
    if (!response.ok) return;
    cities = (await response.json()) as CityJson[];
  } catch {
    return;
  }
  const label = (text: string, lonLat: [number, number], kind: 'city' | 'area') => {
    const element = document.createElement('div');
    element.className = `map-label map-label--${kind}`;
    element.textContent = text;
    element.setAttribute('aria-hidden', 'true');
    // Below the point, so the label does not hide the cluster or dot drawn at the same place.
    const offset: [number, number] = kind === 'city' ? [0, 36] : [0, 6];
    return { marker: new Marker({ element, anchor: 'top', offset }).setLngLat(lonLat), kind };
  };
  const labels = cities.flatMap((city) => [
    label(city.name, city.centre, 'city'),
    ...city.neighbourhoods.map((n) => label(n.name, n.centre, 'area')),
  ]);
  const update = () => {
    const zoom = map.getZoom();
    for (const { marker, kind } of labels) {
      const visible = kind === 'city' ? zoom < 11 : zoom >= 12;
      if (visible) marker.addTo(map);
      else marker.remove();
    }
  };
  map.on('zoomend', update);
  update();
}
