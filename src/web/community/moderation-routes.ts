import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canAdminister } from '../../domain/accounts/permissions.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { LOCALES, type Locale } from '../../domain/locales.ts';
import { setRole } from '../../usecases/accounts/manage-accounts.ts';
import { decideClaim, pendingClaims } from '../../usecases/contributions/claims.ts';
import {
  mergePlaces,
  purgePlace,
  resolveReports,
  setPlaceStatus,
} from '../../usecases/contributions/moderate-place.ts';
import { openReports } from '../../usecases/contributions/report-place.ts';
import {
  approveSuggestion,
  moderationQueue,
  queueItem,
  rejectSuggestion,
  requireModerator,
} from '../../usecases/contributions/review-suggestion.ts';
import { pendingEventChanges, reviewEventChange } from '../../usecases/events/edit-event.ts';
import { reviewEvent } from '../../usecases/events/events.ts';
import { placeInputOf } from '../../usecases/prepare-place.ts';
import { html } from '../html.ts';
import { t } from '../i18n/index.ts';
import type { FormProblem } from '../pages/community/form-kit.ts';
import { renderAudit, renderModeration, renderUsers } from '../pages/community/moderation.ts';
import { renderPlaceForm } from '../pages/community/place-form.ts';
import { placeInputFromForm, text } from './form-input.ts';
import {
  body,
  type CommunityRouteOptions,
  doneMessage,
  handleForm,
  handlePage,
  idParam,
  pageContext,
  seeOther,
} from './route-kit.ts';

const hidden = { schema: { hide: true } };

/** The moderators' queue (suggestions with diffs, reports per place, claims) and the admins' pages. */
export async function moderationRoutes(app: FastifyInstance, o: CommunityRouteOptions): Promise<void> {
  const { ctx } = o;
  for (const locale of LOCALES) {
    const m = t(locale).m.community;
    const done = { approved: m.approved, rejected: m.rejected, done: m.done, saved: m.saved };
    const at = (path: string) => `/${locale}/${path}`;
    const queuePage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      problem: FormProblem | null = null,
    ) => {
      const [queue, reports, claims] = await Promise.all([
        moderationQueue(ctx, request.actor),
        openReports(ctx, request.actor),
        pendingClaims(ctx, request.actor),
      ]);
      const events = await ctx.storage.events.pending(50);
      const eventChanges = await pendingEventChanges(ctx, request.actor);
      const context = {
        ...pageContext(o, request, reply, locale),
        problem,
        done: doneMessage(request, done),
      };
      return renderModeration(context, { suggestions: queue, reports, claims, events, eventChanges });
    };

    app.get(at('moderation'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => o.sendPage(reply, await queuePage(request, reply))),
    );
    app.get(at('moderation/suggestions/:id'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        const item = await queueItem(ctx, request.actor, idParam(request));
        const context = {
          ...pageContext(o, request, reply, locale),
          taxonomy: ctx.taxonomy,
          antiSpam: html``,
        };
        const form = renderPlaceForm(context, item.current, placeInputOf(item.result));
        // The same form, sent to the approve action: the moderator's edits are what gets approved.
        return o.sendPage(
          reply,
          html`${form.value.replace(/action="[^"]*"/, `action="/${locale}/moderation/suggestions/${item.suggestion.id}/approve"`)}` as never,
        );
      }),
    );

    const action = (
      path: string,
      work: (request: FastifyRequest) => Promise<unknown>,
      doneKey: keyof typeof done,
    ) =>
      app.post(at(path), hidden, async (request, reply) =>
        handleForm(
          o,
          request,
          reply,
          locale,
          async () => {
            await work(request);
            return seeOther(reply, locale, 'moderation', doneKey);
          },
          (problem) => queuePage(request, reply, problem),
        ),
      );
    action(
      'moderation/suggestions/:id/approve',
      (request) => {
        const edited = text(body(request), 'name') ? placeInputFromForm(body(request), locale) : undefined;
        return approveSuggestion(ctx, request.actor, idParam(request), edited);
      },
      'approved',
    );
    action(
      'moderation/suggestions/:id/reject',
      (request) => rejectSuggestion(ctx, request.actor, idParam(request), body(request).reason),
      'rejected',
    );
    action(
      'moderation/places/:id/status',
      (request) => {
        requireModerator(request.actor);
        return setPlaceStatus(ctx, request.actor, idParam(request), body(request).status);
      },
      'done',
    );
    action(
      'moderation/places/:id/resolve',
      (request) => resolveReports(ctx, request.actor, idParam(request), body(request).resolution),
      'done',
    );
    action(
      'moderation/places/:id/merge',
      (request) => mergePlaces(ctx, request.actor, idParam(request), Number(text(body(request), 'into'))),
      'done',
    );
    action(
      'moderation/events/:id/approve',
      (request) => reviewEvent(ctx, request.actor, idParam(request), true),
      'approved',
    );
    action(
      'moderation/events/:id/reject',
      (request) => reviewEvent(ctx, request.actor, idParam(request), false),
      'rejected',
    );
    action(
      'moderation/event-changes/:id/approve',
      (request) => reviewEventChange(ctx, request.actor, idParam(request), true, undefined),
      'approved',
    );
    action(
      'moderation/event-changes/:id/reject',
      (request) =>
        reviewEventChange(ctx, request.actor, idParam(request), false, text(body(request), 'reason')),
      'rejected',
    );
    action(
      'moderation/claims/:id/approve',
      (request) => decideClaim(ctx, request.actor, idParam(request), true, body(request).reason),
      'approved',
    );
    action(
      'moderation/claims/:id/reject',
      (request) => decideClaim(ctx, request.actor, idParam(request), false, body(request).reason),
      'rejected',
    );
    action(
      'moderation/places/:id/purge',
      (request) => purgePlace(ctx, request.actor, idParam(request), body(request).reason),
      'done',
    );

    const requireAdmin = (request: FastifyRequest) => {
      if (!canAdminister(request.actor)) throw new ForbiddenError('only admins can see this');
    };
    app.get(at('admin/audit'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => {
        requireAdmin(request);
        const entries = await ctx.storage.audit.list({ limit: 200 });
        return o.sendPage(reply, renderAudit(pageContext(o, request, reply, locale), entries));
      }),
    );
    const usersPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      problem: FormProblem | null = null,
    ) => {
      requireAdmin(request);
      const users = await ctx.storage.users.list({ limit: 500 });
      return renderUsers(
        { ...pageContext(o, request, reply, locale), problem, done: doneMessage(request, done) },
        users,
      );
    };
    app.get(at('admin/users'), hidden, async (request, reply) =>
      handlePage(o, request, reply, locale, async () => o.sendPage(reply, await usersPage(request, reply))),
    );
    app.post(at('admin/users/:id/role'), hidden, async (request, reply) =>
      handleForm(
        o,
        request,
        reply,
        locale,
        async () => {
          await setRole(ctx, request.actor, idParam(request), body(request).role);
          return seeOther(reply, locale as Locale, 'admin/users', 'saved');
        },
        (problem) => usersPage(request, reply, problem),
      ),
    );
  }
}
