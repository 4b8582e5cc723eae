import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DEFAULT_LOCALE, pickText } from '../../domain/locales.ts';
import { SITE_NAME } from '../../exports/export-places.ts';
import { type AtomEntry, atomFeed, tagUri } from '../../feeds/atom.ts';
import { eventEntry, eventTypeName } from '../../feeds/event-entries.ts';
import { type FeedSite, feedSite, placeEntry } from '../../feeds/place-entries.ts';
import type { AppContext } from '../../usecases/context.ts';
import { newestEvents, newestPlaces } from '../../usecases/feeds/newest.ts';
import { t } from '../../web/i18n/index.ts';
import { localePath } from '../../web/locale.ts';
import { parseList, parseLocale } from '../params.ts';
import { errorResponses, LocaleParam } from '../schemas.ts';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export const PlacesFeedQuery = Type.Object({
  city: Type.Optional(Type.String({ description: 'City slug (belgrade, novi-sad)' })),
  category: Type.Optional(
    Type.String({ description: 'Category or group slugs, comma-separated (e.g. cafe,bakery)' }),
  ),
  locale: LocaleParam,
});

export const EventsFeedQuery = Type.Object({
  city: Type.Optional(Type.String({ description: 'City slug (belgrade, novi-sad)' })),
  type: Type.Optional(Type.String({ description: 'Event type slugs, comma-separated (concert,meetup)' })),
  locale: LocaleParam,
});

type Query = Record<string, string | undefined>;

/** The filters in a fixed order, so that one feed has one id however its URL was written. */
function canonicalQuery(values: Query): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(values).sort()) {
    const value = values[key];
    if (value) params.set(key, value);
  }
  return params.size ? `?${params}` : '';
}

function send(reply: FastifyReply, body: string): FastifyReply {
  // @fastify/etag hashes the body: a reader that polls an unchanged feed gets a 304.
  return reply.type(ATOM_TYPE).header('cache-control', 'public, max-age=300').send(body);
}

/** Atom feeds (RFC 4287) of the newest places and events, for news sites, Telegram channels and readers. */
export const feedRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; publicUrl: string | null }> = async (
  app,
  opts,
) => {
  const { ctx } = opts;
  const origin = (request: FastifyRequest) =>
    opts.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;

  /** The parts of a feed every kind shares. */
  const feed = (
    request: FastifyRequest,
    site: FeedSite,
    kind: 'places' | 'events',
    filters: Query,
    names: string[],
    alternate: string,
    entries: AtomEntry[],
  ) => {
    const tr = t(site.locale);
    const m = tr.m.feeds;
    const filtered = kind === 'places' ? m.placesFiltered : m.eventsFiltered;
    return atomFeed({
      id: tagUri(site.host, `feed:${kind}${canonicalQuery({ ...filters, locale: site.locale })}`),
      title: names.length ? tr.format(filtered, { filters: names.join(', ') }) : m[kind],
      subtitle: kind === 'places' ? m.placesSubtitle : m.eventsSubtitle,
      lang: site.locale,
      now: ctx.now(),
      selfUrl: `${site.origin}${request.url}`,
      alternateUrl: alternate,
      author: { name: m.author, uri: `${site.origin}${localePath(site.locale)}` },
      generator: { name: SITE_NAME },
      entries,
    });
  };

  app.get(
    '/feeds/places.atom',
    {
      schema: {
        summary: 'Atom feed of the newest places (50), optionally in one city and category',
        tags: ['feeds'],
        querystring: PlacesFeedQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const site = feedSite(origin(request), parseLocale(q.locale, DEFAULT_LOCALE));
      const categories = parseList(q.category);
      const places = await newestPlaces(ctx, {
        ...(q.city ? { city: q.city } : {}),
        ...(categories ? { categories } : {}),
      });
      const now = ctx.now();
      const city = q.city ? ctx.taxonomy.city(q.city) : undefined;
      const names = [
        ...(categories ?? []).map((slug) => {
          const category = ctx.taxonomy.category(slug);
          return category ? pickText(category.names, site.locale) : slug;
        }),
        ...(city ? [pickText(city.names, site.locale)] : []),
      ];
      // The home page shows one category and one city from its query: the same view of the map.
      const home = canonicalQuery({
        city: q.city,
        category: categories?.length === 1 ? categories[0] : undefined,
      });
      return send(
        reply,
        feed(
          request,
          site,
          'places',
          { city: q.city, category: categories?.join(',') },
          names,
          `${site.origin}${localePath(site.locale)}${home}`,
          places.map((place) => placeEntry(place, site, ctx.taxonomy, now)),
        ),
      );
    },
  );

  app.get(
    '/feeds/events.atom',
    {
      schema: {
        summary: 'Atom feed of the newest events (50), optionally in one city and of some types',
        tags: ['feeds'],
        querystring: EventsFeedQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const site = feedSite(origin(request), parseLocale(q.locale, DEFAULT_LOCALE));
      const types = parseList(q.type);
      const events = await newestEvents(ctx, {
        ...(q.city ? { city: q.city } : {}),
        ...(types ? { types } : {}),
      });
      // The venue's name only when the place is public: a pending or deleted place is no one's business.
      const venueIds = [...new Set(events.flatMap((e) => (e.placeId === null ? [] : [e.placeId])))];
      const venues = new Map(
        (await ctx.storage.places.getMany(venueIds))
          .filter((place) => place.status === 'active' || place.status === 'closed')
          .map((place) => [place.id, place]),
      );
      const now = ctx.now();
      const city = q.city ? ctx.taxonomy.city(q.city) : undefined;
      const names = [
        ...(types ?? []).map((slug) => eventTypeName(slug, site)),
        ...(city ? [pickText(city.names, site.locale)] : []),
      ];
      return send(
        reply,
        feed(
          request,
          site,
          'events',
          { city: q.city, type: types?.join(',') },
          names,
          `${site.origin}${localePath(site.locale, 'events')}${canonicalQuery({ city: q.city })}`,
          events.map((event) =>
            eventEntry(event, site, event.placeId === null ? undefined : venues.get(event.placeId), now),
          ),
        ),
      );
    },
  );
};
