import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { EXPORT_FORMATS, exportPlaces, isExportFormat } from '../exports/export-places.ts';
import { openStorage } from '../storage/open-storage.ts';
import { createContext } from '../usecases/create-context.ts';

export const EXPORT_USAGE = `kvartal export --format geojson|kml|csv [--out FILE]   (default: standard output)`;

/** `kvartal export`: the same files as /api/v1/export.*, to a file (written whole, then renamed) or stdout. */
export async function exportCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' } } });
  const format = values.format ?? '';
  if (!isExportFormat(format)) {
    console.error(
      `--format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}\n\nUsage: ${EXPORT_USAGE}`,
    );
    return 2;
  }
  const storage = openStorage(config.databaseUrl);
  try {
    const ctx = await createContext(storage);
    const chunks = Readable.from(
      exportPlaces(ctx, format, { siteUrl: config.publicUrl, licence: config.dataLicense }),
    );
    if (!values.out) {
      await pipeline(chunks, process.stdout);
      return 0;
    }
    // A half-written export must never look like a finished one.
    const temporary = `${values.out}.partial`;
    try {
      await pipeline(chunks, createWriteStream(temporary));
      await rename(temporary, values.out);
    } finally {
      await rm(temporary, { force: true });
    }
    console.error(`Exported ${format} to ${values.out}`);
    return 0;
  } finally {
    await storage.close();
  }
}
