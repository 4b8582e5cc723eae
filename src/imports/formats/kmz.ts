import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { type FormatReader, ImportFileError, type ReadLimits } from '../record.ts';
import { checkFileSize } from './detect-format.ts';
import { readKml } from './kml.ts';

/** A KMZ: a ZIP archive with the KML at its root (`doc.kml`), read with the same limits as a KML file. */
export const readKmz: FormatReader = async function* (bytes, limits) {
  const entry = kmlEntry(bytes, limits);
  try {
    yield* readKml(inflateEntry(bytes, entry, limits), limits);
  } catch (error) {
    throw inEntry(error, entry.name);
  }
};

// ---------------------------------------------------------------------------------------------------------
// KMZ: the archive is listed from its central directory, then only the KML entry is inflated, as a stream.

interface ZipEntry {
  name: string;
  /** The uncompressed size the archive declares; a zip bomb may lie about it, so inflating also counts. */
  declaredSize: number;
}

/** Compressed bytes pushed to the inflater at a time: DEFLATE expands at most ~1032×, so 4 KB → ~4 MB. */
const INFLATE_CHUNK = 4096;

function kmlEntry(bytes: Uint8Array, limits: ReadLimits): ZipEntry {
  checkFileSize(bytes, limits);
  const zip =
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    bytes[3] === bytes[2] + 1;
  if (!zip) throw new ImportFileError('file', 'is not a KMZ (ZIP) archive');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: ({ name, originalSize }) => {
        if (entries.length === limits.maxZipEntries) {
          throw new ImportFileError('file', `has more than ${limits.maxZipEntries} entries`);
        }
        if (unsafeEntryName(name)) {
          throw new ImportFileError(
            'file',
            `has an entry named ${JSON.stringify(name.slice(0, 200))}, a path outside the archive`,
          );
        }
        if (names.has(name)) {
          throw new ImportFileError('file', `has two entries named ${JSON.stringify(name.slice(0, 200))}`);
        }
        names.add(name);
        entries.push({ name, declaredSize: originalSize });
        return false; // nothing is inflated while listing
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('file', 'is not a valid ZIP archive (its directory cannot be read)');
  }
  const atRoot = (entry: ZipEntry) => !entry.name.includes('/') && /\.kml$/i.test(entry.name);
  const entry = entries.find((e) => e.name === 'doc.kml') ?? entries.find(atRoot);
  if (!entry) {
    throw new ImportFileError(
      'file',
      'has no .kml file at the root of the archive (KMZ keeps it in doc.kml)',
    );
  }
  if (entry.declaredSize > limits.maxBytes) {
    throw new ImportFileError(
      entry.name,
      `is ${entry.declaredSize} bytes uncompressed, more than the ${limits.maxBytes} allowed`,
    );
  }
  return entry;
}

/** `..` segments, absolute paths, drive letters and backslashes: names that could write outside a folder. */
function unsafeEntryName(name: string): boolean {
  return (
    name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..')
  );
}

/** Inflates one entry, counting the bytes as they come and stopping as soon as they pass the limit. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limits: ReadLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  let started = false;
  let failure: ImportFileError | undefined;
  const unzip = new Unzip((file) => {
    if (file.name !== entry.name || started) return;
    started = true;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new ImportFileError('file', `cannot be decompressed (${error.message})`);
        return;
      }
      total += data.length;
      if (total > limits.maxBytes) {
        failure = new ImportFileError(
          'file',
          `inflates to more than the ${limits.maxBytes} bytes allowed (the archive says ${entry.declaredSize})`,
        );
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !done && !failure; at += INFLATE_CHUNK) {
      unzip.push(bytes.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= bytes.length);
    }
  } catch {
    failure ??= new ImportFileError('file', 'cannot be read from the archive (the ZIP is damaged)');
  }
  if (failure) throw failure;
  if (!done) throw new ImportFileError('file', 'cannot be read from the archive (the ZIP is damaged)');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Errors about the KML inside a KMZ name the entry: `doc.kml, line 3` instead of `line 3`. */
function inEntry(error: unknown, name: string): unknown {
  if (!(error instanceof ImportFileError)) return error;
  const where = error.where === 'file' ? name : `${name}, ${error.where}`;
  return new ImportFileError(where, error.problem);
}
