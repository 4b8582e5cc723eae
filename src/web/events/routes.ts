import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError, NotFoundError } from '../../domain/errors.ts';
import { zonedInstant } from '../../domain/events/occurrences.ts';
import { wallClock } from '../../domain/hours.ts';
import { LOCALES, type Locale } from '../../domain/locales.ts';
import { eventQuery } from '../../http/events/event-query.ts';
import { getEvent, listOccurrences } from '../../usecases/events/events.ts';
import type { SafeHtml } from '../html.ts';
import { type Month, monthText, renderEventCalendar } from '../pages/events/event-calendar.ts';
import type { EventFilterValues } from '../pages/events/event-items.ts';
import { renderEventList } from '../pages/events/event-list.ts';
import { renderEventPage } from '../pages/events/event-page.ts';
import type { WebDeps } from '../pages/home.ts';

export interface EventPageOptions {
  deps(): WebDeps;
  origin(request: FastifyRequest): string;
  sendPage(reply: FastifyReply, markup: SafeHtml, status?: number): FastifyReply;
  notFound(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
  ): Promise<FastifyReply> | FastifyReply;
}

const hidden = { schema: { hide: true } };
const DAY = 86_400_000;

type Query = Record<string, string | string[] | undefined>;

/** The form sends `lang` once per box ticked; the API takes a comma list: both read the same. */
function filtersOf(query: Query): { values: EventFilterValues; api: Record<string, string | undefined> } {
  const one = (key: string) => (Array.isArray(query[key]) ? query[key][0] : query[key]) || undefined;
  const langs = ([] as string[])
    .concat(query.lang ?? [])
    .flatMap((l) => l.split(','))
    .filter(Boolean);
  const values: EventFilterValues = {
    ...(one('type') ? { type: one('type') as string } : {}),
    ...(one('city') ? { city: one('city') as string } : {}),
    ...(langs.length ? { lang: langs } : {}),
    ...(one('locals_welcome') === 'true' ? { localsWelcome: true } : {}),
    ...(one('free') === 'true' ? { free: true } : {}),
  };
  const api = {
    type: values.type,
    city: values.city,
    lang: langs.length ? langs.join(',') : undefined,
    locals_welcome: values.localsWelcome ? 'true' : undefined,
    free: values.free ? 'true' : undefined,
  };
  return { values, api };
}

/** Upcoming events, a month calendar and each event's page: server-rendered, in every locale, no JavaScript. */
export async function eventPageRoutes(app: FastifyInstance, o: EventPageOptions): Promise<void> {
  for (const locale of LOCALES) {
    const refused = async (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
      if (error instanceof NotFoundError || error instanceof InputError)
        return o.notFound(request, reply, locale);
      throw error;
    };

    app.get(`/${locale}/events`, hidden, async (request, reply) => {
      const deps = o.deps();
      try {
        const { values, api } = filtersOf(request.query as Query);
        const now = deps.ctx.now();
        const items = await listOccurrences(
          deps.ctx,
          eventQuery(deps.ctx, {
            ...api,
            from: now.toISOString(),
            to: new Date(now.getTime() + 30 * DAY).toISOString(),
          }),
        );
        return o.sendPage(reply, renderEventList(deps, locale, o.origin(request), items, values));
      } catch (error) {
        return refused(request, reply, error);
      }
    });

    app.get(`/${locale}/events/calendar`, hidden, async (request, reply) => {
      const deps = o.deps();
      try {
        const query = request.query as Query;
        const { values, api } = filtersOf(query);
        const timeZone = deps.ctx.taxonomy.cities[0]?.timeZone ?? 'Europe/Belgrade';
        const today = wallClock(deps.ctx.now(), timeZone);
        const asked = /^(\d{4})-(\d{2})$/.exec(String(query.month ?? ''));
        const month: Month = asked
          ? { year: Number(asked[1]), month: Number(asked[2]) }
          : { year: today.year, month: today.month };
        if (month.month < 1 || month.month > 12) throw new InputError('month', 'must be YYYY-MM');
        const from = zonedInstant(new Date(Date.UTC(month.year, month.month - 1, 1)), timeZone);
        const to = zonedInstant(new Date(Date.UTC(month.year, month.month, 1)), timeZone);
        const items = (
          await listOccurrences(
            deps.ctx,
            eventQuery(deps.ctx, { ...api, from: from.toISOString(), to: to.toISOString() }),
          )
        ).filter((i) => i.occurrence.localStart.startsWith(monthText(month)));
        return o.sendPage(reply, renderEventCalendar(deps, locale, o.origin(request), month, items, values));
      } catch (error) {
        return refused(request, reply, error);
      }
    });

    app.get(`/${locale}/events/:id`, hidden, async (request, reply) => {
      const deps = o.deps();
      try {
        const raw = (request.params as { id: string }).id;
        if (!/^\d{1,15}$/.test(raw)) throw new NotFoundError('event');
        const event = await getEvent(deps.ctx, Number(raw), request.actor);
        const now = deps.ctx.now();
        const upcoming = await listOccurrences(deps.ctx, {
          from: now,
          to: new Date(now.getTime() + 365 * DAY),
          ...(event.placeId ? { placeId: event.placeId } : { city: event.city }),
        });
        const next = upcoming
          .filter((u) => u.event.id === event.id)
          .slice(0, 8)
          .map((u) => u.occurrence);
        const venue = event.placeId ? await deps.ctx.storage.places.get(event.placeId) : null;
        return o.sendPage(reply, renderEventPage(deps, locale, o.origin(request), event, next, venue));
      } catch (error) {
        return refused(request, reply, error);
      }
    });
  }
}
