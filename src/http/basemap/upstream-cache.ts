import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type StoredTile, TILE_FORMATS, type TileFormat } from './tile-reply.ts';

/** The upstream failed or answered something that is not a tile; the route turns this into a 502. */
export class UpstreamError extends Error {}

export interface UpstreamCacheOptions {
  /** URL template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.mvt?key=… */
  template: string;
  /** Tiles land in <cacheDir>/<z>/<x>/<y>.<ext> and are served from there afterwards. */
  cacheDir: string;
  /** Sent to the upstream so its operator can see who is asking. */
  userAgent?: string;
  /** How long one upstream request may take, body included. */
  timeoutMs?: number;
  /** Told about a tile that was fetched but could not be written to the cache; it is still served. */
  onCacheWriteError?: (error: unknown, path: string) => void;
}

const DEFAULTS = {
  userAgent: 'Kvartal tile proxy',
  timeoutMs: 10_000,
};

/** Upstream answers that are an error page, not a tile, even when the status says 200. */
const NOT_A_TILE = /^(text\/|application\/(json|xml|problem))/i;

/**
 * Proxies an upstream tile server through the Kvartal server and keeps each tile on disk, so the browser
 * never contacts the upstream and each tile is fetched from it once.
 */
export class UpstreamTileCache {
  readonly format: TileFormat;
  private readonly template: string;
  private readonly cacheDir: string;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly onCacheWriteError: (error: unknown, path: string) => void;
  /** One shared load (disk, else upstream) per tile path while it runs, so concurrent requests fetch once. */
  private readonly loading = new Map<string, Promise<StoredTile | null>>();

  constructor(options: UpstreamCacheOptions) {
    this.template = checkTemplate(options.template);
    this.format = upstreamFormat(options.template);
    this.cacheDir = resolve(options.cacheDir);
    this.userAgent = options.userAgent ?? DEFAULTS.userAgent;
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.onCacheWriteError = options.onCacheWriteError ?? (() => {});
  }

  /** Where a tile is cached; z/x/y are validated integers, so the path cannot leave the cache directory. */
  pathOf(z: number, x: number, y: number): string {
    return join(this.cacheDir, String(z), String(x), `${y}.${this.format.ext}`);
  }

  /** The tile from the disk cache, else from the upstream (then cached); null when the upstream has none. */
  tile(z: number, x: number, y: number): Promise<StoredTile | null> {
    const path = this.pathOf(z, x, y);
    let pending = this.loading.get(path);
    if (!pending) {
      // The disk read is inside the shared load: once it settles the tile is on disk, so no window is left
      // in which a second request misses both the load and the file.
      pending = this.load(z, x, y, path).finally(() => this.loading.delete(path));
      this.loading.set(path, pending);
    }
    return pending;
  }

  private async load(z: number, x: number, y: number, path: string): Promise<StoredTile | null> {
    const cached = await readIfExists(path);
    if (cached) return storedTile(cached);
    const data = await this.fetchUpstream(z, x, y);
    if (!data) return null;
    try {
      await writeAtomically(path, data);
    } catch (error) {
      this.onCacheWriteError(error, path);
    }
    return storedTile(data);
  }

  private async fetchUpstream(z: number, x: number, y: number): Promise<Buffer | null> {
    const url = this.template
      .replaceAll('{z}', String(z))
      .replaceAll('{x}', String(x))
      .replaceAll('{y}', String(y));
    // Messages name the tile, never the URL: templates often carry an API key.
    const tile = `${z}/${x}/${y}`;
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': this.userAgent, accept: `${this.format.contentType}, */*;q=0.5` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (response.status === 204 || response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new UpstreamError(`The basemap tile server answered ${response.status} for tile ${tile}`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (NOT_A_TILE.test(contentType)) {
        await response.body?.cancel();
        throw new UpstreamError(`The basemap tile server sent ${contentType} instead of tile ${tile}`);
      }
      // fetch has already undone any transport content-encoding; tiles gzipped at rest stay gzipped.
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new UpstreamError(
        timedOut
          ? `The basemap tile server did not answer within ${this.timeoutMs / 1000} s for tile ${tile}`
          : `The basemap tile server could not be reached for tile ${tile}`,
        { cause: error },
      );
    }
  }
}

/** Vector unless the template names an image format. */
export function upstreamFormat(template: string): TileFormat {
  const path = template.split('?')[0] ?? '';
  const ext = /\.(png|jpe?g|webp|avif)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'png' || ext === 'webp' || ext === 'avif') return TILE_FORMATS[ext];
  if (ext === 'jpg' || ext === 'jpeg') return TILE_FORMATS.jpg;
  return TILE_FORMATS.mvt;
}

function checkTemplate(template: string): string {
  let url: URL;
  try {
    url = new URL(template.replaceAll('{', '%7B').replaceAll('}', '%7D'));
  } catch {
    throw new Error(`MAP_TILES_UPSTREAM must be an http(s) URL template, got "${template}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`MAP_TILES_UPSTREAM must be an http(s) URL template, got "${template}"`);
  }
  for (const part of ['{z}', '{x}', '{y}']) {
    if (!template.includes(part))
      throw new Error(`MAP_TILES_UPSTREAM must contain ${part}, e.g. …/{z}/{x}/{y}.mvt`);
  }
  return template;
}

/** Tiles whose bytes are gzip (common for MVT at rest) are sent with content-encoding: gzip. */
function storedTile(data: Buffer): StoredTile {
  const gzipped = data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
  return { data, contentEncoding: gzipped ? 'gzip' : null };
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Write beside the target, then rename: a crash leaves a stray .tmp file, never a half tile under the real name. */
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
