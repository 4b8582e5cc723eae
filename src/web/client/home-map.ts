import { type GeoJSONSource, type Map as MapLibreMap, Marker, NavigationControl, Popup } from 'maplibre-gl';
import { newTabLink } from '../components/place-list.ts';
import { type Filters, filterParams } from '../filters-url.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Viewport } from './home-list.ts';

/** A clusters-endpoint feature: a cluster, or one place. */
interface ClusterFeature {
  geometry: { coordinates: [number, number] };
  properties: {
    cluster?: boolean;
    cluster_id?: number;
    point_count?: number;
    expansion_zoom?: number;
    id?: number;
    name?: string;
    url?: string;
    category?: string;
    color?: string;
  };
}

/** A place as the map draws it: from the clusters endpoint, or from the list when searching by text. */
export interface MapPoint {
  id: number;
  lon: number;
  lat: number;
  name?: string | undefined;
  url?: string | undefined;
  category: string;
  color: string;
}

const SOURCE = 'places';

/**
 * Clusters and places for the visible area. The server clusters (it stays fast at a million places); clusters
 * are HTML buttons (sized by count, readable numbers, keyboard-reachable) and places are a circle layer.
 */
export class HomeMap {
  private clusterMarkers: Marker[] = [];
  private controller: AbortController | null = null;
  private popup: Popup | null = null;
  private ring: Marker | null = null;
  /** Set once the first cluster response has been drawn; tests and the page state read it. */
  loadedOnce = false;

  constructor(
    readonly map: MapLibreMap,
    private readonly tr: Translator,
    private readonly categoryName: (slug: string) => string,
    /** Place links open the full site in a new tab (the embedded map). */
    private readonly newTab = false,
  ) {
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'place-dots',
        type: 'circle',
        source: SOURCE,
        paint: {
          'circle-color': ['get', 'color'],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 5, 16, 8],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
      map.on('click', 'place-dots', (event) => {
        const feature = event.features?.[0];
        const props = feature?.properties as Partial<MapPoint> | undefined;
        if (!feature || !props || feature.geometry.type !== 'Point') return;
        const [lon = 0, lat = 0] = feature.geometry.coordinates;
        void this.openPopup({ ...props, lon, lat } as MapPoint);
      });
      map.on('mouseenter', 'place-dots', () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', 'place-dots', () => {
        map.getCanvas().style.cursor = '';
      });
    });
  }

  viewport(): Viewport {
    const bounds = this.map.getBounds();
    const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
    const bbox: Viewport['bbox'] = [
      clamp(bounds.getWest(), 180),
      clamp(bounds.getSouth(), 85),
      clamp(bounds.getEast(), 180),
      clamp(bounds.getNorth(), 85),
    ];
    const center = this.map.getCenter();
    const corner = bounds.getNorthEast();
    return { bbox, center: { lat: center.lat, lon: center.lng }, radiusM: center.distanceTo(corner) };
  }

  /** Clusters for the current view and filters (text search is drawn from the list instead). */
  async loadClusters(filters: Filters, viewport: Viewport): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const params = filterParams({ ...filters, q: '' });
    params.set('bbox', viewport.bbox.map((n) => n.toFixed(5)).join(','));
    params.set('zoom', String(Math.floor(this.map.getZoom())));
    params.set('locale', this.tr.locale);
    let features: ClusterFeature[];
    try {
      const response = await fetch(`/api/v1/clusters?${params}`, { signal: controller.signal });
      if (!response.ok) throw new Error(`clusters: HTTP ${response.status}`);
      features = ((await response.json()) as { features: ClusterFeature[] }).features;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      throw error;
    }
    const points: MapPoint[] = [];
    const clusters: ClusterFeature[] = [];
    for (const feature of features) {
      if (feature.properties.cluster) clusters.push(feature);
      else {
        const [lon, lat] = feature.geometry.coordinates;
        const p = feature.properties;
        points.push({
          id: p.id ?? 0,
          lon,
          lat,
          name: p.name,
          url: p.url,
          category: p.category ?? '',
          color: p.color ?? '#4a5568',
        });
      }
    }
    this.showClusters(clusters);
    this.showPoints(points);
    this.loadedOnce = true;
  }

  showPoints(points: MapPoint[]): void {
    this.map.getContainer().dataset.points = String(points.length);
    const source = this.map.getSource<GeoJSONSource>(SOURCE);
    source?.setData({
      type: 'FeatureCollection',
      features: points.map((p) => ({
        type: 'Feature',
        id: p.id,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { id: p.id, name: p.name ?? '', url: p.url ?? '', category: p.category, color: p.color },
      })),
    });
  }

  showClusters(clusters: ClusterFeature[]): void {
    this.map.getContainer().dataset.clusters = String(clusters.length);
    for (const marker of this.clusterMarkers) marker.remove();
    this.clusterMarkers = clusters.map((feature) => {
      const count = feature.properties.point_count ?? 0;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cluster';
      // Area grows with the count, within limits that stay tappable and do not cover the city.
      const size = Math.round(Math.min(64, 30 + Math.sqrt(count) * 2.2));
      button.style.width = `${size}px`;
      button.style.height = `${size}px`;
      button.textContent = count >= 1000 ? `${Math.floor(count / 1000)}k` : String(count);
      button.setAttribute('aria-label', this.tr.plural(this.tr.m.map.cluster, count));
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        const zoom = feature.properties.expansion_zoom ?? this.map.getZoom() + 2;
        this.map.easeTo({ center: feature.geometry.coordinates, zoom: Math.min(zoom, 18) });
      });
      return new Marker({ element: button }).setLngLat(feature.geometry.coordinates).addTo(this.map);
    });
  }

  /** A ring around one place (the list entry under the pointer or focus); null removes it. */
  highlight(lonLat: [number, number] | null): void {
    if (!lonLat?.every(Number.isFinite)) {
      this.ring?.remove();
      return;
    }
    if (!this.ring) {
      const element = document.createElement('div');
      element.className = 'map-ring';
      element.setAttribute('aria-hidden', 'true');
      this.ring = new Marker({ element });
    }
    this.ring.setLngLat(lonLat).addTo(this.map);
  }

  /** Name and link; the clusters endpoint may leave names out when a view holds very many places. */
  private async openPopup(point: MapPoint): Promise<void> {
    let { name, url } = point;
    if (!name || !url) {
      const response = await fetch(`/api/v1/places/${point.id}?locale=${encodeURIComponent(this.tr.locale)}`);
      if (!response.ok) return;
      const feature = (await response.json()) as { properties: { name: string; url: string } };
      ({ name, url } = feature.properties);
    }
    const content = document.createElement('div');
    content.className = 'popup';
    const href = `/${this.tr.locale}${url}`;
    content.innerHTML = (
      this.newTab
        ? newTabLink(this.tr, href, name, 'popup__name')
        : html`<a class="popup__name" href="${href}">${name}</a>`
    ).value;
    const category = document.createElement('p');
    category.className = 'popup__category';
    category.textContent = this.categoryName(point.category);
    content.append(category);
    this.popup?.remove();
    this.popup = new Popup({ offset: 10, maxWidth: '280px', focusAfterOpen: false })
      .setLngLat([point.lon, point.lat])
      .setDOMContent(content)
      .addTo(this.map);
  }
}
