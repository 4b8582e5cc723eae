import { InputError } from '../../domain/errors.ts';
import { approximatePosition, publicView } from '../../domain/places/approximate-position.ts';
import { duplicateKeys, type MatchKeys, matchKeys } from '../../domain/places/duplicate-keys.ts';
import type { PlaceData } from '../../domain/places/place.ts';
import type { Category, City } from '../../domain/taxonomy.ts';
import type { ImportFormat } from '../../imports/formats/detect-format.ts';
import { type CsvOptions, keepsUnknownFields, readerFor } from '../../imports/readers.ts';
import type { ImportRecord, ReadLimits } from '../../imports/record.ts';
import { type MappingRules, recordToPlace } from '../../imports/record-to-place.ts';
import { CategoryIntent } from '../../search/category-intent.ts';
import { indexPlace } from '../../search/place-indexer.ts';
import type { IndexedPlace } from '../../storage/repositories.ts';
import { Taxonomy } from '../taxonomy.ts';

// Records looked up and written together: one candidate query and a few multi-row INSERTs per batch.
export const BATCH = 500;

/**
 * Everything reading and mapping a file needs, as plain data: it may be sent to a worker thread, so no
 * class instances (the taxonomy travels as its categories and cities) and nothing from storage.
 */
export interface MappingSetup {
  format: ImportFormat;
  csv: CsvOptions;
  limits: ReadLimits;
  categories: Category[];
  cities: City[];
  /** Layer name, category text or OSM `key=value` → category slug or `skip`, already checked. */
  categoryMap: Map<string, string>;
  defaultCategory?: string;
  /** `import:<source>`. */
  source: string;
}

export interface Problem {
  position: string;
  reason: string;
}

/** A record validated and keyed, not yet matched against storage. */
export interface MappedPlace {
  /** Where it is in the file, for the report. */
  position: string;
  data: PlaceData;
  /** The id the source gives the record, or one made from its layer and name: what makes re-imports idempotent. */
  key: string;
  keys: MatchKeys;
  /** Its search and duplicate keys, made here so that the thread writing the batch does not have to. */
  indexed: IndexedPlace;
}

export interface MappedBatch {
  places: MappedPlace[];
  /** Records the mapping refused: reported when the batch is written, so the report keeps the file's order. */
  invalid: Problem[];
  /** Records read so far, this batch included: what progress reports. */
  records: number;
}

/** What mapping the whole file found besides the places: counted as it went, complete once it is done. */
export interface MappingTally {
  records: number;
  skipped: number;
  excluded: number;
  skippedKinds: { line: number; polygon: number; other: number };
  /** Each layer in the order it first appeared, with its record count and the categories of its places. */
  layers: Array<{ name: string; records: number; categories: Record<string, number> }>;
  warnings: Array<{ position: string; message: string }>;
}

/** A file's records, read, validated and keyed, a batch at a time and in the file's order. */
export async function* mapRecords(
  setup: MappingSetup,
  bytes: Uint8Array,
  tally: (tally: MappingTally) => void,
): AsyncGenerator<MappedBatch> {
  const mapper = new RecordMapper(setup);
  let batch: ImportRecord[] = [];
  for await (const record of readerFor(setup.format, setup.csv)(bytes, setup.limits)) {
    batch.push(record);
    if (batch.length === BATCH) {
      yield mapper.map(batch);
      batch = [];
    }
  }
  if (batch.length) yield mapper.map(batch);
  tally(mapper.tally());
}

/** Turns records into places one batch after another; keeps what the report needs of them. */
class RecordMapper {
  private readonly rules: MappingRules;
  private readonly counts = { records: 0, skipped: 0, excluded: 0 };
  private readonly skippedKinds = { line: 0, polygon: 0, other: 0 };
  private readonly layers = new Map<string, { records: number; categories: Record<string, number> }>();
  private readonly warnings: MappingTally['warnings'] = [];
  private readonly keysSeen = new Map<string, number>();

  constructor(setup: MappingSetup) {
    const taxonomy = new Taxonomy();
    taxonomy.set(setup.categories, setup.cities);
    this.rules = {
      taxonomy,
      intent: new CategoryIntent(taxonomy.categories),
      categoryMap: setup.categoryMap,
      ...(setup.defaultCategory ? { defaultCategory: setup.defaultCategory } : {}),
      source: setup.source,
      keepUnknownFields: keepsUnknownFields(setup.format),
    };
  }

  map(records: ImportRecord[]): MappedBatch {
    const invalid: Problem[] = [];
    const places: MappedPlace[] = [];
    for (const record of records) {
      const place = this.mapRecord(record, invalid);
      if (place) places.push(place);
    }
    return { places, invalid, records: this.counts.records };
  }

  tally(): MappingTally {
    return {
      ...this.counts,
      skippedKinds: this.skippedKinds,
      layers: [...this.layers].map(([name, layer]) => ({ name, ...layer })),
      warnings: this.warnings,
    };
  }

  /** A record as a place, or nothing (counted as skipped or excluded, or reported into `invalid`). */
  private mapRecord(record: ImportRecord, invalid: Problem[]): MappedPlace | undefined {
    this.counts.records++;
    this.countLayer(record.layer);
    const { geometry, position } = record;
    if (geometry.kind === 'skipped') {
      this.counts.skipped++;
      this.skippedKinds[geometry.what]++;
      return undefined;
    }
    if (geometry.kind === 'invalid') {
      invalid.push({ position, reason: geometry.problem });
      return undefined;
    }
    let result: ReturnType<typeof recordToPlace>;
    try {
      result = recordToPlace(record, this.rules);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      invalid.push({ position, reason: error.message });
      return undefined;
    }
    if (result.kind === 'excluded') {
      this.counts.excluded++;
      return undefined;
    }
    for (const message of result.warnings) this.warnings.push({ position, message });
    const { data } = result;
    this.countCategory(record.layer, data.category);
    // Duplicate keys come from names and contacts, which a home-based place's public view keeps as they are.
    const keys = duplicateKeys(data);
    const key = this.keyOf(record, data, keys.name);
    const indexed = { search: indexPlace(publicView(data)), keys };
    return { position, data, key, keys: matchKeys(data, keys), indexed };
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
