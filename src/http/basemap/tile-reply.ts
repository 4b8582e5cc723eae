import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What a tile file is: the extension in its URL, its MIME type, and whether the style needs a vector or raster source. */
export interface TileFormat {
  ext: TileExt;
  contentType: string;
  kind: 'vector' | 'raster';
}

export type TileExt = 'mvt' | 'png' | 'jpg' | 'webp' | 'avif';

export const TILE_FORMATS: Record<TileExt, TileFormat> = {
  mvt: { ext: 'mvt', contentType: 'application/vnd.mapbox-vector-tile', kind: 'vector' },
  png: { ext: 'png', contentType: 'image/png', kind: 'raster' },
  jpg: { ext: 'jpg', contentType: 'image/jpeg', kind: 'raster' },
  webp: { ext: 'webp', contentType: 'image/webp', kind: 'raster' },
  avif: { ext: 'avif', contentType: 'image/avif', kind: 'raster' },
};

/** A tile's bytes as stored (in the archive or the disk cache), possibly still compressed. */
export interface StoredTile {
  data: Buffer;
  /** The content-coding of `data` (`gzip`, `br`, `zstd`), or null when it is plain. */
  contentEncoding: string | null;
}

/** Tiles do not change between basemap updates; a day keeps panning cheap and still picks up a new extract. */
export const TILE_CACHE_CONTROL = 'public, max-age=86400';

const DECODERS: Record<string, (data: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  br: promisify(brotliDecompress),
};

/**
 * Sends a tile as stored when the client accepts its coding (browsers take gzip), else decoded here.
 * A missing tile is 204, which MapLibre draws as empty.
 */
export async function sendTile(
  request: FastifyRequest,
  reply: FastifyReply,
  tile: StoredTile | null,
  format: TileFormat,
): Promise<FastifyReply> {
  reply.header('cache-control', TILE_CACHE_CONTROL);
  if (!tile) return reply.code(204).send();
  reply.header('content-type', format.contentType);
  const coding = tile.contentEncoding;
  if (!coding) return reply.send(tile.data);
  reply.header('vary', 'accept-encoding');
  if (acceptsCoding(request.headers['accept-encoding'], coding)) {
    return reply.header('content-encoding', coding).send(tile.data);
  }
  const decode = DECODERS[coding];
  if (!decode) {
    return reply
      .code(406)
      .header('cache-control', 'no-store')
      .send({
        statusCode: 406,
        error: 'Not Acceptable',
        message: `This tile is stored ${coding}-compressed and the request does not accept ${coding}`,
      });
  }
  return reply.send(await decode(tile.data));
}

/** Whether an Accept-Encoding header allows `coding` (a `q=0` refuses it). No header means plain bytes only. */
export function acceptsCoding(header: string | undefined, coding: string): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name.trim() !== coding && name.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
