import { getPlace } from '../src/usecases/get-place.ts';
import { presentPlace } from '../src/usecases/present-place.ts';
import type { Target } from './lib/datasets.ts';
import { type Summary, timeCalls } from './lib/stats.ts';
import type { Workload } from './lib/workload.ts';

/** `getPlace` + `presentPlace` for random existing ids: GET /api/v1/places/{id} without HTTP. */
export async function benchPlaceById(target: Target, workload: Workload): Promise<Summary> {
  const { ctx } = target;
  return timeCalls(async (i) => {
    const place = await getPlace(ctx, workload.ids[i % workload.ids.length] as number);
    presentPlace(place, 'ru', ctx.taxonomy, ctx.now());
  });
}
