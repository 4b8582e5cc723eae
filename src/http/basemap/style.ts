import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { TileFormat } from './tile-reply.ts';

/** Where the basemap tiles come from; the browser only ever sees our own /tiles URLs either way. */
export interface BasemapTiles {
  mode: 'pmtiles' | 'upstream';
  format: TileFormat;
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north]; tiles outside are not requested. */
  bounds?: [number, number, number, number];
}

export interface StyleOptions {
  /** Absolute origin of the Kvartal server, e.g. https://kvartal.example; MapLibre refuses relative source URLs. */
  origin: string;
  basemap: BasemapTiles | null;
  /** A font stack in MAP_GLYPHS_DIR; labels are drawn only when there is one. */
  labelFont: string | null;
}

/** Ids of everything this style adds start with this, so the client's own layers never collide. */
export const BASEMAP_PREFIX = 'basemap';
const SOURCE = BASEMAP_PREFIX;

/** One calm, light palette: the places on top are what the eye should find. */
const COLOURS = {
  background: '#eef1f4',
  earth: '#f4f2ee',
  landcover: '#e6ecdf',
  park: '#dfead7',
  water: '#cddcea',
  road: '#ffffff',
  roadCasing: '#dedad3',
  highway: '#f2dcb3',
  path: '#d9d4cb',
  building: '#e6e2db',
  buildingOutline: '#d8d2c8',
  boundary: '#aaa4b8',
  label: '#514d47',
  labelQuiet: '#8a857c',
  halo: '#ffffff',
};

const ATTRIBUTION = '© OpenStreetMap contributors';

/** A MapLibre style v8 whose every URL points at `origin`. */
export function buildStyle({ origin, basemap, labelFont }: StyleOptions): StyleSpecification {
  const background: LayerSpecification = {
    id: `${BASEMAP_PREFIX}-background`,
    type: 'background',
    paint: { 'background-color': COLOURS.background },
  };
  if (!basemap) {
    return {
      version: 8,
      name: 'Kvartal plain',
      metadata: { 'kvartal:basemap': 'none' },
      sources: {},
      layers: [background],
    };
  }

  const tilesUrl = `${origin}/tiles/{z}/{x}/{y}.${basemap.format.ext}`;
  const source: SourceSpecification = {
    type: basemap.format.kind,
    tiles: [tilesUrl],
    minzoom: basemap.minzoom,
    maxzoom: basemap.maxzoom,
    attribution: ATTRIBUTION,
    ...(basemap.bounds ? { bounds: basemap.bounds } : {}),
    ...(basemap.format.kind === 'raster' ? { tileSize: 256 } : {}),
  };
  const labels = basemap.format.kind === 'vector' && labelFont !== null;
  const layers =
    basemap.format.kind === 'raster'
      ? [
          background,
          { id: `${BASEMAP_PREFIX}-raster`, type: 'raster', source: SOURCE } satisfies LayerSpecification,
        ]
      : [background, ...protomapsLayers(), ...(labels ? protomapsLabels(labelFont) : [])];

  return {
    version: 8,
    name: 'Kvartal',
    metadata: {
      'kvartal:basemap': basemap.mode,
      'kvartal:tiles': basemap.format.kind,
      ...(labels ? { 'kvartal:labelFont': labelFont } : {}),
    },
    ...(labels ? { glyphs: `${origin}/map/glyphs/{fontstack}/{range}.pbf` } : {}),
    sources: { [SOURCE]: source },
    layers,
  };
}

const kind: ExpressionSpecification = ['get', 'kind'];
const isKind = (...kinds: string[]): ExpressionSpecification => ['match', kind, kinds, true, false];

/** Road widths by zoom (zoom, minor, major), after the Protomaps styles; highways have their own curve. */
const ROAD_WIDTHS: [number, number, number][] = [
  [7, 0, 0],
  [12, 0, 1.6],
  [12.5, 0.5, 1.9],
  [15, 2, 3],
  [18, 11, 13],
];
const CASING = 1.5;

function roadWidth(which: 'minor' | 'major' | 'casing'): ExpressionSpecification {
  const casing = (w: number) => (w > 0 ? w + CASING : 0);
  // A zoom curve must be the outermost expression, so the casing picks its width per kind inside each stop.
  return [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    ...ROAD_WIDTHS.flatMap(([z, minor, major]): (number | ExpressionSpecification)[] => [
      z,
      which === 'minor'
        ? minor
        : which === 'major'
          ? major
          : ['match', kind, 'minor_road', casing(minor), casing(major)],
    ]),
  ] as ExpressionSpecification;
}
const HIGHWAY_WIDTH: ExpressionSpecification = [
  'interpolate',
  ['exponential', 1.6],
  ['zoom'],
  5,
  0,
  6,
  1.1,
  12,
  1.6,
  15,
  5,
  18,
  15,
];
const roundLine = { 'line-cap': 'round', 'line-join': 'round' } as const;

/**
 * Fills and lines for the Protomaps basemap schema (v4: source layers earth, water, landcover, landuse,
 * roads, buildings, boundaries; features carry `kind`), the schema of the PMTiles builds operators download.
 */
