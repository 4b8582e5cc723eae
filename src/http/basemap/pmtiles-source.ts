import { type FileHandle, open } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  Compression,
  type Header,
  PMTiles,
  type RangeResponse,
  SharedPromiseCache,
  type Source,
  TileType,
} from 'pmtiles';
import { type StoredTile, TILE_FORMATS, type TileFormat } from './tile-reply.ts';

const FORMAT_BY_TILE_TYPE: Partial<Record<TileType, TileFormat>> = {
  [TileType.Mvt]: TILE_FORMATS.mvt,
  [TileType.Png]: TILE_FORMATS.png,
  [TileType.Jpeg]: TILE_FORMATS.jpg,
  [TileType.Webp]: TILE_FORMATS.webp,
  [TileType.Avif]: TILE_FORMATS.avif,
};

/** The HTTP content-coding that carries each PMTiles tile compression unchanged. */
const CONTENT_CODINGS: Partial<Record<Compression, string>> = {
  [Compression.Gzip]: 'gzip',
  [Compression.Brotli]: 'br',
  [Compression.Zstd]: 'zstd',
};

/**
 * Reads byte ranges of a local archive, as a browser would with HTTP range requests: the pmtiles library asks
 * for the header and directories first, then one tile at a time, so the file is never read whole.
 */
export class LocalFileSource implements Source {
  readonly path: string;
  private handle: Promise<FileHandle> | null = null;

  constructor(path: string) {
    this.path = resolve(path);
  }

  getKey(): string {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.handle ??= open(this.path, 'r');
    const handle = await this.handle;
    const buffer = new Uint8Array(length);
    let filled = 0;
    // A read may return fewer bytes than asked; the first 16 KiB request may also run past a small file's end.
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { data: buffer.buffer.slice(0, filled) };
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await (await handle).close();
  }
}

/** Tile bytes exactly as stored, compressed or not, so gzip tiles go to the browser without a round trip. */
const keepStoredBytes = async (buf: ArrayBuffer): Promise<ArrayBuffer> => buf;

/** A PMTiles v3 archive on local disk: its header, read once at start, and tiles by z/x/y. */
export class PmtilesArchive {
  readonly header: Header;
  readonly format: TileFormat;
  private readonly source: LocalFileSource;
  private readonly tiles: PMTiles;

  private constructor(source: LocalFileSource, tiles: PMTiles, header: Header, format: TileFormat) {
    this.source = source;
    this.tiles = tiles;
    this.header = header;
    this.format = format;
  }

  /** Opens the archive and checks it is usable, saying what is wrong when it is not. */
  static async open(path: string): Promise<PmtilesArchive> {
    const source = new LocalFileSource(path);
    // Directories are decompressed by the cache's default decompressor; tiles keep their stored bytes.
    const tiles = new PMTiles(source, new SharedPromiseCache(), keepStoredBytes);
    let header: Header;
    try {
      header = await tiles.getHeader();
    } catch (error) {
      await source.close().catch(() => {});
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`MAP_PMTILES=${path} is not a readable PMTiles v3 archive: ${reason}`);
    }
    const format = FORMAT_BY_TILE_TYPE[header.tileType];
    if (!format) {
      await source.close();
      throw new Error(
        `MAP_PMTILES=${path} holds tiles of type ${header.tileType}; Kvartal serves MVT, PNG, JPEG, WebP or AVIF archives`,
      );
    }
    // Image tiles are compressed by their own format, so writers often leave their compression as "unknown".
    const plain =
      header.tileCompression === Compression.None ||
      (header.tileCompression === Compression.Unknown && format.kind === 'raster');
    if (!plain && !CONTENT_CODINGS[header.tileCompression]) {
      await source.close();
      throw new Error(`MAP_PMTILES=${path} uses an unknown tile compression; rebuild it with gzip or none`);
    }
    return new PmtilesArchive(source, tiles, header, format);
  }

  /** The tile's stored bytes, or null when the archive has no tile there. */
  async tile(z: number, x: number, y: number): Promise<StoredTile | null> {
    const found = await this.tiles.getZxy(z, x, y);
    if (!found) return null;
    return {
      data: Buffer.from(found.data),
      contentEncoding: CONTENT_CODINGS[this.header.tileCompression] ?? null,
    };
  }

  close(): Promise<void> {
    return this.source.close();
  }
}
