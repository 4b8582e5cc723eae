import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../domain/errors.ts';
import { isLocale, LOCALES, type Locale, negotiateLocale } from '../domain/locales.ts';
import { attributionLine, DEFAULT_DATA_LICENCE, dataLicence } from '../open-data/licence.ts';
import type { AppContext } from '../usecases/context.ts';
import { listOccurrences } from '../usecases/events/events.ts';
import { getPlace } from '../usecases/get-place.ts';
import { presentPlace } from '../usecases/present-place.ts';
import {
  clientAssets,
  FAVICON_PATH,
  FAVICON_SVG,
  NOJS_CSS,
  NOJS_CSS_PATH,
  TAXONOMY_CSS_PATH,
  taxonomyCss,
} from './assets.ts';
import { accountRoutes } from './community/account-routes.ts';
import type { AntiSpam } from './community/anti-spam.ts';
import { contributionRoutes } from './community/contribution-routes.ts';
import { eventFormRoutes } from './community/event-form-routes.ts';
import { moderationRoutes } from './community/moderation-routes.ts';
import type { TelegramBot } from './community/route-kit.ts';
import { revealedKinds } from './components/contacts.ts';
import { eventPageRoutes } from './events/routes.ts';
import type { SafeHtml } from './html.ts';
import { localePath, preferredLocale, queryString, rememberLocale } from './locale.ts';
import { IMPORT_PATH, renderAdminImport } from './pages/admin-import.ts';
import { type OpenApiDocument, renderApiDocs } from './pages/api-docs.ts';
import { loadEmbedList, readEmbedQuery, renderEmbed, renderEmbedProblems } from './pages/embed.ts';
import { BUILDER_PATH, builderState, renderEmbedBuilder } from './pages/embed-builder.ts';
import { loadHome, type Query, renderHome, type WebDeps } from './pages/home.ts';
import { INSIGHTS_PATH, loadInsightsPage, renderInsights } from './pages/insights.ts';
import { renderNotFound } from './pages/not-found.ts';
import { OPEN_DATA_PATH, renderOpenData, SITE_NAME } from './pages/open-data.ts';
import { renderPlace } from './pages/place.ts';

export interface WebOptions {
  ctx: AppContext;
  /** Vite's output directory (`dist/client`). */
  clientDir: string;
  /** The operator's public URL, for canonical links; else taken from the request. */
  publicUrl?: string | null;
  /** A MapLibre style URL on this server, when a basemap is configured; else the map has a plain background. */
  mapStyleUrl?: string | null;
  /** SPDX id of the data licence (`DATA_LICENSE`), stated on the open-data page and the embedded map. */
  dataLicense?: string;
  /** The Telegram bot's name when "Log in with Telegram" is configured. */
  telegram?: TelegramBot | null;
  /** The anonymous forms' anti-spam check. */
  antiSpam: AntiSpam;
}

/**
 * The page policy: everything comes from this server. The browser enforces the privacy promise ("no request
 * to another host") even if a future change forgets it. Pages may not be framed by other sites; the
 * embeddable map is made to be.
 */
