import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoPlaces } from '../src/demo/generate.ts';
import type { Place } from '../src/domain/places/place.ts';
import { type ExportFormat, exportPlaces } from '../src/exports/export-places.ts';
import { openStorage } from '../src/storage/open-storage.ts';
import type { Storage } from '../src/storage/repositories.ts';
import { createContext } from '../src/usecases/create-context.ts';
import { importPlaces } from '../src/usecases/import-places.ts';
import type { BackendName } from './lib/datasets.ts';
import { createDatabase } from './lib/postgres-server.ts';
import { progress } from './lib/table.ts';

export interface ImportLine {
  backend: BackendName;
  format: ExportFormat;
  places: number;
  duplicates: number;
  megabytes: number;
  seconds: number;
  placesPerSecond: number;
}

const FORMATS: ExportFormat[] = ['geojson', 'csv', 'kml'];

/**
 * `kvartal import` of `size` generated places, each format into a fresh database: the files are Kvartal's
 * own exports of the demo generator's places (realistic names, descriptions, hours, contacts), so every
 * record is valid and new and the time is the whole pipeline — read, validate, match, index, write.
 */
export async function benchImport(
  backend: BackendName,
  postgresUrl: string | null,
  size: number,
): Promise<ImportLine[]> {
  const files = await sourceFiles(size);
  const lines: ImportLine[] = [];
  for (const format of FORMATS) {
    const bytes = files.get(format) as Uint8Array;
    const target = await freshTarget(backend, postgresUrl);
    try {
      const ctx = await createContext(target.storage);
      progress(`${backend}: importing ${size.toLocaleString('en-US')} places from ${format}`);
      const started = process.hrtime.bigint();
      const report = await importPlaces(ctx, {
        fileName: `places.${format}`,
        bytes,
        limits: { maxBytes: 2 ** 30 },
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Every generated place is distinct (see sourceFiles): all must come in as new.
      if (report.counts.new !== size || !report.written)
        throw new Error(`${format}: ${report.counts.new} new of ${size} (${JSON.stringify(report.counts)})`);
      lines.push({
        backend,
        format,
        places: size,
        duplicates: report.counts.duplicate,
        megabytes: bytes.byteLength / 2 ** 20,
        seconds,
        placesPerSecond: size / seconds,
      });
    } finally {
      await target.close();
    }
  }
  return lines;
}

const generated = new Map<number, Map<ExportFormat, Uint8Array>>();

/** The demo generator's places written by the exporters, made once per size and kept for every backend. */
async function sourceFiles(size: number): Promise<Map<ExportFormat, Uint8Array>> {
  const known = generated.get(size);
  if (known) return known;
  progress(`import: writing ${size.toLocaleString('en-US')} places as ${FORMATS.join(', ')}`);
  const storage = openStorage(':memory:');
  try {
    const ctx = await createContext(storage);
    const places: Place[] = [];
    let id = 0;
    for (const data of generateDemoPlaces(size)) {
      id++;
      // The generator reuses names, phones and websites across the city; a real map has each business once,
      // so each place gets its own here, or the importer would rightly merge thousands of them as duplicates.
      const names = Object.fromEntries(
        Object.entries(data.names).map(([locale, name]) => [locale, `${name} ${id}`]),
      );
      places.push({
        ...data,
        names,
        contacts: {
          ...data.contacts,
          phone: `+381 6${id % 10} ${String(id).padStart(7, '0')}`,
          ...(data.contacts.website ? { website: `https://place-${id}.rs.example` } : {}),
        },
        isDemo: false,
        version: 1,
        id,
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
      });
    }
    // The exporters read through the repository; a stand-in that pages over the array keeps memory and time down.
    const fakeCtx = { ...ctx, storage: pagedOver(storage, places) };
    const files = new Map<ExportFormat, Uint8Array>();
    for (const format of FORMATS) {
      const chunks: string[] = [];
      for await (const chunk of exportPlaces(fakeCtx, format, { siteUrl: null, licence: 'ODbL-1.0' }))
        chunks.push(chunk);
      files.set(format, new TextEncoder().encode(chunks.join('')));
    }
    generated.set(size, files);
    return files;
  } finally {
    await storage.close();
  }
}

function pagedOver(storage: Storage, places: Place[]): Storage {
  const places_ = {
    ...storage.places,
    count: async () => places.length,
    list: async (query: { categories?: string[]; after?: { id: number }; limit: number }) => {
      const after = query.after?.id ?? 0;
      const out: Place[] = [];
      for (let i = after; i < places.length && out.length < query.limit; i++) {
        const place = places[i] as Place;
        if (!query.categories || query.categories.includes(place.category)) out.push(place);
      }
      return out;
    },
  };
  return { ...storage, places: places_ as unknown as Storage['places'] };
}

async function freshTarget(
  backend: BackendName,
  postgresUrl: string | null,
): Promise<{ storage: Storage; close(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'kvartal-bench-import-'));
    const storage = openStorage(join(dir, 'kvartal.db'));
    return {
      storage,
      close: async () => {
        await storage.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('no PostgreSQL server');
  const database = await createDatabase(postgresUrl, 'kvartal_bench_import');
  const storage = openStorage(database.url);
  return {
    storage,
    close: async () => {
      await storage.close();
      await database.drop();
    },
  };
}
