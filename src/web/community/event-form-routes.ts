import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../../domain/errors.ts';
import type { CityEvent } from '../../domain/events/event.ts';
import { LOCALES, type Locale, pickText } from '../../domain/locales.ts';
import { limitSubmissions } from '../../usecases/contributions/submit-suggestion.ts';
import { editEvent } from '../../usecases/events/edit-event.ts';
import { createEvent, getEvent, publishesDirectly } from '../../usecases/events/events.ts';
import { type EventInput, eventInputOf } from '../../usecases/events/prepare-event.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import type { FormProblem } from '../pages/community/form-kit.ts';
import { renderThanks } from '../pages/community/place-form.ts';
import {
  type EventFormValues,
  eventFormValues,
  KEEP_RULE,
  REPEATS,
  renderEventForm,
} from '../pages/events/event-form.ts';
import { type AntiSpam, antiSpamFields } from './anti-spam.ts';
import { coordinate, type FormBody, text } from './form-input.ts';
import {
  body,
  type CommunityRouteOptions,
  clientIp,
  handleForm,
  handlePage,
  idParam,
  pageContext,
} from './route-kit.ts';

const hidden = { schema: { hide: true } };

/**
 * The edit form over the event it edits: the other languages' texts, the skipped dates and whether it is an
 * all-day event stay as they are (the form does not show them); a repeat rule the form cannot say is kept
 * when the form says "keep"; venue, address and position are what the form says.
 */
export function editedEventInput(event: CityEvent, form: FormBody, locale: Locale): EventInput {
  const edited = eventInputFromForm(form, locale);
  const stored = eventInputOf(event);
  const inLocale = (texts: Record<string, string> | undefined, value: string | undefined) => {
    const { [locale]: _old, ...others } = texts ?? {};
    return value?.trim() ? { ...others, [locale]: value } : others;
  };
  return {
    ...stored,
    ...edited,
    titles: inLocale(stored.titles, edited.titles?.[locale]),
    descriptions: inLocale(stored.descriptions, edited.descriptions?.[locale]),
    rrule: text(form, 'repeats') === KEEP_RULE ? (stored.rrule ?? null) : (edited.rrule ?? null),
    // An empty price means free when there was a price to remove; otherwise the event stays as it said.
    free: text(form, 'price').trim() ? false : stored.price ? true : Boolean(stored.free),
    all_day: event.allDay,
    status: text(form, 'cancelled') === 'on' ? 'cancelled' : 'scheduled',
  };
}

