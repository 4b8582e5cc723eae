import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { canModerate, seesExactLocation } from '../../domain/accounts/permissions.ts';
import { placeDiff } from '../../domain/contributions/place-diff.ts';
import { InputError, NotFoundError } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, isLocale } from '../../domain/locales.ts';
import { publicView } from '../../domain/places/approximate-position.ts';
import type { AppContext } from '../../usecases/context.ts';
import { openReports, reportPlace } from '../../usecases/contributions/report-place.ts';
import {
  approveSuggestion,
  moderationQueue,
  rejectSuggestion,
} from '../../usecases/contributions/review-suggestion.ts';
import { suggestEdit, suggestPlace } from '../../usecases/contributions/submit-suggestion.ts';
import type { AntiSpam } from '../../web/community/anti-spam.ts';
import { requireCsrf } from '../auth/session.ts';
import { ErrorBody, errorResponses } from '../schemas.ts';
import {
  ApproveBody,
  HistoryResponse,
  IdParams,
  MeResponse,
  QueueResponse,
  RejectBody,
  ReportBody,
  ReportResult,
  SuggestionBody,
  SuggestionResult,
} from './schemas.ts';

const refusals = { 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody, ...errorResponses };

function placeId(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new InputError('id', 'must be a place id');
  return id;
}

/**
 * A signed-in browser's cookie is sent by any page that posts here, so a write with a session must carry the
 * session's CSRF token (`x-csrf-token`, from GET /me). Without a session there is no authority to steal.
 */
function checkWrite(request: FastifyRequest): void {
  if (request.sessionToken) requireCsrf(request);
}

/** Suggestions, reports, history and the moderation queue as JSON: the same use cases as the web forms. */
export const contributionApiRoutes: FastifyPluginAsyncTypebox<{
  ctx: AppContext;
  antiSpam: AntiSpam;
}> = async (app, opts) => {
  const { ctx } = opts;

  app.get(
    '/me',
    {
      schema: {
        summary: 'Who is signed in, and the CSRF token for writes',
        tags: ['contributions'],
        response: { 200: MeResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const { actor } = request;
      if (actor.kind !== 'user') return { signed_in: false, csrf_token: null, user: null };
      return {
        signed_in: true,
        csrf_token: request.csrfToken,
        user: {
          id: actor.user.id,
          display_name: actor.user.displayName,
          role: actor.user.role,
          owned_place_ids: [...actor.ownedPlaceIds],
        },
      };
    },
  );

  app.post(
    '/suggestions',
    {
      schema: {
        summary: 'Suggest a new place or an edit (live at once for trusted people, owners and moderators)',
        tags: ['contributions'],
        body: SuggestionBody,
        response: { 201: SuggestionResult, 202: SuggestionResult, ...refusals },
      },
    },
    async (request, reply) => {
      checkWrite(request);
      const { body } = request;
      const proofOfWork = await opts.antiSpam.check(body as Record<string, unknown>);
      const locale = body.locale && isLocale(body.locale) ? body.locale : DEFAULT_LOCALE;
      const meta = { locale, ip: request.ip, email: body.email, comment: body.comment, proofOfWork };
      const result = body.place_id
        ? await suggestEdit(ctx, request.actor, body.place_id, body.place, meta)
        : await suggestPlace(ctx, request.actor, body.place, meta);
      reply.code(result.place ? 201 : 202);
      return {
        id: result.suggestion.id,
        status: result.place ? 'approved' : 'pending',
        place_id: result.place?.id ?? null,
      } as const;
    },
  );

  app.post(
    '/places/:id/reports',
    {
      schema: {
        summary: 'Report a place (closed, moved, wrong, duplicate, spam, unsafe)',
        tags: ['contributions'],
        params: IdParams,
        body: ReportBody,
        response: { 201: ReportResult, ...refusals },
      },
    },
    async (request, reply) => {
      checkWrite(request);
      await opts.antiSpam.check(request.body as Record<string, unknown>);
      const report = await reportPlace(
        ctx,
        request.actor,
        placeId(request.params.id),
        request.body,
        request.ip,
        request.body.locale && isLocale(request.body.locale) ? request.body.locale : DEFAULT_LOCALE,
      );
      reply.code(201);
      return { id: report.id, status: 'open' } as const;
    },
  );

  app.get(
    '/places/:id/history',
    {
      schema: {
        summary: "A place's versions, newest first, with what each changed",
        tags: ['contributions'],
        params: IdParams,
        response: { 200: HistoryResponse, ...errorResponses },
      },
    },
    async (request) => {
      const id = placeId(request.params.id);
      const place = await ctx.storage.places.get(id);
      if (
        !place ||
        ((place.status === 'pending' || place.status === 'deleted') && !canModerate(request.actor))
      )
        throw new NotFoundError(`place ${id}`);
      const exact = seesExactLocation(request.actor, id);
      const versions = await ctx.storage.places.history(id);
      const view = (data: (typeof versions)[number]['data']) => (exact ? data : publicView(data));
      const authors = new Map<number, string | null>();
      for (const authorId of new Set(versions.flatMap((v) => (v.authorId === null ? [] : [v.authorId])))) {
        const user = await ctx.storage.users.get(authorId);
        authors.set(authorId, user?.deletedAt ? 'deleted user' : (user?.displayName ?? null));
      }
      return {
        place_id: id,
        versions: versions.map((v, i) => {
          const previous = versions[i + 1];
          return {
            version: v.version,
            action: v.action,
            created_at: v.createdAt,
            author: v.authorId === null ? null : (authors.get(v.authorId) ?? null),
            note: v.note,
            changes: placeDiff(previous ? view(previous.data) : null, view(v.data)),
          };
        }),
      };
    },
  );

  app.get(
    '/moderation/queue',
    {
      schema: {
        summary: 'Pending suggestions with their changes, open reports per place (moderators)',
        tags: ['contributions'],
        response: { 200: QueueResponse, ...refusals },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const queue = await moderationQueue(ctx, request.actor);
      const reports = await openReports(ctx, request.actor);
      const claims = (await ctx.storage.contributions.pendingCounts()).claims;
      return {
        suggestions: queue.map((item) => ({
          id: item.suggestion.id,
          kind: item.suggestion.kind,
          place_id: item.suggestion.placeId,
          created_at: item.suggestion.createdAt,
          proof_of_work: item.suggestion.proofOfWork,
          stale: item.stale,
          comment: item.suggestion.comment,
          changes: item.changes,
        })),
        reports: reports.map((g) => ({
          place_id: g.place.id,
          count: g.count,
          by_kind: g.byKind as Record<string, number>,
        })),
        claims,
      };
    },
  );

  app.post(
    '/suggestions/:id/approve',
    {
      schema: {
        summary: 'Approve a suggestion, optionally with changes (moderators)',
        tags: ['contributions'],
        params: IdParams,
        body: ApproveBody,
        response: { 200: SuggestionResult, ...refusals },
      },
    },
    async (request) => {
      checkWrite(request);
      const id = placeId(request.params.id);
      const place = await approveSuggestion(ctx, request.actor, id, request.body.place);
      return { id, status: 'approved', place_id: place.id } as const;
    },
  );

  app.post(
    '/suggestions/:id/reject',
    {
      schema: {
        summary: 'Reject a suggestion with a reason for its sender (moderators)',
        tags: ['contributions'],
        params: IdParams,
        body: RejectBody,
        response: { 204: Type.Null(), ...refusals },
      },
    },
    async (request, reply) => {
      checkWrite(request);
      await rejectSuggestion(ctx, request.actor, placeId(request.params.id), request.body.reason);
      return reply.code(204).send(null);
    },
  );
};
