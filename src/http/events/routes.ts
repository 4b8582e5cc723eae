import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CityEvent, Occurrence } from '../../domain/events/event.ts';
import { EVENT_TYPES } from '../../domain/events/event-types.ts';
import { DEFAULT_LOCALE, type Locale, pickText } from '../../domain/locales.ts';
import { icalFeed } from '../../feeds/ical.ts';
import type { AppContext } from '../../usecases/context.ts';
import { limitSubmissions } from '../../usecases/contributions/submit-suggestion.ts';
import { editEvent } from '../../usecases/events/edit-event.ts';
import {
  createEvent,
  END_OF_TIME,
  getEvent,
  listOccurrences,
  type Publisher,
  publicEvents,
  publishesDirectly,
} from '../../usecases/events/events.ts';
import type { AntiSpam } from '../../web/community/anti-spam.ts';
import { requireCsrf } from '../auth/session.ts';
import { isOperatorToken } from '../operator.ts';
import { parseLocale } from '../params.ts';
import { ErrorBody, errorResponses } from '../schemas.ts';
import { eventQuery } from './event-query.ts';
import { EventBody, EventFeature, EventIdParams, EventsQuery } from './schemas.ts';

const DAY = 86_400_000;

function eventProperties(event: CityEvent, locale: Locale, origin: string) {
  return {
    id: event.id,
    title: pickText(event.titles, locale, event.originalLocale),
    titles: event.titles,
    description: pickText(event.descriptions, locale, event.originalLocale) || null,
    type: event.type,
    status: event.status,
    start: event.start,
    end: event.end,
    all_day: event.allDay,
    time_zone: event.timeZone,
    rrule: event.rrule,
    exdates: event.exdates,
    city: event.city,
    place_id: event.placeId,
    address: event.address,
    languages: event.languages,
    locals_welcome: event.localsWelcome,
    bilingual: event.bilingual,
    free: event.free,
    price: event.price,
    min_age: event.minAge,
    organiser_url: event.organiserUrl,
    url: `${origin}/${locale}/events/${event.id}`,
  };
}

function feature(event: CityEvent, occurrence: Occurrence | null, locale: Locale, origin: string) {
  return {
    type: 'Feature' as const,
    id: occurrence ? `${event.id}/${occurrence.localStart}` : event.id,
    geometry:
      event.lon !== null && event.lat !== null
        ? { type: 'Point' as const, coordinates: [event.lon, event.lat] }
        : null,
    properties: {
      ...eventProperties(event, locale, origin),
      ...(occurrence
        ? {
            occurrence_start: occurrence.start.toISOString(),
            occurrence_end: occurrence.end.toISOString(),
            local_start: occurrence.localStart,
          }
        : {}),
    },
  };
}

/** Events: occurrences in a window (GeoJSON), one event, publishing, and iCalendar feeds for any filter. */
export const eventRoutes: FastifyPluginAsyncTypebox<{
  ctx: AppContext;
  antiSpam: AntiSpam;
  adminToken: string | null;
  publicUrl: string | null;
}> = async (app, opts) => {
  const { ctx } = opts;
  const origin = (request: FastifyRequest) =>
    opts.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;

  /** The operator's token, or a signed-in person (whose session writes need the CSRF token). */
  const publisher = (request: FastifyRequest): Publisher => {
    if (isOperatorToken(request, opts.adminToken)) return { kind: 'operator' };
    if (request.sessionToken) requireCsrf(request);
    return request.actor;
  };

  app.get(
    '/events',
    {
      schema: {
        summary: 'Event occurrences in a window (recurring events expanded), as GeoJSON',
        tags: ['events'],
        querystring: EventsQuery,
      },
    },
    async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const locale = parseLocale(q.locale, DEFAULT_LOCALE);
      const found = await listOccurrences(ctx, eventQuery(ctx, q));
      return {
        type: 'FeatureCollection',
        features: found.map((f) => feature(f.event, f.occurrence, locale, origin(request))),
      };
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        summary: 'One event with its next occurrences',
        tags: ['events'],
        params: EventIdParams,
        response: { 200: EventFeature, ...errorResponses },
      },
    },
    async (request) => {
      const locale = parseLocale((request.query as Record<string, string>).locale, DEFAULT_LOCALE);
      const event = await getEvent(ctx, Number(request.params.id), request.actor);
      const next = await listOccurrences(ctx, {
        from: ctx.now(),
        to: new Date(ctx.now().getTime() + 366 * DAY),
      });
      const own = next.filter((n) => n.event.id === event.id).slice(0, 10);
      return {
        ...feature(event, null, locale, origin(request)),
        next: own.map((n) => ({
          start: n.occurrence.start.toISOString(),
          end: n.occurrence.end.toISOString(),
          local_start: n.occurrence.localStart,
        })),
      };
    },
  );

  const write = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const who = publisher(request);
    const body = request.body as Parameters<typeof createEvent>[2];
    if (who.kind !== 'operator' && !publishesDirectly(who)) {
      // From a stranger: the anonymous forms' anti-spam check and submissions budget, then the moderation queue.
      const proofOfWork = await opts.antiSpam.check(request.body as Record<string, unknown>);
      await limitSubmissions(ctx, who, { ip: request.ip, proofOfWork });
    }
    if (id !== null) {
      const edit = await editEvent(ctx, who, id, body);
      reply.code(edit.live ? 200 : 202);
      const shown = feature(edit.event, null, edit.event.originalLocale, origin(request));
      return edit.change
        ? { ...shown, properties: { ...shown.properties, pending_change: edit.change.id } }
        : shown;
    }
    const event = await createEvent(ctx, who, body);
    reply.code(event.status === 'pending' ? 202 : 201);
    return feature(event, null, event.originalLocale, origin(request));
  };
  const writeResponses = {
    200: EventFeature,
    201: EventFeature,
    202: EventFeature,
    401: ErrorBody,
    403: ErrorBody,
    ...errorResponses,
  };
  app.post(
    '/events',
    {
      schema: {
        summary:
          'Publish an event: live at once from the operator token, trusted contributors and moderators (201), otherwise waiting for a moderator (202)',
        tags: ['events'],
        body: EventBody,
        response: writeResponses,
      },
    },
    (request, reply) => write(request, reply, null),
  );
  app.put(
    '/events/:id',
    {
      schema: {
        summary:
          'Change an event (cancel it with status: cancelled): live from the operator token, trusted contributors and moderators (200); from anyone else a proposed change for a moderator (202, properties.pending_change)',
        tags: ['events'],
        params: EventIdParams,
        body: EventBody,
        response: writeResponses,
      },
    },
    (request, reply) => write(request, reply, Number(request.params.id)),
  );

  app.get(
    '/events.ics',
    {
      schema: {
        summary: 'iCalendar feed of the events matching the same filters (subscribe to any of them)',
        tags: ['events'],
        querystring: EventsQuery,
      },
    },
    async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      const locale = parseLocale(q.locale, DEFAULT_LOCALE);
      // A feed holds every series still running, and what ended in the last 90 days.
      const query = eventQuery(ctx, { ...q, from: undefined, to: undefined });
      const from = new Date(ctx.now().getTime() - 90 * DAY);
      const events = await publicEvents(ctx, { ...query, from, to: END_OF_TIME });
      const site = origin(request);
      const body = icalFeed(events, {
        name: 'Kvartal',
        host: new URL(site).host,
        locale,
        url: (event) => `${site}/${locale}/events/${event.id}`,
        typeName: (slug) => pickText(EVENT_TYPES.find((t) => t.slug === slug)?.names ?? {}, locale) || slug,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(body);
    },
  );
};
