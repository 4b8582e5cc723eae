import type { ChangeNote } from '../domain/contributions/contribution.ts';
import { InputError } from '../domain/errors.ts';
import { distanceMeters } from '../domain/geo.ts';
import { approximatePosition, publicView } from '../domain/places/approximate-position.ts';
import {
  DuplicateIndex,
  duplicateKeys,
  type MatchKeys,
  matchKeys,
  namesOf,
} from '../domain/places/duplicate-keys.ts';
import type { Place, PlaceData } from '../domain/places/place.ts';
import { changedFields, fillBlanks } from '../domain/places/place-changes.ts';
import { detectFormat, type ImportFormat } from '../imports/formats/detect-format.ts';
import { type CsvOptions, keepsUnknownFields, readerFor } from '../imports/readers.ts';
import {
  DEFAULT_READ_LIMITS,
  ImportFileError,
  type ImportRecord,
  type ReadLimits,
} from '../imports/record.ts';
import { type MappingRules, recordToPlace, SKIP_CATEGORY } from '../imports/record-to-place.ts';
import { CategoryIntent } from '../search/category-intent.ts';
import type { PlaceRepository } from '../storage/repositories.ts';
import type { AppContext } from './context.ts';

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
  skipped: { line: number; polygon: number; other: number };
  /** Each layer (My Maps folder) with its record count and the categories its valid places were given. */
  layers: Array<{ name: string; records: number; categories: Record<string, number> }>;
  invalid: Array<{ position: string; reason: string }>;
  duplicates: Array<{ position: string; placeId: number | null; reason: string; merged: boolean }>;
  warnings: Array<{ position: string; message: string }>;
  seconds: number;
}

// Records looked up and written together: one candidate query and a few multi-row INSERTs per batch.
const BATCH = 500;

class Rollback extends Error {}

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
  const rules = mappingRules(ctx, request, format);
  const run = new ImportRun(request, rules);

  const records = readerFor(format, request.csv)(request.bytes, limits);
  const expected = expectedRecords(format, request.bytes);
  let written = false;
  try {
    await ctx.storage.places.transaction(async (places) => {
      // Each batch is read and mapped while the one before is written: PostgreSQL works on its own core
      // meanwhile. Writes stay one after another, so each batch sees every place the earlier ones wrote.
      let writing: Promise<void> | undefined;
      try {
        for await (const batch of batches(records, BATCH)) {
          const mapped = run.map(batch);
          await writing;
          writing = run.write(mapped, places);
          // Awaited before the next write or after the last; a failure must not count as unhandled meanwhile.
          writing.catch(() => {});
          // better-sqlite3 is synchronous: without a turn of the event loop between batches, a server could
          // not send the progress lines until the whole file is done. (Other requests that need the database
          // still wait on SQLite, whose one connection the import's transaction holds: see the README.)
          await new Promise((resolve) => setImmediate(resolve));
          const seconds = Math.max(0.001, (Date.now() - started) / 1000);
          request.onProgress?.({
            records: run.counts.records,
            rate: Math.round(run.counts.records / seconds),
            ...(expected !== undefined ? { expected } : {}),
          });
        }
        await writing;
      } finally {
        // Whatever failed, no write may still be running on the connection when the transaction ends.
        await writing?.catch(() => {});
      }
      if (request.dryRun) throw new Rollback();
      if (run.counts.invalid > 0 && !request.partial) throw new Rollback();
    });
    written = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return {
    file: request.fileName,
    format,
    dryRun: Boolean(request.dryRun),
    written,
    counts: run.counts,
    skipped: run.skipped,
    layers: [...run.layers].map(([name, layer]) => ({ name, ...layer })),
    invalid: run.invalid,
    duplicates: run.duplicates,
    warnings: run.warnings,
    seconds: (Date.now() - started) / 1000,
  };
}

function mappingRules(ctx: AppContext, request: ImportRequest, format: ImportFormat): MappingRules {
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
    taxonomy: ctx.taxonomy,
    intent: new CategoryIntent(ctx.taxonomy.categories),
    categoryMap,
    ...(fallback ? { defaultCategory: fallback } : {}),
    source: `import:${request.source?.trim() || baseName(request.fileName)}`,
    keepUnknownFields: keepsUnknownFields(format),
  };
}

/** A batch validated and keyed, not yet matched against storage. */
interface MappedBatch {
  items: Mapped[];
  /** Records the mapping refused: reported when the batch is written, so the report keeps the file's order. */
  invalid: ImportReport['invalid'];
}

