import { availableParallelism } from 'node:os';
import { InputError } from '../domain/errors.ts';
import { detectFormat, type ImportFormat } from '../imports/formats/detect-format.ts';
import type { CsvOptions } from '../imports/readers.ts';
import { DEFAULT_READ_LIMITS, ImportFileError, type ReadLimits } from '../imports/record.ts';
import { SKIP_CATEGORY } from '../imports/record-to-place.ts';
import type { AppContext } from './context.ts';
import { ImportRun } from './imports/import-run.ts';
import type { MappingSetup, MappingTally } from './imports/map-records.ts';
import { mappedBatches } from './imports/mapped-batches.ts';

export interface ImportRequest {
  /** The file's name as the operator gave it: decides the format with its content, and the provenance. */
  fileName: string;
  bytes: Uint8Array;
  format?: ImportFormat;
  /** Report what would happen and write nothing. */
  dryRun?: boolean;
  /** Import the valid records even when some are invalid (otherwise one invalid record stops the file). */
  partial?: boolean;
  /** Layer name, category text or OSM `key=value` → category slug (or `skip`). */
  categoryMap?: Record<string, string>;
  /** The category for records no rule places. */
  defaultCategory?: string;
  /**
   * What the places are recorded as coming from (`import:<source>`); default the file's name. Two different
   * files with the same name need their own sources, or their ids would refer to each other's places.
   */
  source?: string;
  /** The account that runs the import (its versions are attributed to it); none for the operator's CLI. */
  importedBy?: number | null;
  /** What to do with a likely duplicate of a place from elsewhere: fill its blanks (default) or leave it. */
  duplicates?: 'merge' | 'skip';
  limits?: Partial<ReadLimits>;
  csv?: CsvOptions;
  /**
   * Read and map the records in a worker thread while this one writes (two cores, one for each). By default
   * for files of 1 MB and more on a machine with more than one core; smaller ones are done before a worker
   * would have started.
   */
  worker?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  records: number;
  /** How many records the file holds, counted cheaply before reading, when the format allows it. */
  expected?: number;
  /** Records per second so far. */
  rate: number;
}

export interface ImportCounts {
  records: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  invalid: number;
  /** Lines, polygons and other geometry Kvartal does not import. */
  skipped: number;
  /** Left out by the category map (`skip`). */
  excluded: number;
}

export interface ImportReport {
  file: string;
  format: ImportFormat;
  dryRun: boolean;
  /** Whether anything was written: false for a dry run and for a file refused for invalid records. */
  written: boolean;
  counts: ImportCounts;
  skipped: MappingTally['skippedKinds'];
  /** Each layer (My Maps folder) with its record count and the categories its valid places were given. */
  layers: MappingTally['layers'];
  invalid: Array<{ position: string; reason: string }>;
  duplicates: Array<{ position: string; placeId: number | null; reason: string; merged: boolean }>;
  warnings: MappingTally['warnings'];
  seconds: number;
}

class Rollback extends Error {}

// Smaller files are mapped in this thread: starting a worker (and tsx in it) takes longer than they need.
// With one core the worker would only add its start and the copying of every batch.
const WORKER_MIN_BYTES = 1024 * 1024;

/**
 * Imports one file as one transaction: every record is read, validated, matched against what is already
 * there (by the source's id, then as a likely duplicate), and written — or, for a dry run or a file with
 * invalid records (unless `partial`), everything is rolled back and the report says what would have been.
 * Running the real code and rolling back makes a dry run's counts exactly the real run's.
 */
