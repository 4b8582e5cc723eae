import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../usecases/context.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions, exportPlaces } from './export-places.ts';

export interface CachedExport {
  path: string;
  /** Changes whenever the data (or the licence) does: the ETag. */
  tag: string;
  /** When this version of the data was first exported: the Last-Modified. */
  modified: Date;
  bytes: number;
}

/**
 * Exports kept on disk per data version: the first request after a change writes the file (streamed, so
 * memory stays flat), every later one is a file read, and older versions are removed. Several requests
 * for the same version wait for one writer.
 */
export class ExportCache {
  private readonly writing = new Map<string, Promise<CachedExport>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly dir: string,
    private readonly options: ExportOptions,
  ) {}

  async get(format: ExportFormat): Promise<CachedExport> {
    const version = await this.ctx.dataVersion.current();
    const licence = this.options.licence.replace(/[^A-Za-z0-9.-]/g, '_');
    const name = `places-v${version}-${licence}.${EXPORT_FORMATS[format].extension}`;
    const path = join(this.dir, name);
    const existing = await stat(path).catch(() => null);
    if (existing) return { path, tag: name, modified: existing.mtime, bytes: existing.size };
    let pending = this.writing.get(name);
    if (!pending) {
      pending = this.write(format, path, name, version).finally(() => this.writing.delete(name));
      this.writing.set(name, pending);
    }
    return pending;
  }

  private async write(
    format: ExportFormat,
    path: string,
    name: string,
    version: number,
  ): Promise<CachedExport> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await pipeline(
        Readable.from(exportPlaces(this.ctx, format, this.options)),
        createWriteStream(temporary),
      );
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
    await this.removeOlder(format, version);
    const written = await stat(path);
    return { path, tag: name, modified: written.mtime, bytes: written.size };
  }

  /** Only versions older than this one: a slower writer of an old version must not remove a newer file. */
  private async removeOlder(format: ExportFormat, version: number): Promise<void> {
    const extension = `.${EXPORT_FORMATS[format].extension}`;
    for (const file of await readdir(this.dir)) {
      const older = Number(/^places-v(\d+)-/.exec(file)?.[1] ?? Number.POSITIVE_INFINITY) < version;
      if (older && file.endsWith(extension)) await rm(join(this.dir, file), { force: true });
    }
  }

  /**
   * The export opened for reading. An open file stays readable even if a newer version's writer removes
   * it meanwhile; if it went between `get` and the open, the next `get` writes it again.
   */
  async open(format: ExportFormat): Promise<{ file: CachedExport; stream: ReadStream }> {
    for (let attempt = 0; ; attempt++) {
      const file = await this.get(format);
      const stream = createReadStream(file.path);
      try {
        await once(stream, 'open');
        return { file, stream };
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
  }
}