interface Mapped {
  record: ImportRecord;
  data: PlaceData;
  /** The id the source gives the record, or one made from its layer and name: what makes re-imports idempotent. */
  key: string;
  keys: MatchKeys;
}

/** The state of one import as its batches go by. */
class ImportRun {
  readonly counts: ImportCounts = {
    records: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicate: 0,
    invalid: 0,
    skipped: 0,
    excluded: 0,
  };
  readonly skipped = { line: 0, polygon: 0, other: 0 };
  readonly layers = new Map<string, { records: number; categories: Record<string, number> }>();
  readonly invalid: ImportReport['invalid'] = [];
  readonly duplicates: ImportReport['duplicates'] = [];
  readonly warnings: ImportReport['warnings'] = [];
  private readonly keysSeen = new Map<string, number>();
  /** Every place an import writes gets a version in its history, attributed to the import's source. */
  private readonly change: ChangeNote;

  constructor(
    private readonly request: ImportRequest,
    private readonly rules: MappingRules,
  ) {
    this.change = { action: 'import', authorId: request.importedBy ?? null, note: rules.source };
  }

  /** Validates and keys a batch. No storage is involved, so this can run while the batch before is written. */
  map(batch: ImportRecord[]): MappedBatch {
    const invalid: ImportReport['invalid'] = [];
    return { items: batch.flatMap((record) => this.mapRecord(record, invalid)), invalid };
  }

  /** Matches a mapped batch against storage and writes it; batches must be written in the file's order. */
  async write(batch: MappedBatch, places: PlaceRepository): Promise<void> {
    this.invalid.push(...batch.invalid);
    const mapped = batch.items;
    if (mapped.length === 0) return;
    const candidates = await places.duplicateCandidates({
      source: { source: this.rules.source, sourceIds: mapped.map((m) => m.key) },
      nameKeys: [...new Set(mapped.flatMap((m) => [...m.keys.names]))],
      phoneKeys: unique(mapped.map((m) => m.keys.phone)),
      websiteKeys: unique(mapped.map((m) => m.keys.website)),
    });
    const own = new Map<string, number>();
    // Every candidate counts as a possible duplicate, places this file wrote in earlier batches included.
    const existing = new DuplicateIndex<number>();
    for (const c of candidates) {
      if (c.source === this.rules.source && c.sourceId) own.set(c.sourceId, c.id);
      existing.add(c.id, {
        names: new Set(c.nameKey ? [c.nameKey] : []),
        phone: c.phoneKey,
        website: c.websiteKey,
        lon: c.lon,
        lat: c.lat,
      });
    }

    // First decide for every record, then read the places they touch in one query, then write.
    const fresh = new DuplicateIndex<Mapped>();
    const freshItems: Mapped[] = [];
    const decisions: Array<{ item: Mapped; placeId: number; kind: 'refresh' | 'merge'; reason: string }> = [];
    for (const item of mapped) {
      const ownId = own.get(item.key);
      if (ownId !== undefined) {
        decisions.push({ item, placeId: ownId, kind: 'refresh', reason: '' });
        continue;
      }
      const earlier = fresh.find(item.keys);
      if (earlier) {
        this.duplicate(item, null, `${earlier.reason} as ${earlier.entry.record.position}`, false);
        continue;
      }
      const other = existing.find(item.keys);
      if (other) {
        decisions.push({ item, placeId: other.entry, kind: 'merge', reason: other.reason });
        continue;
      }
      fresh.add(item, item.keys);
      freshItems.push(item);
    }
    const current = new Map((await places.getMany(decisions.map((d) => d.placeId))).map((p) => [p.id, p]));
    for (const decision of decisions) {
      const place = current.get(decision.placeId);
      if (!place) continue;
      if (decision.kind === 'refresh' && !plausiblySame(place, decision.item.keys)) {
        const name = place.names[place.originalLocale] ?? '';
        this.reject(
          decision.item.record,
          `its id "${decision.item.key}" already belongs to place #${place.id} "${name}" from ${this.rules.source}, named differently and elsewhere: if this is another file with the same name, import it under its own source`,
        );
        continue;
      }
      const updated =
        decision.kind === 'refresh'
          ? await this.refresh(place, decision.item, places)
          : await this.merge(place, decision.item, decision.reason, places);
      if (updated) current.set(updated.id, updated);
    }
    await places.insertMany(
      freshItems.map((f) => f.data),
      this.change,
    );
    this.counts.new += freshItems.length;
  }

