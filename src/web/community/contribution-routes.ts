import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  canAdminister,
  canModerate,
  canSetStatus,
  seesExactLocation,
} from '../../domain/accounts/permissions.ts';
import type { User } from '../../domain/accounts/user.ts';
import { NotFoundError, UnauthenticatedError } from '../../domain/errors.ts';
import { LOCALES, type Locale } from '../../domain/locales.ts';
import type { Place } from '../../domain/places/place.ts';
import { claimPlace } from '../../usecases/contributions/claims.ts';
import { likelyDuplicates } from '../../usecases/contributions/likely-duplicates.ts';
import { revertPlace, setPlaceStatus } from '../../usecases/contributions/moderate-place.ts';
import { reportPlace } from '../../usecases/contributions/report-place.ts';
import { submitterOf, suggestEdit, suggestPlace } from '../../usecases/contributions/submit-suggestion.ts';
import { type PlaceInput, placeInputOf, preparePlace } from '../../usecases/prepare-place.ts';
import { placePath } from '../../usecases/present-place.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import type { FormProblem } from '../pages/community/form-kit.ts';
import { renderHistory } from '../pages/community/moderation.ts';
import {
  renderClaimForm,
  renderPlaceForm,
  renderReportForm,
  renderThanks,
} from '../pages/community/place-form.ts';
import { type AntiSpam, antiSpamFields } from './anti-spam.ts';
import { placeInputFromForm, text } from './form-input.ts';
import {
  body,
  type CommunityRouteOptions,
  clientIp,
  doneMessage,
  handleForm,
  handlePage,
  idParam,
  pageContext,
  seeOther,
} from './route-kit.ts';

const hidden = { schema: { hide: true } };

