import { type Filters, filterParams } from '../filters-url.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';

/** One category of a text search's results, as a link that narrows the search to it. */
export interface FacetLink {
  slug: string;
  name: string;
  count: number;
  href: string;
}

/** Enough to scan at a glance; the category select has them all. */
export const MAX_FACETS = 6;

/**
 * The categories among a text search's results, most frequent first. None when there is no text query, when
 * the list is already narrowed to a category, or when all results are of one category (nothing to choose).
 */
export function facetLinks(
  counts: Readonly<Record<string, number>> | undefined,
  filters: Filters,
  locale: string,
  categoryName: (slug: string) => string,
): FacetLink[] {
  if (!counts || !filters.q || filters.category) return [];
  const named = Object.entries(counts)
    .filter(([slug, count]) => count > 0 && categoryName(slug))
    .map(([slug, count]) => ({ slug, count, name: categoryName(slug) }));
  if (named.length < 2) return [];
  return named
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale))
    .slice(0, MAX_FACETS)
    .map((facet) => ({
      ...facet,
      href: `/${locale}/?${filterParams({ ...filters, category: facet.slug })}`,
    }));
}

/** "Café 12 · Bakery 4" above the list: plain links, so they work without JavaScript too. */
export function categoryFacets(tr: Translator, links: readonly FacetLink[]): SafeHtml {
  if (!links.length) return html``;
  return html`<nav class="facets" aria-label="${tr.m.list.facets}"><ul class="facets__list">${links.map(
    (link) =>
      html`<li><a class="facets__link" href="${link.href}" data-category="${link.slug}">${link.name} <span class="facets__count">${link.count}</span></a></li>`,
  )}</ul></nav>`;
}