export async function importPlaces(ctx: AppContext, request: ImportRequest): Promise<ImportReport> {
  const started = Date.now();
  const limits = { ...DEFAULT_READ_LIMITS, ...request.limits };
  if (request.bytes.byteLength > limits.maxBytes) {
    throw new ImportFileError(
      'file',
      `is ${megabytes(request.bytes.byteLength)} MB; the limit is ${megabytes(limits.maxBytes)} MB`,
    );
  }
  if (request.bytes.byteLength === 0) throw new ImportFileError('file', 'is empty');
  const format = detectFormat(request.fileName, request.bytes.subarray(0, 4096), request.format);
  const setup = mappingSetup(ctx, request, format, limits);
  const run = new ImportRun(request, setup.source);

  let tally: MappingTally | undefined;
  const batches = mappedBatches(
    setup,
    request.bytes,
    (complete) => {
      tally = complete;
    },
    request.worker ?? (request.bytes.byteLength >= WORKER_MIN_BYTES && availableParallelism() > 1),
  );
  const expected = expectedRecords(format, request.bytes);
  let written = false;
  try {
    await ctx.storage.places.transaction(async (places) => {
      // Each batch is mapped while the one before is written: in the worker thread, or here while PostgreSQL
      // works on its own core. Writes stay one after another, so each batch sees every place the earlier
      // ones wrote.
      let writing: Promise<void> | undefined;
      try {
        for await (const batch of batches) {
          await writing;
          writing = run.write(batch, places);
          // Awaited before the next write or after the last; a failure must not count as unhandled meanwhile.
          writing.catch(() => {});
          // better-sqlite3 is synchronous: without a turn of the event loop between batches, a server could
          // not send the progress lines until the whole file is done. (Other requests that need the database
          // still wait on SQLite, whose one connection the import's transaction holds: see the README.)
          await new Promise((resolve) => setImmediate(resolve));
          const seconds = Math.max(0.001, (Date.now() - started) / 1000);
          request.onProgress?.({
            records: batch.records,
            rate: Math.round(batch.records / seconds),
            ...(expected !== undefined ? { expected } : {}),
          });
        }
        await writing;
      } finally {
        // Whatever failed, no write may still be running on the connection when the transaction ends, and
        // no worker may go on reading the file.
        await writing?.catch(() => {});
        await batches.return(undefined);
      }
      if (request.dryRun) throw new Rollback();
      if (run.counts.invalid > 0 && !request.partial) throw new Rollback();
    });
    written = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const mapping = tally as MappingTally;
  return {
    file: request.fileName,
    format,
    dryRun: Boolean(request.dryRun),
    written,
    counts: { records: mapping.records, ...run.counts, skipped: mapping.skipped, excluded: mapping.excluded },
    skipped: mapping.skippedKinds,
    layers: mapping.layers,
    invalid: run.invalid,
    duplicates: run.duplicates,
    warnings: mapping.warnings,
    seconds: (Date.now() - started) / 1000,
  };
}

function mappingSetup(
  ctx: AppContext,
  request: ImportRequest,
  format: ImportFormat,
  limits: ReadLimits,
): MappingSetup {
  const categoryMap = new Map<string, string>();
  for (const [key, slug] of Object.entries(request.categoryMap ?? {})) {
    if (slug !== SKIP_CATEGORY && !ctx.taxonomy.category(slug)?.parent)
      throw new InputError(`category map "${key}"`, `"${slug}" is not a category (see /api/v1/categories)`);
    categoryMap.set(key.trim(), slug);
    categoryMap.set(key.trim().toLowerCase(), slug);
  }
  const fallback = request.defaultCategory;
  if (fallback && !ctx.taxonomy.category(fallback)?.parent)
    throw new InputError('default category', `"${fallback}" is not a category (see /api/v1/categories)`);
  return {
    format,
    csv: request.csv ?? {},
    limits,
    categories: ctx.taxonomy.categories,
    cities: ctx.taxonomy.cities,
    categoryMap,
    ...(fallback ? { defaultCategory: fallback } : {}),
    source: `import:${request.source?.trim() || baseName(request.fileName)}`,
  };
}

/**
 * Records in a file by counting a marker in its bytes — `<Placemark`, `"Feature"` (once more for the
 * collection), line ends — so a progress bar has a total. Formats without a reliable marker have none.
 */
function expectedRecords(format: ImportFormat, bytes: Uint8Array): number | undefined {
  const marker = { kml: '<Placemark', geojson: '"Feature"', csv: '\n' }[format as string];
  if (!marker) return undefined;
  const needle = Buffer.from(marker);
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  // A CSV's header is a line; its last line may lack a line end.
  return format === 'csv' ? Math.max(1, count) : count;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
