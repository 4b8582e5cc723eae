import { DEFAULT_DATA_LICENCE } from './open-data/licence.ts';
import { DEFAULT_DATABASE_URL } from './storage/open-storage.ts';

/** Everything the operator can set, read from the environment once. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  publicUrl: string | null;
  /** A local PMTiles basemap file, served with HTTP range reads. */
  mapPmtiles: string | null;
  /** An upstream tile URL template ({z}/{x}/{y}), proxied and cached on disk. */
  mapTilesUpstream: string | null;
  tileCacheDir: string;
  /** A directory of glyph PBFs ({fontstack}/{range}.pbf) for basemap labels. */
  mapGlyphsDir: string | null;
  /** Lets the operator write through the API until accounts exist. */
  adminToken: string | null;
  logLevel: string;
  /** SPDX id of the licence the place data is published under (stated on every export and the open-data page). */
  dataLicense: string;
  /** Where whole-dataset exports are kept between data changes. */
  exportCacheDir: string;
  /** Largest import file accepted, in bytes. */
  importMaxBytes: number;
  /** Outgoing mail (`smtp://user:pass@host:587`); without it, mails and their links go to the log. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Turns on "Log in with Telegram" (the bot's token verifies the widget's signature). */
  telegramBotToken: string | null;
  /**
   * Which proxies may tell the client's address (X-Forwarded-For): `loopback` (a proxy on this host, the
   * default), addresses or CIDR ranges separated by commas, or `true` for any (only behind a proxy that
   * overwrites the header).
   */
  trustProxy: string | boolean;
  telegramBotName: string | null;
  /**
   * HMAC secret that signs the anti-spam proof-of-work challenges. Null when unset: the server then makes a
   * random one at start (see `resolveAntiSpamKey`), which only works for a single app process.
   */
  antiSpamKey: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    port,
    host: env.HOST || '127.0.0.1',
    publicUrl: env.PUBLIC_URL || null,
    mapPmtiles: env.MAP_PMTILES || null,
    mapTilesUpstream: env.MAP_TILES_UPSTREAM || null,
    tileCacheDir: env.TILE_CACHE_DIR || './data/tile-cache',
    mapGlyphsDir: env.MAP_GLYPHS_DIR || null,
    adminToken: env.ADMIN_TOKEN || null,
    logLevel: env.LOG_LEVEL || 'info',
    dataLicense: env.DATA_LICENSE || DEFAULT_DATA_LICENCE,
    exportCacheDir: env.EXPORT_CACHE_DIR || './data/export-cache',
    importMaxBytes: positiveNumber(env.IMPORT_MAX_MB, 'IMPORT_MAX_MB', 64) * 1024 * 1024,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Kvartal <kvartal@localhost>',
    telegramBotToken: env.TELEGRAM_BOT_TOKEN || null,
    trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY || 'loopback',
    telegramBotName: env.TELEGRAM_BOT_NAME || null,
    antiSpamKey: secret(env.ANTI_SPAM_KEY, 'ANTI_SPAM_KEY'),
  };
}

function positiveNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Shorter secrets can be guessed offline from one signed challenge; `openssl rand -hex 32` gives 64 characters. */
const MIN_SECRET_LENGTH = 32;

function secret(raw: string | undefined, name: string): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < MIN_SECRET_LENGTH)
    throw new Error(
      `${name} must be at least ${MIN_SECRET_LENGTH} characters long (try: openssl rand -hex 32)`,
    );
  return raw;
}