function protomapsLayers(): LayerSpecification[] {
  const layer = { source: SOURCE } as const;
  return [
    {
      ...layer,
      id: 'basemap-earth',
      type: 'fill',
      'source-layer': 'earth',
      paint: { 'fill-color': COLOURS.earth },
    },
    {
      ...layer,
      id: 'basemap-landcover',
      type: 'fill',
      'source-layer': 'landcover',
      maxzoom: 8,
      paint: {
        'fill-color': COLOURS.landcover,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 7, 0],
      },
    },
    {
      ...layer,
      id: 'basemap-parks',
      type: 'fill',
      'source-layer': 'landuse',
      filter: isKind(
        'park',
        'national_park',
        'nature_reserve',
        'protected_area',
        'forest',
        'wood',
        'cemetery',
        'golf_course',
        'garden',
        'grass',
        'village_green',
        'playground',
        'allotments',
      ),
      paint: { 'fill-color': COLOURS.park },
    },
    {
      ...layer,
      id: 'basemap-water',
      type: 'fill',
      'source-layer': 'water',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': COLOURS.water },
    },
    {
      ...layer,
      id: 'basemap-waterways',
      type: 'line',
      'source-layer': 'water',
      minzoom: 9,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: roundLine,
      paint: {
        'line-color': COLOURS.water,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 16, 2.5],
      },
    },
    {
      ...layer,
      id: 'basemap-buildings',
      type: 'fill',
      'source-layer': 'buildings',
      minzoom: 14,
      filter: isKind('building', 'building_part'),
      paint: {
        'fill-color': COLOURS.building,
        'fill-outline-color': COLOURS.buildingOutline,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0.4, 16, 1],
      },
    },
    {
      ...layer,
      id: 'basemap-roads-other',
      type: 'line',
      'source-layer': 'roads',
      minzoom: 14,
      filter: isKind('path', 'other'),
      paint: {
        'line-color': COLOURS.path,
        'line-width': ['interpolate', ['linear'], ['zoom'], 14, 0.5, 18, 2],
        'line-dasharray': [2, 1],
      },
    },
    {
      ...layer,
      id: 'basemap-roads-casing',
      type: 'line',
      'source-layer': 'roads',
      minzoom: 12,
      filter: isKind('minor_road', 'medium_road', 'major_road'),
      layout: roundLine,
      paint: {
        'line-color': COLOURS.roadCasing,
        'line-width': roadWidth('casing'),
      },
    },
    {
      ...layer,
      id: 'basemap-roads-minor',
      type: 'line',
      'source-layer': 'roads',
      minzoom: 12,
      filter: isKind('minor_road'),
      layout: roundLine,
      paint: { 'line-color': COLOURS.road, 'line-width': roadWidth('minor') },
    },
    {
      ...layer,
      id: 'basemap-roads-major',
      type: 'line',
      'source-layer': 'roads',
      minzoom: 7,
      filter: isKind('medium_road', 'major_road'),
      layout: roundLine,
      paint: { 'line-color': COLOURS.road, 'line-width': roadWidth('major') },
    },
    {
      ...layer,
      id: 'basemap-roads-highway',
      type: 'line',
      'source-layer': 'roads',
      minzoom: 5,
      filter: isKind('highway'),
      layout: roundLine,
      paint: { 'line-color': COLOURS.highway, 'line-width': HIGHWAY_WIDTH },
    },
    {
      ...layer,
      id: 'basemap-boundaries-region',
      type: 'line',
      'source-layer': 'boundaries',
      minzoom: 5,
      filter: isKind('region'),
      paint: {
        'line-color': COLOURS.boundary,
        'line-width': 0.7,
        'line-opacity': 0.6,
        'line-dasharray': [3, 2],
      },
    },
    {
      ...layer,
      id: 'basemap-boundaries-country',
      type: 'line',
      'source-layer': 'boundaries',
      filter: isKind('country'),
      paint: {
        'line-color': COLOURS.boundary,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 10, 1.6],
        'line-dasharray': [4, 2],
      },
    },
  ];
}

/** Street, neighbourhood and town names, in the OSM `name` of each feature (Serbian as signed locally). */
function protomapsLabels(font: string): LayerSpecification[] {
  const text: SymbolLayerSpecification['layout'] = { 'text-font': [font], 'text-field': ['get', 'name'] };
  const halo = { 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.5 };
  return [
    {
      source: SOURCE,
      id: 'basemap-labels-roads',
      type: 'symbol',
      'source-layer': 'roads',
      minzoom: 14,
      filter: isKind('minor_road', 'medium_road', 'major_road'),
      layout: { ...text, 'symbol-placement': 'line', 'text-size': 11 },
      paint: { 'text-color': COLOURS.labelQuiet, ...halo },
    },
    {
      source: SOURCE,
      id: 'basemap-labels-neighbourhoods',
      type: 'symbol',
      'source-layer': 'places',
      minzoom: 12,
      filter: isKind('neighbourhood', 'macrohood'),
      layout: { ...text, 'text-size': 11, 'text-transform': 'uppercase', 'text-letter-spacing': 0.08 },
      paint: { 'text-color': COLOURS.labelQuiet, ...halo },
    },
    {
      source: SOURCE,
      id: 'basemap-labels-localities',
      type: 'symbol',
      'source-layer': 'places',
      minzoom: 5,
      filter: isKind('locality'),
      layout: {
        ...text,
        'symbol-sort-key': ['to-number', ['get', 'min_zoom'], 99],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 12, 16],
      },
      paint: { 'text-color': COLOURS.label, ...halo },
    },
    {
      source: SOURCE,
      id: 'basemap-labels-countries',
      type: 'symbol',
      'source-layer': 'places',
      maxzoom: 7,
      filter: isKind('country'),
      layout: { ...text, 'text-size': 13 },
      paint: { 'text-color': COLOURS.labelQuiet, ...halo },
    },
  ];
}
