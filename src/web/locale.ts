import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLocale, type Locale, negotiateLocale } from '../domain/locales.ts';

export const LOCALE_COOKIE = 'locale';
const ONE_YEAR_S = 365 * 24 * 3600;

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The locale chosen before (cookie), else the browser's preference (Accept-Language). */
export function preferredLocale(request: FastifyRequest): Locale {
  const chosen = cookieValue(request.headers.cookie, LOCALE_COOKIE);
  if (chosen && isLocale(chosen)) return chosen;
  return negotiateLocale(request.headers['accept-language']);
}

/** A page in a locale remembers the locale, so that `/` and `/p/…` links come back to it. */
export function rememberLocale(request: FastifyRequest, reply: FastifyReply, locale: Locale): void {
  if (cookieValue(request.headers.cookie, LOCALE_COOKIE) === locale) return;
  reply.header('set-cookie', `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`);
}

/** `/{locale}/` plus a path without a leading slash, e.g. `p/12-kafe`. */
export function localePath(locale: Locale, path = ''): string {
  return `/${locale}/${path.replace(/^\/+/, '')}`;
}

/** The query string of a request, with its `?`, or an empty string. */
export function queryString(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index >= 0 ? request.url.slice(index) : '';
}
