import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { InputError } from '../../domain/errors.ts';
import { DEFAULT_LOCALE } from '../../domain/locales.ts';
import type { AppContext } from '../../usecases/context.ts';
import { type CityInsights, cityInsights, type InsightsRequest } from '../../usecases/insights.ts';
import { parseLocale } from '../params.ts';
import { errorResponses } from '../schemas.ts';
import { FIGURES, figureCsv, isFigure } from './csv-tables.ts';
import { FigureParams, InsightsBody, InsightsQuery } from './schemas.ts';

function insightsRequest(query: Record<string, string | undefined>): InsightsRequest {
  return {
    locale: parseLocale(query.locale, DEFAULT_LOCALE),
    ...(query.city ? { city: query.city } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
}

/** The API's spelling of the figures: snake_case, as the rest of /api/v1. */
function insightsJson(insights: CityInsights, placeUrl: (path: string) => string) {
  const { totals } = insights;
  return {
    city: insights.city,
    from: insights.from,
    to: insights.to,
    demo: insights.demo,
    totals: {
      active_places: totals.activePlaces,
      opened: totals.opened,
      closed: totals.closed,
      event_occurrences: totals.eventOccurrences,
    },
    by_category: insights.byCategory,
    by_neighbourhood: insights.byNeighbourhood,
    opened_closed_per_month: insights.openedClosedPerMonth,
    newest_places: insights.newestPlaces.map((p) => ({
      id: p.id,
      name: p.name,
      category: p.category,
      category_name: p.categoryName,
      created: p.created,
      url: placeUrl(p.path),
    })),
    events_per_month_by_type: insights.eventsPerMonthByType.map((e) => ({
      month: e.month,
      type: e.type,
      type_name: e.typeName,
      count: e.count,
    })),
    languages: insights.languages,
  };
}

/** A city's insights as JSON, and each figure as a CSV file for spreadsheets. */
export const insightsRoutes: FastifyPluginAsyncTypebox<{
  ctx: AppContext;
  publicUrl: string | null;
}> = async (app, opts) => {
  const { ctx } = opts;
  const origin = (request: FastifyRequest) =>
    opts.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;

  app.get(
    '/insights',
    {
      schema: {
        summary:
          'A city’s figures: places by category, neighbourhood and language, openings and closures per month, newest places, events per month by type',
        tags: ['insights'],
        querystring: InsightsQuery,
        response: { 200: InsightsBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const query = insightsRequest(request.query);
      const insights = await cityInsights(ctx, query);
      reply.header('cache-control', 'public, max-age=300');
      return insightsJson(insights, (path) => `${origin(request)}/${query.locale}${path}`);
    },
  );

  app.get(
    '/insights/:figure',
    {
      schema: {
        summary: `One figure of a city’s insights as CSV (UTF-8 with BOM): ${FIGURES.map((f) => `${f}.csv`).join(', ')}`,
        tags: ['insights'],
        params: FigureParams,
        querystring: InsightsQuery,
      },
    },
    async (request, reply) => {
      const match = /^([a-z-]+)\.csv$/.exec(request.params.figure);
      const figure = match?.[1] ?? '';
      if (!isFigure(figure))
        throw new InputError('figure', `must be one of ${FIGURES.map((f) => `${f}.csv`).join(', ')}`);
      const query = insightsRequest(request.query);
      const insights = await cityInsights(ctx, query);
      const name = `kvartal-${insights.city.slug}-${figure}-${insights.from}-${insights.to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'public, max-age=300')
        .send(figureCsv(figure, insights, query.locale, origin(request)));
    },
  );
};
