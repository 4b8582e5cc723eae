import { Type } from 'typebox';
import { LocaleParam } from '../schemas.ts';

const filterParams = {
  category: Type.Optional(
    Type.String({ description: 'Category or group slugs, comma-separated (e.g. cafe,bakery)' }),
  ),
  city: Type.Optional(Type.String({ description: 'City slug (belgrade, novi-sad)' })),
  neighbourhood: Type.Optional(Type.String({ description: 'Neighbourhood slug (dorcol, vracar, liman, …)' })),
  languages: Type.Optional(
    Type.String({ description: 'Languages spoken, comma-separated ISO 639-1 codes; any of them matches' }),
  ),
  open_now: Type.Optional(Type.String({ description: 'true: only places open now (city time zone)' })),
  locals_welcome: Type.Optional(
    Type.String({ description: 'true: only places that say locals are welcome (not only newcomers)' }),
  ),
};

export const ListPlacesQuery = Type.Object({
  q: Type.Optional(
    Type.String({ description: 'Text to search for in names, descriptions, addresses and tags' }),
  ),
  bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat' })),
  near: Type.Optional(Type.String({ description: 'lat,lon: nearest first' })),
  radius_m: Type.Optional(
    Type.String({ description: 'Radius around near, metres (default 5000, max 50000)' }),
  ),
  sort: Type.Optional(
    Type.String({ description: 'relevance (default with q) or distance (default with near; needs near)' }),
  ),
  ...filterParams,
  locale: LocaleParam,
  limit: Type.Optional(Type.String({ description: 'Page size, 1–200 (default 50)' })),
  cursor: Type.Optional(Type.String({ description: 'next_cursor of the previous page' })),
});

export const ClustersQuery = Type.Object({
  bbox: Type.String({ description: 'minLon,minLat,maxLon,maxLat of the viewport' }),
  zoom: Type.String({ description: 'Map zoom, 0–22' }),
  ...filterParams,
  locale: LocaleParam,
});

export const PlaceIdParams = Type.Object({ id: Type.String({ description: 'Place id' }) });
export const PlaceQuery = Type.Object({ locale: LocaleParam });

const Point = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
});

const NextChange = Type.Object({
  at: Type.String({ description: 'Wall-clock time in the city, HH:MM' }),
  days_ahead: Type.Integer({ description: '0 today, 1 tomorrow, …' }),
  weekday: Type.Integer({ description: '0 Sunday … 6 Saturday' }),
});

export const PlaceProperties = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  url: Type.String({ description: 'Path of the place page' }),
  category: Type.String(),
  category_name: Type.String(),
  categories: Type.Array(Type.String()),
  color: Type.String(),
  city: Type.String(),
  city_name: Type.String(),
  neighbourhood: Type.Union([Type.String(), Type.Null()]),
  neighbourhood_name: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  languages: Type.Array(Type.String()),
  hours: Type.Union([Type.String(), Type.Null()]),
  open_now: Type.Optional(Type.Boolean({ description: 'Present when the hours are known' })),
  next_change: Type.Optional(NextChange),
  contacts: Type.Object({
    phone: Type.Optional(Type.String()),
    website: Type.Optional(Type.String()),
    telegram: Type.Optional(Type.String()),
    instagram: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
  }),
  tags: Type.Array(Type.String()),
  status: Type.String(),
  is_demo: Type.Boolean(),
  home_based: Type.Optional(
    Type.Boolean({
      description: 'Works from a home: the position is approximate (~300 m) and there is no address',
    }),
  ),
  locals_welcome: Type.Optional(
    Type.Boolean({ description: 'Present (true) when the place says locals are welcome' }),
  ),
  opened: Type.Optional(Type.String({ description: 'When the place opened: YYYY-MM or YYYY-MM-DD' })),
  source: Type.String(),
  source_id: Type.Optional(
    Type.String({ description: "The source's own id, e.g. node/123 from OpenStreetMap" }),
  ),
  distance_m: Type.Optional(Type.Number()),
  names: Type.Record(Type.String(), Type.String()),
  descriptions: Type.Record(Type.String(), Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const PlaceFeature = Type.Object(
  { type: Type.Literal('Feature'), id: Type.Integer(), geometry: Point, properties: PlaceProperties },
  { $id: 'PlaceFeature' },
);

const Counts = Type.Record(Type.String(), Type.Integer());

export const PlaceCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(PlaceFeature),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
  facets: Type.Optional(
    Type.Object(
      {
        categories: Counts,
        neighbourhoods: Counts,
        languages: Counts,
        approximate: Type.Boolean({
          description: 'More places matched than were ranked; counts are lower bounds',
        }),
      },
      { description: 'Counts of matching places per category, neighbourhood and language (with q)' },
    ),
  ),
});

export const SuggestQuery = Type.Object({
  q: Type.String({ description: 'What the person has typed so far' }),
  city: Type.Optional(Type.String({ description: 'City slug to keep suggestions in' })),
  locale: LocaleParam,
});

export const SuggestResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('place'), Type.Literal('category'), Type.Literal('neighbourhood')]),
      label: Type.String(),
      detail: Type.Optional(Type.String()),
      url: Type.String(),
      highlight: Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), {
        description: '[start, end) character ranges of label that matched',
      }),
      slug: Type.Optional(Type.String()),
      id: Type.Optional(Type.Integer()),
    }),
    { maxItems: 10 },
  ),
});

export const ClusterCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Point,
      properties: Type.Object(
        {
          cluster: Type.Boolean(),
          cluster_id: Type.Optional(Type.Integer()),
          point_count: Type.Optional(Type.Integer()),
          id: Type.Optional(
            Type.Integer({ description: 'A single place: read it with /api/v1/places/{id}' }),
          ),
          category: Type.Optional(Type.String()),
          color: Type.Optional(Type.String()),
        },
        {
          description: 'A cluster (cluster, cluster_id, point_count) or a single place (id, category, color)',
        },
      ),
    }),
  ),
});

export const CreatePlaceBody = Type.Object({
  names: Type.Record(Type.String(), Type.String(), { description: 'Name per locale' }),
  original_locale: Type.Optional(Type.String()),
  descriptions: Type.Optional(
    Type.Record(Type.String(), Type.String(), {
      description:
        'Description per locale, up to 5,000 characters. Place pages show a small Markdown subset: paragraphs, line breaks, **bold**, *italic*, lists and http/https/mailto links; anything else stays text',
    }),
  ),
  category: Type.String(),
  extra_categories: Type.Optional(Type.Array(Type.String())),
  lon: Type.Number(),
  lat: Type.Number(),
  address: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  city: Type.Optional(Type.String()),
  neighbourhood: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  contacts: Type.Optional(Type.Record(Type.String(), Type.String())),
  hours: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { description: 'OpenStreetMap opening_hours syntax' }),
  ),
  languages: Type.Optional(Type.Array(Type.String())),
  tags: Type.Optional(Type.Array(Type.String())),
  status: Type.Optional(Type.String()),
  home_based: Type.Optional(
    Type.Boolean({
      description:
        'Works from a home: the exact position and address are stored but never published; the public position is snapped to a ~300 m grid',
    }),
  ),
  locals_welcome: Type.Optional(
    Type.Boolean({
      description: 'The place welcomes locals as much as newcomers (the "locals welcome" filter)',
    }),
  ),
  opened: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { description: 'When the place opened: YYYY-MM or YYYY-MM-DD' }),
  ),
});
