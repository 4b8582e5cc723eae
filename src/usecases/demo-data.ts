import { demoEvents } from '../demo/events.ts';
import { DEMO_PLACE_COUNT, generateDemoPlaces } from '../demo/generate.ts';
import type { PlaceData } from '../domain/places/place.ts';
import type { Storage } from '../storage/repositories.ts';

const BATCH = 5_000;

/** Loads the generated demo community (or any count of it, for benchmarks). Returns how many were written. */
export async function loadDemo(
  storage: Storage,
  count = DEMO_PLACE_COUNT,
  onProgress?: (done: number, total: number) => void,
  /** The demo events are placed around this moment (the app's clock). */
  now: Date = new Date(),
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
  for (const event of demoEvents(now)) await storage.events.insert(event);
  await storage.meta.set(DEMO_LOADED, 1);
  return done;
}

const DEMO_LOADED = 'demo_loaded';

export async function clearDemo(storage: Storage): Promise<number> {
  await storage.events.deleteDemo();
  return storage.places.deleteDemo();
}

/**
 * The first start of a new instance loads the demo: the database has no places and never had the demo.
 * After `demo --clear` the instance stays empty on restart.
 */
export async function isNewInstance(storage: Storage): Promise<boolean> {
  return (await storage.meta.get(DEMO_LOADED)) === null && (await storage.places.count({})) === 0;
}
