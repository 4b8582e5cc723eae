import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DEFAULT_LOCALE, LOCALES, pickText } from '../../domain/locales.ts';
import type { AppContext } from '../../usecases/context.ts';
import { parseLocale } from '../params.ts';
import { errorResponses, LocaleParam } from '../schemas.ts';

const Names = Type.Record(Type.String(), Type.String(), { description: 'Display name in every locale' });

const CategoryList = Type.Array(
  Type.Object({
    slug: Type.String(),
    parent: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    names: Names,
    synonyms: Type.Record(Type.String(), Type.Array(Type.String())),
    color: Type.String(),
  }),
);

const CityList = Type.Array(
  Type.Object({
    slug: Type.String(),
    name: Type.String(),
    names: Names,
    time_zone: Type.String(),
    centre: Type.Array(Type.Number()),
    zoom: Type.Integer(),
    bounds: Type.Array(Type.Number()),
    neighbourhoods: Type.Array(
      Type.Object({
        slug: Type.String(),
        name: Type.String(),
        names: Names,
        centre: Type.Array(Type.Number()),
      }),
    ),
  }),
);

/** Names in all five locales, Serbian Cyrillic derived from Latin where it is not given. */
function allNames(names: Parameters<typeof pickText>[0]): Record<string, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, pickText(names, l)]));
}

export const taxonomyRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/categories',
    {
      schema: {
        summary: 'The category taxonomy: groups (parent null) and their categories',
        tags: ['taxonomy'],
        querystring: Type.Object({ locale: LocaleParam }),
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const locale = parseLocale(request.query.locale, DEFAULT_LOCALE);
      reply.header('cache-control', 'public, max-age=300');
      return ctx.taxonomy.categories.map((c) => ({
        slug: c.slug,
        parent: c.parent,
        name: pickText(c.names, locale),
        names: allNames(c.names),
        synonyms: c.synonyms,
        color: c.color,
      }));
    },
  );

  app.get(
    '/cities',
    {
      schema: {
        summary: 'Cities with their neighbourhoods',
        tags: ['taxonomy'],
        querystring: Type.Object({ locale: LocaleParam }),
        response: { 200: CityList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const locale = parseLocale(request.query.locale, DEFAULT_LOCALE);
      reply.header('cache-control', 'public, max-age=300');
      return ctx.taxonomy.cities.map((city) => ({
        slug: city.slug,
        name: pickText(city.names, locale),
        names: allNames(city.names),
        time_zone: city.timeZone,
        centre: [...city.centre],
        zoom: city.zoom,
        bounds: [...city.bounds],
        neighbourhoods: city.neighbourhoods.map((n) => ({
          slug: n.slug,
          name: pickText(n.names, locale),
          names: allNames(n.names),
          centre: [...n.centre],
        })),
      }));
    },
  );
};
