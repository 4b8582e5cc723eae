import { InputError } from '../domain/errors.ts';

/**
 * One feature of an import file as a format reader sees it, before it means anything to Kvartal: a position
 * in the file (for error messages), the source's own id, a point, and flat text fields named like OSM tags
 * (`name`, `name:ru`, `description`, `opening_hours`, `phone`, `amenity`, …). Turning these fields into a
 * place is one job for every format (see record-to-place.ts); readers only read.
 */
export interface ImportRecord {
  /** Where the record is in the file, for messages: `line 12`, `feature 3`, `placemark 5 ("Кафе")`. */
  position: string;
  /** The source's own id when it has one: OSM `node/123`, a GeoJSON feature id, a CSV `id` column. */
  sourceId?: string;
  /** The layer it came from (a My Maps folder), trimmed. */
  layer?: string;
  geometry: RecordGeometry;
  /** Text fields by OSM-style key; values are plain text (HTML already made safe by the reader). */
  fields: Record<string, string>;
}

export type RecordGeometry =
  /** A point, or the centroid of an OSM way/area (which import at their centroid). */
  | { kind: 'point'; lon: number; lat: number }
  /** A geometry Kvartal does not import (My Maps directions, polygons): counted as skipped, never an error. */
  | { kind: 'skipped'; what: 'line' | 'polygon' | 'other' }
  /** The reader found the record but not a usable position: reported as invalid with this reason. */
  | { kind: 'invalid'; problem: string };

/**
 * A problem with the file as a whole (hostile, too big, wrong type): nothing from it is imported. An input
 * error whose "field" is the place in the file (`file`, `line 3`, `doc.kml`, `byte 1042`).
 */
export class ImportFileError extends InputError {
  constructor(
    readonly where: string,
    problem: string,
  ) {
    super(where, problem);
    this.name = 'ImportFileError';
  }
}

/** Limits every reader honours so a hostile file cannot exhaust memory or time. */
export interface ReadLimits {
  /** Largest file accepted, in bytes (also the largest uncompressed doc.kml inside a KMZ). */
  maxBytes: number;
  /** Largest single CSV record / line, in bytes. */
  maxLineBytes: number;
  /** Most entries a KMZ archive may have. */
  maxZipEntries: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxLineBytes: 64 * 1024,
  maxZipEntries: 1_000,
};

/** A format reader: the file's bytes in, records out, in file order. Throws ImportFileError for the file. */
export type FormatReader = (bytes: Uint8Array, limits: ReadLimits) => AsyncIterable<ImportRecord>;
