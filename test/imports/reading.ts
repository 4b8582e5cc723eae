import { readFileSync } from 'node:fs';
import {
  DEFAULT_READ_LIMITS,
  type FormatReader,
  ImportFileError,
  type ImportRecord,
  type ReadLimits,
} from '../../src/imports/record.ts';

/** A file of test/fixtures/imports as bytes. */
export const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)));

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Every record a reader yields for `bytes`. */
export async function readAll(
  reader: FormatReader,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const record of reader(bytes, limits)) records.push(record);
  return records;
}

/**
 * Reads record by record until the reader stops: the first record, how many came, and the error it stopped
 * with — what shows that records stream before a late refusal.
 */
export async function readUntilRefusal(
  reader: FormatReader,
  bytes: Uint8Array,
): Promise<{ first: ImportRecord | undefined; count: number; failure: unknown }> {
  let first: ImportRecord | undefined;
  let count = 0;
  try {
    for await (const record of reader(bytes, DEFAULT_READ_LIMITS)) {
      first ??= record;
      count++;
    }
  } catch (failure) {
    return { first, count, failure };
  }
  return { first, count, failure: undefined };
}

/** The ImportFileError a reader refuses `bytes` with; fails the test when it reads them. */
export async function refusal(
  reader: FormatReader,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ImportFileError> {
  try {
    await readAll(reader, bytes, limits);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was read without an ImportFileError');
}
