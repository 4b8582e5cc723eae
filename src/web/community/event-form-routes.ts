import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../../domain/errors.ts';
import { LOCALES, type Locale } from '../../domain/locales.ts';
import { createEvent, publishesDirectly } from '../../usecases/events/events.ts';
import type { EventInput } from '../../usecases/events/prepare-event.ts';
import { checkRate, RATE_RULES } from '../../usecases/rate-limit.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import type { FormProblem } from '../pages/community/form-kit.ts';
import { renderThanks } from '../pages/community/place-form.ts';
import { type EventFormValues, renderEventForm } from '../pages/events/event-form.ts';
import { type AntiSpam, antiSpamFields } from './anti-spam.ts';
import { type FormBody, text } from './form-input.ts';
import { body, type CommunityRouteOptions, clientIp, handleForm, pageContext } from './route-kit.ts';

const hidden = { schema: { hide: true } };
const REPEATS: Record<string, string> = { weekly: 'FREQ=WEEKLY', monthly: 'FREQ=MONTHLY' };

/** The event form as the API's input: the form speaks one locale, an empty price means free. */
export function eventInputFromForm(form: FormBody, locale: Locale): EventInput {
  const minAge = text(form, 'min_age').trim();
  const languages = ([] as unknown[]).concat(form.languages ?? []).map(String);
  const price = text(form, 'price').trim();
  if (minAge && !/^\d{1,2}$/.test(minAge)) throw new InputError('min_age', 'must be a whole number of years');
  return {
    titles: { [locale]: text(form, 'title') },
    descriptions: { [locale]: text(form, 'description') },
    type: text(form, 'type'),
    start: text(form, 'start'),
    end: text(form, 'end') || null,
    rrule: REPEATS[text(form, 'repeats')] ?? null,
    city: text(form, 'city'),
    address: text(form, 'address') || null,
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
  for (const locale of LOCALES) {
    const e = t(locale).m.events;
    const form = (request: FastifyRequest, reply: FastifyReply, problem: FormProblem | null = null) =>
      renderEventForm(
        { ...pageContext(o, request, reply, locale), antiSpam: antiSpamFields(t(locale)), problem },
        body(request) as EventFormValues,
      );

    app.get(`/${locale}/events/new`, hidden, async (request, reply) =>
      o.sendPage(reply, form(request, reply)),
    );
    app.post(`/${locale}/events/new`, hidden, async (request, reply) =>
      handleForm(
        o,
        request,
        reply,
        locale,
        async () => {
          const input = eventInputFromForm(body(request), locale);
          if (!publishesDirectly(request.actor)) {
            await o.antiSpam.check(body(request));
            const keys = [
              `suggest:ip:${clientIp(request)}`,
              ...(request.actor.kind === 'user' ? [`suggest:user:${request.actor.user.id}`] : []),
            ];
            await checkRate(o.ctx, RATE_RULES.suggestion, keys);
          }
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
  }
}