function pagePolicy(frameAncestors: string, scripts: string[] = [], frames: string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    ["child-src 'self' blob:", ...frames].join(' '),
    ...(frames.length ? [["frame-src 'self'", ...frames].join(' ')] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}
const CONTENT_SECURITY_POLICY = pagePolicy("'none'");
const EMBED_POLICY = pagePolicy('*');
// Telegram's login widget is a script from telegram.org that opens an iframe of oauth.telegram.org: allowed on
// that one page, which exists only when the operator configured a bot.
const TELEGRAM_POLICY = pagePolicy("'none'", ['https://telegram.org'], ['https://oauth.telegram.org']);

const PLACE_PARAM = /^(\d{1,15})(?:-([a-z0-9-]*))?$/;

/** Server-rendered pages in every locale, plus the browser client's files under /assets. */
export async function webRoutes(app: FastifyInstance, opts: WebOptions): Promise<void> {
  const { ctx } = opts;
  const assets = clientAssets(opts.clientDir, (message) => app.log.warn(message));
  const deps = (): WebDeps => ({ ctx, assets: assets(), mapStyleUrl: opts.mapStyleUrl ?? null });
  const origin = (request: FastifyRequest) =>
    opts.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;

  const assetsDir = join(opts.clientDir, 'assets');
  if (existsSync(assetsDir)) {
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      decorateReply: false,
      wildcard: true,
      // The pages link every file with ?v=<content hash>; revalidation keeps unversioned links correct.
      cacheControl: true,
      maxAge: 0,
    });
  }
  // Web routes are not part of the API, so they stay out of the OpenAPI document.
  const hidden = { schema: { hide: true } };
  app.get(TAXONOMY_CSS_PATH, hidden, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(taxonomyCss(ctx.taxonomy)),
  );
  app.get(FAVICON_PATH, hidden, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
  );
  app.get(NOJS_CSS_PATH, hidden, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(NOJS_CSS),
  );

  const licence = dataLicence(opts.dataLicense ?? DEFAULT_DATA_LICENCE);
  const sendPage = (reply: FastifyReply, markup: SafeHtml, status = 200, policy = CONTENT_SECURITY_POLICY) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', policy)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header('cache-control', 'no-cache')
      .send(markup.value);

  const redirectToLocale = (request: FastifyRequest, reply: FastifyReply, path: string) =>
    reply
      .header('vary', 'Cookie, Accept-Language')
      .header('cache-control', 'private, no-cache')
      .redirect(`${localePath(preferredLocale(request), path)}${queryString(request)}`, 302);

  const notFound = (request: FastifyRequest, reply: FastifyReply, locale: Locale) =>
    sendPage(reply, renderNotFound(assets(), locale, origin(request)), 404);

  const placePage = async (request: FastifyRequest, reply: FastifyReply, locale: Locale | null) => {
    const param = (request.params as { idslug?: string }).idslug ?? '';
    const match = PLACE_PARAM.exec(param);
    const pageLocale = locale ?? preferredLocale(request);
    if (!match) return notFound(request, reply, pageLocale);
    let view: ReturnType<typeof presentPlace>;
    try {
      view = presentPlace(await getPlace(ctx, Number(match[1])), pageLocale, ctx.taxonomy, ctx.now());
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // A place merged into another: its old address leads there for good.
      const into = await ctx.storage.places.redirectOf(Number(match[1]));
      if (into !== null) return reply.redirect(localePath(pageLocale, `p/${into}`), 301);
      return notFound(request, reply, pageLocale);
    }
    // The locale-less link (the API's `url`) and a stale or missing slug both lead to the canonical address.
    if (locale === null) return redirectToLocale(request, reply, view.path);
    if (match[2] !== view.slug) {
      return reply.redirect(`${localePath(locale, view.path)}${queryString(request)}`, 301);
    }
    rememberLocale(request, reply, locale);
    const revealed = revealedKinds((request.query as { reveal?: unknown }).reveal);
    const now = ctx.now();
    const events = await listOccurrences(ctx, {
      from: now,
      to: new Date(now.getTime() + 60 * 86_400_000),
      placeId: view.id,
    });
    return sendPage(reply, renderPlace(deps(), locale, view, origin(request), revealed, events.slice(0, 5)));
  };

  const community = {
    ctx,
    assets,
    origin,
    sendPage: (reply: FastifyReply, markup: SafeHtml, status = 200, policy?: string) =>
      sendPage(reply, markup, status, policy),
    secureCookies: Boolean(opts.publicUrl?.startsWith('https:')),
    telegram: opts.telegram ?? null,
    telegramPolicy: TELEGRAM_POLICY,
  };
  await app.register(contributionRoutes, { ...community, antiSpam: opts.antiSpam });
  await app.register(accountRoutes, { ...community, antiSpam: opts.antiSpam });
  await app.register(moderationRoutes, community);
  await app.register(eventFormRoutes, { ...community, antiSpam: opts.antiSpam });

  await app.register(eventPageRoutes, {
    deps,
    origin,
    sendPage: (reply: FastifyReply, markup: SafeHtml, status = 200) => sendPage(reply, markup, status),
    notFound,
  });
  app.get('/events', hidden, async (request, reply) => redirectToLocale(request, reply, 'events'));

  app.get('/', hidden, async (request, reply) => redirectToLocale(request, reply, ''));
  app.get('/p/:idslug', hidden, async (request, reply) => placePage(request, reply, null));
  app.get('/api/docs', hidden, async (request, reply) => redirectToLocale(request, reply, 'api'));
  app.get(`/${OPEN_DATA_PATH}`, hidden, async (request, reply) =>
    redirectToLocale(request, reply, OPEN_DATA_PATH),
  );
  app.get(`/${IMPORT_PATH}`, hidden, async (request, reply) => redirectToLocale(request, reply, IMPORT_PATH));
  app.get(`/${INSIGHTS_PATH}`, hidden, async (request, reply) =>
    redirectToLocale(request, reply, INSIGHTS_PATH),
  );

  const insightsPage = async (request: FastifyRequest, reply: FastifyReply, locale: Locale) => {
    const city = (request.params as { city?: string }).city;
    if (city !== undefined && !ctx.taxonomy.city(city)) return notFound(request, reply, locale);
    const query = request.query as { from?: string; to?: string };
    const data = await loadInsightsPage(ctx, locale, city, { from: query.from, to: query.to });
    rememberLocale(request, reply, locale);
    return sendPage(reply, renderInsights(assets(), ctx, locale, data, origin(request)));
  };

  // The map inside other sites' iframes. It sets no cookie (not even the locale: it would be a third-party
  // cookie), reads none, and is the one page other sites may frame.
  app.get('/embed', hidden, async (request, reply) => {
    const fallback = negotiateLocale(request.headers['accept-language']);
    const { request: embed, problems } = readEmbedQuery(ctx.taxonomy, request.query as Query, fallback);
    reply.header('vary', 'Accept-Language');
    if (problems.length) {
      return sendPage(reply, renderEmbedProblems(deps(), embed.locale, problems), 400, EMBED_POLICY);
    }
    const results = await loadEmbedList(ctx, embed);
    // The site's address is left out: the "Kvartal" link beside the line leads there.
    const attribution = attributionLine(licence, SITE_NAME, null);
    return sendPage(reply, renderEmbed(deps(), embed, results, attribution), 200, EMBED_POLICY);
  });

  for (const locale of LOCALES) {
    app.get(`/${locale}/`, hidden, async (request, reply) => {
      const data = await loadHome(ctx, locale, request.query as Query);
      rememberLocale(request, reply, locale);
      return sendPage(reply, renderHome(deps(), locale, data, origin(request), queryString(request)));
    });
    app.get(`/${locale}/p/:idslug`, hidden, async (request, reply) => placePage(request, reply, locale));
    app.get(`/${locale}/api`, hidden, async (request, reply) => {
      rememberLocale(request, reply, locale);
      return sendPage(reply, renderApiDocs(assets(), locale, origin(request), openApiDocument(app)));
    });
    app.get(`/${locale}/${OPEN_DATA_PATH}`, hidden, async (request, reply) => {
      rememberLocale(request, reply, locale);
      const site = origin(request);
      return sendPage(reply, renderOpenData(assets(), locale, site, licence, site));
    });
    app.get(`/${locale}/${INSIGHTS_PATH}`, hidden, async (request, reply) =>
      insightsPage(request, reply, locale),
    );
    app.get(`/${locale}/${INSIGHTS_PATH}/:city`, hidden, async (request, reply) =>
      insightsPage(request, reply, locale),
    );
    app.get(`/${locale}/${IMPORT_PATH}`, hidden, async (request, reply) => {
      rememberLocale(request, reply, locale);
      return sendPage(reply, renderAdminImport(assets(), ctx.taxonomy, locale, origin(request)));
    });
    app.get(`/${locale}/${BUILDER_PATH}`, hidden, async (request, reply) => {
      rememberLocale(request, reply, locale);
      const state = builderState(ctx.taxonomy, request.query as Query, locale);
      return sendPage(
        reply,
        renderEmbedBuilder(assets(), ctx.taxonomy, locale, origin(request), state, queryString(request)),
      );
    });
  }

  // Any unknown address: a page in the locale its path names (or the visitor's), JSON under /api/.
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/')) {
      return reply.code(404).send({
        statusCode: 404,
        error: 'Not Found',
        message: `${request.method} ${path} is not an API route`,
      });
    }
    const prefix = path.split('/')[1] ?? '';
    return notFound(request, reply, isLocale(prefix) ? prefix : preferredLocale(request));
  });
}

/** The app's own OpenAPI document, when @fastify/swagger is registered on a parent. */
function openApiDocument(app: FastifyInstance): OpenApiDocument | null {
  const swagger = (app as FastifyInstance & { swagger?: () => unknown }).swagger;
  if (typeof swagger !== 'function') return null;
  try {
    return swagger.call(app) as OpenApiDocument;
  } catch {
    return null;
  }
}
