import { createHash, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Actor, VISITOR } from '../../domain/accounts/user.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { newSecret } from '../../usecases/accounts/secrets.ts';
import { resolveSession, type SessionTokens } from '../../usecases/accounts/sessions.ts';
import type { AppContext } from '../../usecases/context.ts';

export const SESSION_COOKIE = 'kvartal_session';
/** A visitor's CSRF secret (double-submit): forms carry it, another site cannot read it to forge one. */
const VISITOR_CSRF_COOKIE = 'kvartal_csrf';
export const CSRF_FIELD = '_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The CSRF token this request's forms must carry (the session's, or the visitor cookie's). */
    csrfToken: string;
    sessionToken: string | null;
    /** The visitor had no CSRF cookie yet: this response sets one, and no form could have carried it. */
    csrfIsNew: boolean;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who is asking, for every request: a session cookie is looked up in the database (so any app process can
 * serve any request); without one the request is a visitor's. Also parses cookies and HTML form bodies.
 */
export const sessionPlugin = fp(
  async (app: FastifyInstance, opts: { ctx: AppContext; secureCookies: boolean }) => {
    await app.register(cookie);
    await app.register(formbody, { bodyLimit: 1024 * 1024 });
    app.decorateRequest('actor', null as never);
    app.decorateRequest('csrfIsNew', false);
    app.decorateRequest('csrfToken', '');
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request, reply) => {
      request.actor = VISITOR;
      request.sessionToken = null;
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const session = await resolveSession(opts.ctx, token);
        if (session) {
          request.actor = session.actor;
          request.csrfToken = session.csrf;
          request.sessionToken = token;
          return;
        }
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      let csrf = request.cookies[VISITOR_CSRF_COOKIE];
      if (!csrf || csrf.length > 100) {
        csrf = newSecret();
        request.csrfIsNew = true;
      }
      request.csrfToken = csrf;
    });
  },
  { name: 'kvartal-session' },
);

/**
 * Refuses a state-changing request whose CSRF token (form field `_csrf` or header `x-csrf-token`) is not
 * this session's. A page from another site can make the browser send our cookies, but cannot read the
 * token to put in its form.
 */
export function requireCsrf(request: FastifyRequest): void {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const given = String(body[CSRF_FIELD] ?? request.headers['x-csrf-token'] ?? '');
  if (!given || request.csrfIsNew || !sameSecret(given, request.csrfToken))
    throw new ForbiddenError(
      'the form expired or came from another site (CSRF check failed): reload the page and send it again',
    );
}

/**
 * The token for a page's forms. A visitor without the CSRF cookie gets it with this response — only pages
 * with forms set it, so the map, the API and the embeddable map stay cookie-free.
 */
export function formCsrf(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (request.csrfIsNew && request.actor.kind === 'visitor') {
    reply.setCookie(VISITOR_CSRF_COOKIE, request.csrfToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secure || request.protocol === 'https',
    });
  }
  return request.csrfToken;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: SessionTokens,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure || request.protocol === 'https',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
