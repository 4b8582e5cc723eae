import { type Locale, pickText } from '../domain/locales.ts';
import type { Place } from '../domain/places/place.ts';
import { presentPlace } from '../usecases/present-place.ts';
import type { Taxonomy } from '../usecases/taxonomy.ts';
import { richTextToPlain } from '../web/components/rich-text.ts';
import { localePath } from '../web/locale.ts';
import { type AtomEntry, tagUri } from './atom.ts';

/** Where a feed's links point and in which language its texts are. */
export interface FeedSite {
  /** Scheme and host (and port) for absolute links. */
  origin: string;
  /** The host alone, for tag URIs: a port is not part of a tag URI's authority (RFC 4151). */
  host: string;
  locale: Locale;
}

export function feedSite(origin: string, locale: Locale): FeedSite {
  return { origin, host: new URL(origin).hostname, locale };
}

/**
 * A place as a feed entry. Places read from storage already carry their public view, so a home-based
 * place has only its approximate position and no address here; the summary names no address anyway.
 */
export function placeEntry(place: Place, site: FeedSite, taxonomy: Taxonomy, now: Date): AtomEntry {
  const view = presentPlace(place, site.locale, taxonomy, now);
  const where = [view.neighbourhoodName, view.cityName].filter(Boolean).join(', ');
  const description = richTextToPlain(view.description).trim();
  const extra = place.extraCategories.map((slug) => {
    const category = taxonomy.category(slug);
    return category ? { term: slug, label: pickText(category.names, site.locale) } : { term: slug };
  });
  return {
    id: tagUri(site.host, `place:${place.id}`),
    title: view.name,
    link: `${site.origin}${localePath(site.locale, view.path)}`,
    updated: place.updatedAt,
    published: place.createdAt,
    summary: [`${view.categoryName} · ${where}`, description].filter(Boolean).join('\n\n'),
    categories: [{ term: view.category, label: view.categoryName }, ...extra],
  };
}
