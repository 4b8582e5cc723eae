import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportFileError } from '../../src/imports/record.ts';
import type { PlaceRepository } from '../../src/storage/repositories.ts';
import type { AppContext } from '../../src/usecases/context.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { type ImportProgress, type ImportReport, importPlaces } from '../../src/usecases/import-places.ts';
import { BACKENDS, freshDatabase, type TestDatabase } from '../support/backends.ts';

// Every worker the imports start, to check none outlives its import; `failNextStart` makes the next one
// fail to load, as a worker would without tsx.
const started: Array<{ worker: Worker; exited: boolean }> = [];
let failNextStart = false;
vi.mock('../../src/workers/typescript-worker.ts', async (original) => {
  const real = await original<typeof import('../../src/workers/typescript-worker.ts')>();
  return {
    startTypeScriptWorker: (module: URL, options: object) => {
      const target = failNextStart ? new URL('./no-such-worker.ts', module) : module;
      failNextStart = false;
      const worker = real.startTypeScriptWorker(target, options);
      const entry = { worker, exited: false };
      worker.on('exit', () => {
        entry.exited = true;
      });
      started.push(entry);
      return worker;
    },
  };
});

const PLACES = 1_740; // four batches of 500 and a part

/** Cafés spread over central Belgrade, each with its own name and id, in a known order. */
function features(count: number): Array<{ id: string; name: string; lon: number; lat: number }> {
  return Array.from({ length: count }, (_, i) => ({
    id: `node/${1000 + ((i * 7919) % 100_000)}`,
    name: `Кафе номер ${i + 1}`,
    lon: 20.4 + (i % 60) * 0.0015,
    lat: 44.78 + Math.floor(i / 60) * 0.0015,
  }));
}

function geojson(count: number): Uint8Array {
  const collection = {
    type: 'FeatureCollection',
    features: features(count).map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
      properties: { name: f.name, amenity: 'cafe' },
    })),
  };
  return new TextEncoder().encode(JSON.stringify(collection));
}

/** A KML export cut off in the middle of a placemark after `complete` whole ones. */
function truncatedKml(complete: number): Uint8Array {
  const placemarks = features(complete + 1).map(
    (f) =>
      `<Placemark><name>${f.name}</name><Point><coordinates>${f.lon},${f.lat}</coordinates></Point></Placemark>`,
  );
  const text = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}`;
  return new TextEncoder().encode(text.slice(0, text.lastIndexOf('<Point>')));
}

describe.each(BACKENDS)('mapping an import in a worker thread on %s', (backend) => {
  let database: TestDatabase;
  let ctx: AppContext;

  const storedSourceIds = async (): Promise<string[]> => {
    const places = await ctx.storage.places.list({ demo: false, limit: 10_000 });
    return places.sort((a, b) => a.id - b.id).map((p) => p.provenance.sourceId ?? '');
  };
  const withoutTime = ({ seconds: _s, ...report }: ImportReport) => report;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    ctx = await createContext(database.storage);
  });
  afterAll(() => database.drop());
  beforeEach(async () => {
    const places = await ctx.storage.places.list({ demo: false, limit: 10_000 });
    if (places.length) {
      await ctx.storage.places.transaction(async (repo) => {
        for (const place of places) await repo.update(place.id, { ...place, isDemo: true });
      });
      await ctx.storage.places.deleteDemo();
    }
    started.length = 0;
  });

  it("writes the places in the file's order, with the report and progress of mapping in process", async () => {
    const bytes = geojson(PLACES);
    const inProcess = await importPlaces(ctx, {
      fileName: 'cafes.geojson',
      bytes,
      dryRun: true,
      worker: false,
    });
    const progress: ImportProgress[] = [];
    const report = await importPlaces(ctx, {
      fileName: 'cafes.geojson',
      bytes,
      worker: true,
      onProgress: (p) => progress.push(p),
    });
    expect(started).toHaveLength(1);
    expect(report.counts).toMatchObject({ records: PLACES, new: PLACES, invalid: 0, duplicate: 0 });
    expect(withoutTime(report)).toEqual({ ...withoutTime(inProcess), dryRun: false, written: true });
    expect(await storedSourceIds()).toEqual(features(PLACES).map((f) => f.id));
    expect(progress.map((p) => p.records)).toEqual([500, 1000, 1500, PLACES]);
    expect(started.every((s) => s.exited)).toBe(true);
  });

  it('rolls the whole file back when the worker finds it broken after some batches were written', async () => {
    const bytes = truncatedKml(1_200);
    const failure = importPlaces(ctx, {
      fileName: 'cut.kml',
      bytes,
      worker: true,
      defaultCategory: 'cafe',
    });
    await expect(failure).rejects.toThrow(ImportFileError);
    await expect(failure).rejects.toThrow(/^(?!.*mapping worker)/);
    expect(await storedSourceIds()).toEqual([]);
    expect(started.every((s) => s.exited)).toBe(true);
  });

  it('stops the worker and writes nothing when writing a batch fails', async () => {
    let inserts = 0;
    const failing: AppContext = {
      ...ctx,
      storage: {
        ...ctx.storage,
        places: Object.assign(Object.create(ctx.storage.places), {
          transaction: <T>(work: (places: PlaceRepository) => Promise<T>) =>
            ctx.storage.places.transaction((places) =>
              work(
                Object.assign(Object.create(places), {
                  insertMany: (...args: Parameters<PlaceRepository['insertMany']>) => {
                    if (++inserts === 2) throw new Error('disk full');
                    return places.insertMany(...args);
                  },
                }),
              ),
            ),
        }),
      },
    };
    await expect(
      // Ten batches: more than the worker may map ahead, so only stopping it ends it.
      importPlaces(failing, { fileName: 'cafes.geojson', bytes: geojson(5_000), worker: true }),
    ).rejects.toThrow('disk full');
    expect(await storedSourceIds()).toEqual([]);
    await vi.waitFor(() => expect(started.every((s) => s.exited)).toBe(true));
  });

  it('maps in process when the worker cannot start, with the same result', async () => {
    failNextStart = true;
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const report = await importPlaces(ctx, { fileName: 'cafes.geojson', bytes: geojson(600), worker: true });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('mapping worker could not start'),
      expect.anything(),
    );
    warn.mockRestore();
    expect(started).toHaveLength(1);
    expect(report.counts).toMatchObject({ records: 600, new: 600 });
    expect(await storedSourceIds()).toEqual(features(600).map((f) => f.id));
  });
});
