import { writeFile } from 'node:fs/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { Compression, TileType, zxyToTileId } from 'pmtiles';
import { type BasemapOptions, basemapRoutes } from '../../src/http/basemap/routes.ts';

/** A Fastify instance with only the basemap plugin, as the brief for these tests asks. */
export async function basemapApp(config: Partial<BasemapOptions['config']> = {}): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(basemapRoutes, {
    config: {
      mapPmtiles: null,
      mapTilesUpstream: null,
      tileCacheDir: './data/tile-cache',
      mapGlyphsDir: null,
      publicUrl: null,
      ...config,
    },
  });
  await app.ready();
  return app;
}

/** Every string in a JSON value that looks like an absolute URL. */
export function absoluteUrls(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('://') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(absoluteUrls);
  if (value && typeof value === 'object') return Object.values(value).flatMap(absoluteUrls);
  return [];
}

export interface TestTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType?: TileType;
  tileCompression?: Compression;
  minZoom?: number;
  maxZoom?: number;
  /** [west, south, east, north] */
  bounds?: [number, number, number, number];
}

const HEADER_BYTES = 127;

/**
 * Writes a minimal PMTiles v3 archive: header, one root directory (no leaves, internal compression none),
 * empty JSON metadata, then the tile data — the inverse of `bytesToHeader` and `deserializeIndex` in the
 * pmtiles package.
 */
export async function writePmtiles(
  path: string,
  tiles: TestTile[],
  options: ArchiveOptions = {},
): Promise<void> {
  const sorted = tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = sorted.map((t) => {
    const entry = { tileId: t.tileId, offset, length: t.data.length, runLength: 1 };
    offset += t.data.length;
    return entry;
  });
  const directory = serializeDirectory(entries);
  const metadata = new TextEncoder().encode('{}');
  const tileData = concat(sorted.map((t) => t.data));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + directory.length;
  const tileDataOffset = metadataOffset + metadata.length;
  const zooms = tiles.map((t) => t.z);
  const [west, south, east, north] = options.bounds ?? [-180, -85, 180, 85];

  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new TextEncoder().encodeInto('PMTiles', new Uint8Array(header.buffer));
  header.setUint8(7, 3);
  const u64 = (at: number, n: number) => {
    header.setUint32(at, n % 2 ** 32, true);
    header.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
  };
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileDataOffset + tileData.length); // no leaf directories
  u64(48, 0);
  u64(56, tileDataOffset);
  u64(64, tileData.length);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  header.setUint8(96, 1); // clustered
  header.setUint8(97, Compression.None);
  header.setUint8(98, options.tileCompression ?? Compression.None);
  header.setUint8(99, options.tileType ?? TileType.Mvt);
  header.setUint8(100, options.minZoom ?? Math.min(...zooms));
  header.setUint8(101, options.maxZoom ?? Math.max(...zooms));
  header.setInt32(102, Math.round(west * 1e7), true);
  header.setInt32(106, Math.round(south * 1e7), true);
  header.setInt32(110, Math.round(east * 1e7), true);
  header.setInt32(114, Math.round(north * 1e7), true);
  header.setUint8(118, options.minZoom ?? 0);
  header.setInt32(119, Math.round(((west + east) / 2) * 1e7), true);
  header.setInt32(123, Math.round(((south + north) / 2) * 1e7), true);

  await writeFile(path, concat([new Uint8Array(header.buffer), directory, metadata, tileData]));
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Count, then tile-id deltas, run lengths, lengths, and offsets (0 = right after the previous tile, else offset + 1). */
function serializeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    writeVarint(out, previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** Unsigned LEB128, by division so values above 2^32 stay exact. */
function writeVarint(out: number[], value: number): void {
  let n = value;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    result.set(p, at);
    at += p.length;
  }
  return result;
}