/** Suggest a place or a change, report, claim, and a place's history: anyone's forms, no JavaScript needed. */
export async function contributionRoutes(
  app: FastifyInstance,
  o: CommunityRouteOptions & { antiSpam: AntiSpam },
): Promise<void> {
  const { ctx } = o;
  const visiblePlace = async (request: FastifyRequest): Promise<Place> => {
    const place = await ctx.storage.places.get(idParam(request));
    if (!place || place.status === 'pending' || place.status === 'deleted') throw new NotFoundError('place');
    return place;
  };
  const formContext = (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    problem: FormProblem | null = null,
  ) => ({
    ...pageContext(o, request, reply, locale),
    taxonomy: ctx.taxonomy,
    antiSpam: antiSpamFields(t(locale)),
    problem,
  });
  const thanks = (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    message: string,
    place: Place | null,
  ) =>
    o.sendPage(
      reply,
      renderThanks(
        pageContext(o, request, reply, locale),
        message,
        place
          ? { href: localePath(locale, placePath(place).slice(1)), label: t(locale).m.community.backToPlace }
          : { href: localePath(locale), label: t(locale).m.community.backToMap },
      ),
    );

  for (const locale of LOCALES) {
    const m = t(locale).m.community;
    const at = (path: string) => `/${locale}/${path}`;
    const submission = async (request: FastifyRequest) => ({
      locale,
      ip: clientIp(request),
      email: body(request).email,
      comment: body(request).comment,
      proofOfWork: await o.antiSpam.check(body(request)),
    });

    app.get(at('suggest'), hidden, async (request, reply) =>
      o.sendPage(reply, renderPlaceForm(formContext(request, reply, locale), null, {})),
    );
    app.post(at('suggest'), hidden, async (request, reply) => {
      let input: PlaceInput = {};
      return handleForm(
        o,
        request,
        reply,
        locale,
        async () => {
          input = placeInputFromForm(body(request), locale);
          const meta = await submission(request);
          submitterOf(request.actor, meta);
          if (text(body(request), 'not_duplicate') !== '1') {
            const data = preparePlace({ ...input, status: 'active' }, ctx.taxonomy);
            const duplicates = await likelyDuplicates(ctx, data);
            if (duplicates.length) {
              const extra = {
                email: text(body(request), 'email'),
                comment: text(body(request), 'comment'),
                duplicates,
              };
              return o.sendPage(
                reply,
                renderPlaceForm(formContext(request, reply, locale), null, input, extra),
                200,
              );
            }
          }
          const result = await suggestPlace(ctx, request.actor, input, meta);
          return thanks(
            request,
            reply,
            locale,
            result.place ? m.suggestionLive : m.suggestionQueued,
            result.place,
          );
        },
        (problem) =>
          renderPlaceForm(formContext(request, reply, locale, problem), null, input, {
            email: text(body(request), 'email'),
            comment: text(body(request), 'comment'),
          }),
      );
    });

    app.get(at('p/:id/edit'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const place = await visiblePlace(request);
        return o.sendPage(
          reply,
          renderPlaceForm(formContext(request, reply, locale), place, placeInputOf(place), {
            canSetStatus: canSetStatus(request.actor, place.id, 'closed'),
          }),
        );
      }),
    );
    app.post(at('p/:id/edit'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const place = await visiblePlace(request);
        let input: PlaceInput = placeInputOf(place);
        return handleForm(
          o,
          request,
          reply,
          locale,
          async () => {
            input = placeInputFromForm(body(request), locale);
            const result = await suggestEdit(ctx, request.actor, place.id, input, await submission(request));
            return thanks(
              request,
              reply,
              locale,
              result.place ? m.suggestionLive : m.suggestionQueued,
              result.place ?? place,
            );
          },
          (problem) =>
            renderPlaceForm(
              formContext(request, reply, locale, problem),
              place,
              { ...placeInputOf(place), ...input },
              {
                email: text(body(request), 'email'),
                comment: text(body(request), 'comment'),
              },
            ),
        );
      }),
    );

    app.get(at('p/:id/report'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () =>
        o.sendPage(reply, renderReportForm(formContext(request, reply, locale), await visiblePlace(request))),
      ),
    );
    app.post(at('p/:id/report'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const place = await visiblePlace(request);
        return handleForm(
          o,
          request,
          reply,
          locale,
          async () => {
            await o.antiSpam.check(body(request));
            await reportPlace(ctx, request.actor, place.id, body(request), clientIp(request), locale);
            return thanks(request, reply, locale, m.reportSent, place);
          },
          (problem) =>
            renderReportForm(formContext(request, reply, locale, problem), place, {
              kind: text(body(request), 'kind'),
              message: text(body(request), 'message'),
              email: text(body(request), 'email'),
            }),
        );
      }),
    );

    app.get(at('p/:id/claim'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        if (request.actor.kind !== 'user') throw new UnauthenticatedError('sign in to claim a place');
        return o.sendPage(
          reply,
          renderClaimForm(formContext(request, reply, locale), await visiblePlace(request)),
        );
      }),
    );
    app.post(at('p/:id/claim'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const place = await visiblePlace(request);
        return handleForm(
          o,
          request,
          reply,
          locale,
          async () => {
            await claimPlace(ctx, request.actor, place.id, body(request).evidence);
            return thanks(request, reply, locale, m.claimSent, place);
          },
          (problem) => renderClaimForm(formContext(request, reply, locale, problem), place),
        );
      }),
    );

    app.get(at('p/:id/history'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const place = await ctx.storage.places.get(idParam(request));
        const moderator = canModerate(request.actor);
        if (!place || ((place.status === 'pending' || place.status === 'deleted') && !moderator))
          throw new NotFoundError('place');
        const versions = await ctx.storage.places.history(place.id);
        const authors = new Map<number, User>();
        for (const id of new Set(versions.flatMap((v) => (v.authorId === null ? [] : [v.authorId])))) {
          const user = await ctx.storage.users.get(id);
          if (user) authors.set(id, user);
        }
        const context = {
          ...pageContext(o, request, reply, locale),
          done: doneMessage(request, { done: m.done }),
        };
        return o.sendPage(
          reply,
          renderHistory(context, place, versions, authors, {
            moderator,
            admin: canAdminister(request.actor),
            exact: seesExactLocation(request.actor, place.id),
          }),
        );
      }),
    );
    const historyAction = (path: string, work: (request: FastifyRequest, id: number) => Promise<unknown>) =>
      app.post(at(path), hidden, async (request, reply) => {
        const id = idParam(request);
        return handleForm(
          o,
          request,
          reply,
          locale,
          async () => {
            await work(request, id);
            return seeOther(reply, locale, `p/${id}/history`, 'done');
          },
          (problem) => {
            throw Object.assign(new Error(problem.message), { statusCode: 400 });
          },
        );
      });
    historyAction('p/:id/revert', (request, id) =>
      revertPlace(ctx, request.actor, id, Number(text(body(request), 'version'))),
    );
    historyAction('p/:id/status', (request, id) =>
      setPlaceStatus(ctx, request.actor, id, body(request).status, body(request).note),
    );
  }
}
