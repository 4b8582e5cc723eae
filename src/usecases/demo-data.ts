import { DEMO_PLACE_COUNT, generateDemoPlaces } from '../demo/generate.ts';
import type { PlaceData } from '../domain/places/place.ts';
import type { Storage } from '../storage/repositories.ts';

const BATCH = 5_000;

/** Loads the generated demo community (or any count of it, for benchmarks). Returns how many were written. */
export async function loadDemo(
  storage: Storage,
  count = DEMO_PLACE_COUNT,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let batch: PlaceData[] = [];
  let done = 0;
  for (const place of generateDemoPlaces(count)) {
    batch.push(place);
    if (batch.length === BATCH) {
      done += await storage.places.insertMany(batch);
      batch = [];
      onProgress?.(done, count);
    }
  }
  done += await storage.places.insertMany(batch);
  onProgress?.(done, count);
  return done;
}

export async function clearDemo(storage: Storage): Promise<number> {
  return storage.places.deleteDemo();
}

/** True when the database has no places at all: the first start loads the demo then. */
export async function isEmpty(storage: Storage): Promise<boolean> {
  return (await storage.places.count({})) === 0;
}
