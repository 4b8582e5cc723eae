import { InputError } from '../../domain/errors.ts';
import type { BBox } from '../../domain/geo.ts';
import { isLocale, type Locale, pickText } from '../../domain/locales.ts';
import { parseBBox } from '../../http/params.ts';
import type { AppContext } from '../../usecases/context.ts';
import { type ListPlacesRequest, listPlaces } from '../../usecases/list-places.ts';
import type { Taxonomy } from '../../usecases/taxonomy.ts';
import { newTabLink, type ResultsPage, resultsSection } from '../components/place-list.ts';
import { type EmbedChoice, embedParams, embedTitle } from '../embed-url.ts';
import { filterParams, NO_FILTERS } from '../filters-url.ts';
import { html, htmlFormat, jsonScript, type SafeHtml } from '../html.ts';
import { type Translator, t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { cardFromView, mapPanel, PAGE_SIZE, type Query, startBounds, type WebDeps } from './home.ts';
import { noScriptStyles, shell } from './layout.ts';

export type EmbedParameter = 'category' | 'city' | 'bbox' | 'locale';

/** A parameter the embedded map cannot use, named on the 400 page. */
export interface EmbedProblem {
  parameter: EmbedParameter;
  value: string;
}

export interface EmbedRequest {
  locale: Locale;
  choice: EmbedChoice;
  bbox: BBox | undefined;
  cursor: string;
}

/** An example area for the bbox hint and the error page: central Belgrade. */
export const BBOX_EXAMPLE = '20.40,44.78,20.52,44.84';

function first(value: Query[string]): string {
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
}

/**
 * The embed's parameters, checked strictly: another site wrote this address once and shows it to every
 * visitor, so a typo must say what is wrong instead of silently showing something else. The locale of the
 * answer is the requested one when it is valid, else `fallback`.
 */
export function readEmbedQuery(
  taxonomy: Taxonomy,
  query: Query,
  fallback: Locale,
): { request: EmbedRequest; problems: EmbedProblem[] } {
  const problems: EmbedProblem[] = [];
  const value = (parameter: EmbedParameter) => first(query[parameter]);
  const localeValue = value('locale');
  if (localeValue && !isLocale(localeValue)) problems.push({ parameter: 'locale', value: localeValue });
  const locale = localeValue && isLocale(localeValue) ? localeValue : fallback;
  const category = value('category');
  if (category && !taxonomy.category(category)) problems.push({ parameter: 'category', value: category });
  const city = value('city');
  if (city && !taxonomy.city(city)) problems.push({ parameter: 'city', value: city });
  let bbox: BBox | undefined;
  try {
    bbox = parseBBox(value('bbox'));
  } catch {
    problems.push({ parameter: 'bbox', value: value('bbox') });
  }
  return {
    request: {
      locale,
      choice: { category, city, locale, bbox: value('bbox') },
      bbox,
      cursor: first(query.cursor),
    },
    problems,
  };
}

/** The first page of the list (or the page a no-JavaScript visitor moved to): the same query the home page makes. */
export async function loadEmbedList(ctx: AppContext, request: EmbedRequest): Promise<ResultsPage> {
  const { choice, bbox } = request;
  const base: ListPlacesRequest = {
    locale: request.locale,
    limit: PAGE_SIZE,
    ...(choice.category ? { categories: [choice.category] } : {}),
    ...(choice.city ? { city: choice.city } : {}),
    ...(bbox ? { bbox } : {}),
  };
  let cursor = request.cursor;
  let result: Awaited<ReturnType<typeof listPlaces>>;
  try {
    result = await listPlaces(ctx, { ...base, ...(cursor ? { cursor } : {}) });
  } catch (error) {
    // A stale cursor starts the list again; every other parameter was checked before.
    if (!(error instanceof InputError) || error.field !== 'cursor') throw error;
    cursor = '';
    result = await listPlaces(ctx, base);
  }
  const href = (next: string) => {
    const params = embedParams(choice);
    if (next) params.set('cursor', next);
    return `/embed?${params}`;
  };
  return {
    items: result.items.map((item) => cardFromView(item, request.locale)),
    nextHref: result.nextCursor ? href(result.nextCursor) : null,
    firstHref: cursor ? href('') : null,
    inArea: Boolean(bbox),
    newTab: true,
  };
}

/** The frame's title in the embedded map's language; the builder writes the same into its snippet. */
export function frameTitle(taxonomy: Taxonomy, choice: EmbedChoice): string {
  const category = choice.category ? taxonomy.category(choice.category) : undefined;
  const city = choice.city ? taxonomy.city(choice.city) : undefined;
  return embedTitle(
    t(choice.locale).m.embed,
    category ? pickText(category.names, choice.locale) : '',
    city ? pickText(city.names, choice.locale) : '',
  );
}

/** "Kvartal" and the licence line, both leaving for the full site in a new tab. */
function credit(tr: Translator, choice: EmbedChoice, attribution: string): SafeHtml {
  const filters = filterParams({ ...NO_FILTERS, category: choice.category, city: choice.city });
  const home = `${localePath(tr.locale)}${filters.size ? `?${filters}` : ''}`;
  return html`<footer class="embed__credit">
  ${newTabLink(tr, home, 'Kvartal', 'embed__brand')}
  <span class="embed__licence" lang="en">${newTabLink(tr, localePath(tr.locale, 'open-data'), attribution)}</span>
</footer>`;
}

/**
 * The map and list for an iframe on another site: no header, footer or locale menu, only a credit line.
 * The same markup and browser script as the home page; `data-embed` tells the script the filters are fixed.
 */
export function renderEmbed(
  deps: WebDeps,
  request: EmbedRequest,
  results: ResultsPage,
  attribution: string,
): SafeHtml {
  const { ctx } = deps;
  const { choice } = request;
  const tr = t(request.locale);
  const bounds = request.bbox
    ? [request.bbox.minLon, request.bbox.minLat, request.bbox.maxLon, request.bbox.maxLat].join(',')
    : startBounds(ctx, choice.city);
  const categoryNames = Object.fromEntries(
    ctx.taxonomy.categories.map((c) => [c.slug, pickText(c.names, request.locale)]),
  );
  const title = frameTitle(ctx.taxonomy, choice);
  const fixed = html` data-embed="true" data-category="${choice.category}" data-city="${choice.city}"`;
  return shell({
    tr,
    title,
    body: html`<main id="main" class="embed">
  <h1 class="visually-hidden">${title}</h1>
  ${resultsSection(tr, results)}
  ${mapPanel(tr, deps, bounds, null, fixed)}
</main>
${credit(tr, choice, attribution)}
<script type="application/json" id="category-names">${jsonScript(categoryNames)}</script>`,
    pageClass: 'page-embed',
    assets: deps.assets,
    head: html`${noScriptStyles}<meta name="robots" content="noindex">`,
  });
}

/** The 400 page: each bad parameter by name, and where to make a working code. */
export function renderEmbedProblems(deps: WebDeps, locale: Locale, problems: EmbedProblem[]): SafeHtml {
  const tr = t(locale);
  const e = tr.m.embed;
  const builder = localePath(locale, 'embed');
  return shell({
    tr,
    title: `${e.invalidTitle} · Kvartal`,
    body: html`<main id="main" class="simple-page embed-error">
  <h1>${e.invalidTitle}</h1>
  <p>${e.invalidText}</p>
  <ul class="embed-error__list">${problems.map(
    (p) =>
      html`<li><code>${p.parameter}</code>: ${
        p.parameter === 'bbox'
          ? htmlFormat(e.badBbox, { example: html`<code>${BBOX_EXAMPLE}</code>` })
          : tr.format(e.unknownValue, { value: p.value })
      }</li>`,
  )}</ul>
  <p>${htmlFormat(e.invalidHelp, { link: newTabLink(tr, builder, e.title) })}</p>
</main>`,
    pageClass: 'page-simple page-embed-error',
    assets: { ...deps.assets, script: null },
    head: html`<meta name="robots" content="noindex">`,
  });
}
