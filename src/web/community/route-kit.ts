import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  RateLimitError,
  UnauthenticatedError,
} from '../../domain/errors.ts';
import type { Locale } from '../../domain/locales.ts';
import { formCsrf, requireCsrf } from '../../http/auth/session.ts';
import type { AppContext } from '../../usecases/context.ts';
import { html, type SafeHtml } from '../html.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { communityPage, type FormProblem, problemText } from '../pages/community/form-kit.ts';
import type { Assets } from '../pages/layout.ts';
import type { FormBody } from './form-input.ts';

export interface TelegramBot {
  name: string;
  token: string;
}

export interface CommunityRouteOptions {
  ctx: AppContext;
  assets(): Assets;
  origin(request: FastifyRequest): string;
  sendPage(reply: FastifyReply, markup: SafeHtml, status?: number, policy?: string): FastifyReply;
  /** Cookies get the Secure flag (PUBLIC_URL is https); behind plain http in development they cannot. */
  secureCookies: boolean;
  /** "Log in with Telegram", when the operator configured a bot (its name and token). */
  telegram: TelegramBot | null;
  /** The page policy of the Telegram sign-in page: the only page that loads a script from another host. */
  telegramPolicy: string;
}

/** What every page handler needs: who is asking, in which locale, and the token for its forms. */
export interface PageContext {
  assets: Assets;
  locale: Locale;
  origin: string;
  actor: FastifyRequest['actor'];
  csrf: string;
  taxonomy: AppContext['taxonomy'];
}

export function pageContext(
  o: CommunityRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
): PageContext {
  return {
    assets: o.assets(),
    locale,
    origin: o.origin(request),
    actor: request.actor,
    csrf: formCsrf(request, reply, o.secureCookies),
    taxonomy: o.ctx.taxonomy,
  };
}

export function body(request: FastifyRequest): FormBody {
  return (request.body ?? {}) as FormBody;
}

export function idParam(request: FastifyRequest, name = 'id'): number {
  const raw = (request.params as Record<string, string>)[name] ?? '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(`${name} ${raw}`);
  return id;
}

/** See-other to a page of this site with a short "done" message in the query. */
export function seeOther(reply: FastifyReply, locale: Locale, path: string, done?: string): FastifyReply {
  const query = done ? `${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}` : '';
  return reply.redirect(`${localePath(locale, path)}${query}`, 303);
}

export function doneMessage(request: FastifyRequest, messages: Record<string, string>): string | null {
  const key = (request.query as Record<string, string>).done;
  return key && key in messages ? (messages[key] ?? null) : null;
}

/**
 * A form POST: CSRF checked first, then the handler. A refused input re-renders the form (400) with the
 * field named; other refusals get a short page with the right status. Nothing is written on any refusal,
 * because every use case validates before it writes.
 */
export async function handleForm(
  o: CommunityRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  work: () => Promise<FastifyReply>,
  rerender: (problem: FormProblem) => Promise<SafeHtml> | SafeHtml,
): Promise<FastifyReply> {
  try {
    requireCsrf(request);
    return await work();
  } catch (error) {
    if (error instanceof InputError) {
      return o.sendPage(
        reply,
        await rerender({ field: error.field, message: problemText(t(locale), error) }),
        400,
      );
    }
    return sendRefusal(o, request, reply, locale, error);
  }
}

export function sendRefusal(
  o: CommunityRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  error: unknown,
): FastifyReply {
  const m = t(locale).m.community;
  const refusals: [new (...args: never[]) => Error, number][] = [
    [UnauthenticatedError, 401],
    [ForbiddenError, 403],
    [NotFoundError, 404],
    [ConflictError, 409],
    [RateLimitError, 429],
  ];
  const match = refusals.find(([type]) => error instanceof type);
  if (!match) throw error;
  const status = match[1];
  if (error instanceof RateLimitError) reply.header('retry-after', String(error.retryAfterSeconds));
  // A heading and a sentence in the reader's language; the precise reason (English, as the API says it)
  // below them for reports. A 403's heading says it all.
  const words: Record<number, [string, string | null]> = {
    401: [m.signIn, m.refusals.unauthenticated],
    403: [m.forbidden, null],
    404: [t(locale).m.notFound.title, m.refusals.notFound],
    409: [m.refusals.heading, m.refusals.conflict],
    429: [m.refusals.heading, m.tooMany],
  };
  const [heading, said] = words[status] ?? [m.refusals.heading, null];
  const detail = status === 429 ? null : (error as Error).message;
  const signIn = status === 401 || (status === 403 && request.actor.kind === 'visitor');
  return o.sendPage(
    reply,
    communityPage({
      ...pageContext(o, request, reply, locale),
      path: '',
      title: heading,
      body: html`<h1>${heading}</h1>${said ? html`<p class="lead" role="alert">${said}</p>` : ''}${
        detail ? html`<p class="hint" lang="en"${said ? '' : html` role="alert"`}>${detail}</p>` : ''
      }${
        signIn
          ? html`<p><a class="button button--primary" href="${localePath(locale, 'account/sign-in')}">${m.signIn}</a></p>`
          : ''
      }`,
    }),
    status,
  );
}

/** GET handlers that need a signed-in user or a moderator answer with the same refusal pages. */
export async function handlePage(
  o: CommunityRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  work: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    return sendRefusal(o, request, reply, locale, error);
  }
}

export function clientIp(request: FastifyRequest): string {
  return request.ip;
}
