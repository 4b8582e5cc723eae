import type { Place } from '../domain/places/place.ts';
import type { PlaceFilter } from '../storage/repositories.ts';
import type { AppContext } from '../usecases/context.ts';

const PAGE = 2_000;

/**
 * What an export may contain: active places only (never pending or closed ones). Demo places only while
 * the instance has no real ones — the demo is invented and must not pass for open data once a community's
 * own data is there. Asked once per export, however many queries the export then makes.
 */
export async function publicFilter(ctx: AppContext): Promise<PlaceFilter> {
  const realOnes = await ctx.storage.places.count({ statuses: ['active'], demo: false });
  return { statuses: ['active'], ...(realOnes > 0 ? { demo: false } : {}) };
}

/** The places a filter (built on `publicFilter`) selects, in id order, page by page: memory stays flat. */
export async function* publicPlaces(ctx: AppContext, base: PlaceFilter): AsyncIterable<Place[]> {
  let after: number | undefined;
  for (;;) {
    const page = await ctx.storage.places.list({
      ...base,
      limit: PAGE,
      ...(after !== undefined ? { after: { id: after } } : {}),
    });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.id;
    if (page.length < PAGE) return;
  }
}
