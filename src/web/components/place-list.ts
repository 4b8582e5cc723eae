import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import { type HoursState, hoursStatusLine } from './hours.ts';

/**
 * What a list entry needs. The server builds it from a PlaceView, the browser from an API feature, and both
 * render it with the functions below, so the list looks the same whichever side drew it.
 */
export interface PlaceCard extends HoursState {
  id: number;
  name: string;
  href: string;
  category: string;
  categoryName: string;
  neighbourhoodName: string | null;
  cityName: string;
  languages: string[];
  localsWelcome: boolean;
  lon: number;
  lat: number;
}

export interface ResultsPage {
  items: PlaceCard[];
  /** The next page's link (a plain GET link; the browser script turns it into "show more"). */
  nextHref: string | null;
  /** Shown on later pages of the no-JavaScript list. */
  firstHref: string | null;
  /** True when the list follows the map's viewport. */
  inArea: boolean;
  /** The browser script appends the next page in place ("show more") instead of opening it. */
  appends?: boolean;
  /** Place links open the full site in a new tab (the embedded map). */
  newTab?: boolean;
}

export function categoryBadge(slug: string, name: string): SafeHtml {
  return html`<span class="cat cat--${slug}">${name}</span>`;
}

/** The languages a place serves in as code badges, and "locals welcome" when it says so: the bridge line. */
export function languageBadges(
  tr: Translator,
  codes: readonly string[],
  options: { label?: string; localsWelcome?: boolean } = {},
): SafeHtml {
  if (!codes.length && !options.localsWelcome) return html``;
  const names = codes.map((code) => tr.languageName(code)).join(', ');
  return html`<p class="langs">${codes.length ? html`<span class="visually-hidden">${options.label ?? tr.m.list.languages} ${names}</span>` : ''}${codes.map(
    (code) =>
      html`<span class="lang" aria-hidden="true" title="${tr.languageName(code)}">${code.toUpperCase()}</span>`,
  )}${options.localsWelcome ? html`<span class="welcome">${tr.m.place.localsWelcome}</span>` : ''}</p>`;
}

/** A link that leaves the embedded map for the full site, saying so to screen readers. */
export function newTabLink(tr: Translator, href: string, text: string, className = ''): SafeHtml {
  return html`<a${className ? html` class="${className}"` : ''} href="${href}" target="_blank" rel="noopener">${text}<span class="visually-hidden"> (${tr.m.embed.newTab})</span></a>`;
}

export function placeCard(tr: Translator, place: PlaceCard, newTab = false): SafeHtml {
  const where = [place.neighbourhoodName, place.cityName].filter(Boolean).join(', ');
  return html`<li class="card" data-id="${place.id}" data-lon="${place.lon}" data-lat="${place.lat}">
    <h3 class="card__name">${newTab ? newTabLink(tr, place.href, place.name) : html`<a href="${place.href}">${place.name}</a>`}</h3>
    <p class="card__meta">${categoryBadge(place.category, place.categoryName)}<span class="card__where">${where}</span></p>
    ${hoursStatusLine(tr, place)}
    ${languageBadges(tr, place.languages, { localsWelcome: place.localsWelcome })}
  </li>`;
}

export function placeCards(tr: Translator, items: readonly PlaceCard[], newTab = false): SafeHtml {
  return html`${items.map((item) => placeCard(tr, item, newTab))}`;
}

/**
 * The one-line summary above the list ("12 places in this part of the map", "50+ places" when there are more
 * pages); also read out by screen readers.
 */
export function resultsStatus(
  tr: Translator,
  page: Pick<ResultsPage, 'items' | 'nextHref' | 'inArea'>,
  shown = page.items.length,
): string {
  if (!shown) return tr.m.list.empty;
  const forms = page.inArea ? tr.m.list.shownInArea : tr.m.list.shown;
  return tr.plural(forms, shown, page.nextHref ? { count: `${shown}+` } : {});
}

export function resultsBody(tr: Translator, page: ResultsPage): SafeHtml {
  if (!page.items.length) {
    return html`<p class="empty">${tr.m.list.emptyHint}</p>`;
  }
  return html`<ol class="cards" id="cards">${placeCards(tr, page.items, page.newTab)}</ol>
    ${pager(tr, page)}`;
}

export function pager(
  tr: Translator,
  page: Pick<ResultsPage, 'nextHref' | 'firstHref' | 'appends'>,
): SafeHtml {
  if (!page.nextHref && !page.firstHref) return html``;
  const nextLabel = page.appends ? tr.m.list.showMore : tr.m.list.nextPage;
  return html`<nav class="pager" aria-label="${tr.m.list.heading}">
    ${page.firstHref ? html`<a href="${page.firstHref}">${tr.m.list.firstPage}</a>` : ''}
    ${page.nextHref ? html`<a class="pager__next" rel="next" href="${page.nextHref}">${nextLabel}</a>` : ''}
  </nav>`;
}

/** The list as a page section, with the ids the browser script redraws; `facets` only on the home page. */
export function resultsSection(tr: Translator, page: ResultsPage, facets: SafeHtml | null = null): SafeHtml {
  return html`<section class="results" aria-labelledby="results-heading">
      <h2 id="results-heading" class="visually-hidden">${tr.m.list.heading}</h2>
      <p class="results__status" id="results-status" role="status">${resultsStatus(tr, page)}</p>
      ${facets ? html`<div id="results-facets">${facets}</div>` : ''}
      <div id="results-body">${resultsBody(tr, page)}</div>
    </section>`;
}