  /** A record as a place, or nothing (counted as skipped, excluded or invalid: into `invalid`). */
  private mapRecord(record: ImportRecord, invalid: ImportReport['invalid']): Mapped[] {
    this.counts.records++;
    this.countLayer(record.layer);
    const { geometry } = record;
    if (geometry.kind === 'skipped') {
      this.counts.skipped++;
      this.skipped[geometry.what]++;
      return [];
    }
    if (geometry.kind === 'invalid') return this.reject(record, geometry.problem, invalid);
    let result: ReturnType<typeof recordToPlace>;
    try {
      result = recordToPlace(record, this.rules);
    } catch (error) {
      if (error instanceof InputError) return this.reject(record, error.message, invalid);
      throw error;
    }
    if (result.kind === 'excluded') {
      this.counts.excluded++;
      return [];
    }
    for (const message of result.warnings) this.warnings.push({ position: record.position, message });
    this.countCategory(record.layer, result.data.category);
    const keys = duplicateKeys(result.data);
    const key = this.keyOf(record, result.data, keys.name);
    return [{ record, data: result.data, key, keys: matchKeys(result.data, keys) }];
  }

  private keyOf(record: ImportRecord, data: PlaceData, nameKey: string): string {
    // Without an id from the source: the layer, the name and the ~300 m cell it is in, so two branches of a
    // chain keep their own keys whatever order the file lists them in.
    const cell = approximatePosition(data.lon, data.lat);
    const base =
      record.sourceId ??
      record.fields.id?.trim() ??
      `${record.layer ?? ''}/${nameKey}@${cell.lon},${cell.lat}`;
    // The same name twice in one cell: the second is `…#2`.
    const seen = (this.keysSeen.get(base) ?? 0) + 1;
    this.keysSeen.set(base, seen);
    const key = seen === 1 ? base : `${base}#${seen}`;
    data.provenance = { ...data.provenance, sourceId: key };
    return key;
  }

  /** The source sent this record before: update the place if the source changed it. */
  private async refresh(own: Place, item: Mapped, places: PlaceRepository): Promise<Place | null> {
    // A home-based place is stored with its public view only: compare what the source says with that view.
    const sent = publicView({ ...item.data, homeBased: Boolean(own.homeBased || item.data.homeBased) });
    if (changedFields(own, sent).length === 0) {
      this.counts.unchanged++;
      return null;
    }
    this.counts.updated++;
    // The source owns the content it sent; the community's status decisions (closed, pending) stay, and so
    // does home-based: once a place hides where someone lives, no import makes it public again.
    const homeBased = Boolean(own.homeBased || item.data.homeBased);
    return places.update(
      own.id,
      { ...item.data, status: own.status, isDemo: own.isDemo, ...(homeBased ? { homeBased: true } : {}) },
      this.change,
    );
  }

  private async merge(
    other: Place,
    item: Mapped,
    reason: string,
    places: PlaceRepository,
  ): Promise<Place | null> {
    if (this.request.duplicates === 'skip') {
      this.duplicate(item, other.id, reason, false);
      return null;
    }
    const merged = fillBlanks(other, item.data);
    const changed = changedFields(other, merged).length > 0;
    this.duplicate(item, other.id, reason, changed);
    return changed
      ? places.update(other.id, merged, { ...this.change, note: `${this.rules.source}: ${reason}` })
      : null;
  }

  private duplicate(item: Mapped, placeId: number | null, reason: string, merged: boolean): void {
    this.counts.duplicate++;
    this.duplicates.push({ position: item.record.position, placeId, reason, merged });
  }

  private reject(record: ImportRecord, reason: string, into: ImportReport['invalid'] = this.invalid): [] {
    this.counts.invalid++;
    into.push({ position: record.position, reason });
    return [];
  }

  private countLayer(layer: string | undefined): void {
    if (layer === undefined) return;
    const entry = this.layers.get(layer) ?? { records: 0, categories: {} };
    entry.records++;
    this.layers.set(layer, entry);
  }

  private countCategory(layer: string | undefined, category: string): void {
    const entry = layer === undefined ? undefined : this.layers.get(layer);
    if (entry) entry.categories[category] = (entry.categories[category] ?? 0) + 1;
  }
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

// A source's record may rename its place or move it a little, not both at once across the city.
const SAME_SOURCE_MOVE_M = 500;

function plausiblySame(place: Place, keys: MatchKeys): boolean {
  if (namesOf(place).size === 0 || [...namesOf(place)].some((n) => keys.names.has(n))) return true;
  return distanceMeters([place.lon, place.lat], [keys.lon, keys.lat]) <= SAME_SOURCE_MOVE_M;
}

async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
