import { InputError } from '../domain/errors.ts';
import type { BBox } from '../domain/geo.ts';
import { isSpokenLanguage, languageMask } from '../domain/languages.ts';
import type { PlaceFilter } from '../storage/repositories.ts';
import type { AppContext } from './context.ts';

/** The filters every place query shares: the list, the search, the map clusters. */
export interface FilterRequest {
  bbox?: BBox;
  categories?: string[];
  city?: string;
  neighbourhood?: string;
  languages?: string[];
  openNow?: boolean;
  localsWelcome?: boolean;
}

/** Turns the request's filters into a storage filter, rejecting unknown slugs by name. Only active places. */
export async function buildFilter(ctx: AppContext, request: FilterRequest): Promise<PlaceFilter> {
  const filter: PlaceFilter = { statuses: ['active'] };
  if (request.bbox) filter.bbox = request.bbox;
  if (request.categories?.length) {
    const expanded = new Set<string>();
    for (const slug of request.categories) {
      const slugs = ctx.taxonomy.expandCategory(slug);
      if (!slugs) throw new InputError('category', `unknown category "${slug}"; see /api/v1/categories`);
      for (const s of slugs) expanded.add(s);
    }
    filter.categories = [...expanded];
  }
  if (request.city) {
    if (!ctx.taxonomy.city(request.city)) {
      throw new InputError('city', `unknown city "${request.city}"; see /api/v1/cities`);
    }
    filter.city = request.city;
  }
  if (request.neighbourhood) {
    const n = ctx.taxonomy.neighbourhood(request.neighbourhood);
    if (!n) {
      throw new InputError(
        'neighbourhood',
        `unknown neighbourhood "${request.neighbourhood}"; see /api/v1/cities`,
      );
    }
    if (request.city && n.city !== request.city) {
      throw new InputError('neighbourhood', `"${request.neighbourhood}" is not in ${request.city}`);
    }
    filter.neighbourhood = request.neighbourhood;
  }
  if (request.languages?.length) {
    const unknown = request.languages.find((code) => !isSpokenLanguage(code));
    if (unknown !== undefined) throw new InputError('languages', `unknown language code "${unknown}"`);
    filter.languageMask = languageMask(request.languages);
  }
  if (request.localsWelcome) filter.localsWelcome = true;
  if (request.openNow) filter.hoursIds = await ctx.openNow.openHoursIds(ctx.now());
  return filter;
}
