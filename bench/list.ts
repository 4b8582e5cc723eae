import { listPlaces } from '../src/usecases/list-places.ts';
import type { Target } from './lib/datasets.ts';
import { mulberry32, pickFrom } from './lib/prng.ts';
import { type Summary, timeCalls } from './lib/stats.ts';
import { CITIES } from './lib/viewports.ts';

/**
 * `listPlaces` with a random category (a group or a leaf) + a city + open now, 50 a page: the list beside the
 * map with the usual filters on.
 */
export async function benchList(target: Target): Promise<Summary & { rows: number }> {
  const random = mulberry32(23);
  const categories = target.ctx.taxonomy.categories.map((c) => c.slug);
  let rows = 0;
  let calls = 0;
  const summary = await timeCalls(async () => {
    const result = await listPlaces(target.ctx, {
      categories: [pickFrom(random, categories)],
      city: pickFrom(random, CITIES),
      openNow: true,
      locale: 'ru',
      limit: 50,
    });
    rows += result.items.length;
    calls++;
  });
  return { ...summary, rows: rows / calls };
}