/** A place named by its page's link (`…/ru/p/12-kafe`, `/p/12`) or its number; null when the field is empty. */
function venuePlaceId(value: string): number | null {
  const text = value.trim();
  if (!text) return null;
  const id = Number(/(?:^|\/p\/)(\d+)(?:-[^/?#]*)?\/?(?:[?#].*)?$/.exec(text)?.[1]);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new InputError(
      'venue',
      'must be the link of a place’s page on this map, such as /ru/p/12-kafe, or its number',
      'venueLink',
    );
  return id;
}

/** The event form as the API's input: the form speaks one locale, an empty price means free. */
export function eventInputFromForm(form: FormBody, locale: Locale): EventInput {
  const minAge = text(form, 'min_age').trim();
  const languages = ([] as unknown[]).concat(form.languages ?? []).map(String);
  const price = text(form, 'price').trim();
  if (minAge && !/^\d{1,2}$/.test(minAge))
    throw new InputError('min_age', 'must be a whole number of years', 'minAge');
  return {
    titles: { [locale]: text(form, 'title') },
    descriptions: { [locale]: text(form, 'description') },
    type: text(form, 'type'),
    start: text(form, 'start'),
    end: text(form, 'end') || null,
    rrule: REPEATS[text(form, 'repeats')] ?? null,
    city: text(form, 'city'),
    place_id: venuePlaceId(text(form, 'venue')),
    address: text(form, 'address') || null,
    lat: coordinate(form, 'lat') ?? null,
    lon: coordinate(form, 'lon') ?? null,
    languages,
    locals_welcome: text(form, 'locals_welcome') === 'on',
    bilingual: text(form, 'bilingual') === 'on',
    free: price === '',
    price: price || null,
    min_age: minAge ? Number(minAge) : null,
    organiser_url: text(form, 'organiser_url') || null,
  };
}

export async function eventFormRoutes(
  app: FastifyInstance,
  o: CommunityRouteOptions & { antiSpam: AntiSpam },
): Promise<void> {
  /** Anyone who may not publish passes the anonymous forms' anti-spam check and the submissions budget. */
  const checkStranger = async (request: FastifyRequest) => {
    if (publishesDirectly(request.actor)) return;
    const proofOfWork = await o.antiSpam.check(body(request));
    await limitSubmissions(o.ctx, request.actor, { ip: clientIp(request), proofOfWork });
  };

  for (const locale of LOCALES) {
    const e = t(locale).m.events;
    const form = (request: FastifyRequest, reply: FastifyReply, problem: FormProblem | null = null) =>
      renderEventForm(
        { ...pageContext(o, request, reply, locale), antiSpam: antiSpamFields(t(locale)), problem },
        body(request) as EventFormValues,
      );

    // "Add an event here" on a place's page opens the form with that place as the venue.
    app.get(`/${locale}/events/new`, hidden, async (request, reply) => {
      const venue = Number((request.query as Record<string, unknown>).venue);
      const values = Number.isSafeInteger(venue) && venue > 0 ? { venue: `/p/${venue}` } : {};
      return o.sendPage(
        reply,
        renderEventForm(
          { ...pageContext(o, request, reply, locale), antiSpam: antiSpamFields(t(locale)), problem: null },
          values,
        ),
      );
    });
    app.post(`/${locale}/events/new`, hidden, async (request, reply) =>
      handleForm(
        o,
        request,
        reply,
        locale,
        async () => {
          const input = eventInputFromForm(body(request), locale);
          await checkStranger(request);
          const event = await createEvent(o.ctx, request.actor, input);
          const live = event.status !== 'pending';
          return o.sendPage(
            reply,
            renderThanks(pageContext(o, request, reply, locale), live ? e.eventLive : e.eventQueued, {
              href: localePath(locale, live ? `events/${event.id}` : 'events'),
              label: live ? e.eventTitle : e.backToEvents,
            }),
          );
        },
        (problem) => form(request, reply, problem),
      ),
    );

    const editForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      event: CityEvent,
      problem: FormProblem | null = null,
    ) =>
      renderEventForm(
        { ...pageContext(o, request, reply, locale), antiSpam: antiSpamFields(t(locale)), problem },
        problem ? (body(request) as EventFormValues) : eventFormValues(event, locale),
        event,
      );
    app.get(`/${locale}/events/:id/edit`, hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const event = await getEvent(o.ctx, idParam(request), request.actor);
        return o.sendPage(reply, editForm(request, reply, event));
      }),
    );
    app.post(`/${locale}/events/:id/edit`, hidden, async (request, reply) => {
      let event: CityEvent | null = null;
      return handleForm(
        o,
        request,
        reply,
        locale,
        async () => {
          const current = await getEvent(o.ctx, idParam(request), request.actor);
          event = current;
          const input = editedEventInput(current, body(request), locale);
          await checkStranger(request);
          const outcome = await editEvent(
            o.ctx,
            request.actor,
            current.id,
            input,
            text(body(request), 'comment'),
          );
          return o.sendPage(
            reply,
            renderThanks(
              pageContext(o, request, reply, locale),
              outcome.live ? e.changeLive : e.changeQueued,
              {
                href: localePath(locale, `events/${current.id}`),
                label: pickText(current.titles, locale, current.originalLocale),
              },
            ),
          );
        },
        (problem) => (event ? editForm(request, reply, event, problem) : form(request, reply, problem)),
      );
    });
  }
}
