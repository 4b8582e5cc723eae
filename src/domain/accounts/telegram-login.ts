import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verifying what the Telegram Login Widget hands to the site after someone logs in
 * (https://core.telegram.org/widgets/login-legacy#checking-authorization). Telegram signs every field it sends
 * with a key only it and the bot's owner know (SHA-256 of the bot token), so a valid hash proves the fields
 * came from Telegram for this bot, unchanged.
 *
 * All received fields are signed, including ones this code does not know yet: the caller passes exactly what
 * arrived (the redirect's query, or the object `data-onauth` got) and nothing of its own. An auth URL that
 * carries its own parameters (a return address) would fail here; keep those in a cookie instead.
 */

export interface TelegramUser {
  /** Telegram's user id, as digits: ids can outgrow what a client may safely hold as a number. */
  telegramId: string;
  displayName: string;
  username?: string;
}

export type TelegramLoginResult =
  | { ok: true; user: TelegramUser }
  | { ok: false; field: string; message: string };

export interface TelegramLoginOptions {
  botToken: string;
  now: Date;
  /** How old a login may be; Telegram's data has no nonce, so this bounds how long a copy can be replayed. */
  maxAgeSeconds?: number;
  /** How far Telegram's clock may run ahead of this server's. */
  clockSkewSeconds?: number;
}

export const TELEGRAM_LOGIN_MAX_AGE_SECONDS = 24 * 60 * 60;
export const TELEGRAM_CLOCK_SKEW_SECONDS = 60;

// A key with `=` or a line feed, or a value with a line feed, could regroup the same check string into other
// fields (a name that swallows the next line) and keep the signature valid: refuse them before hashing.
const KEY = /^[a-z0-9_]{1,64}$/;

const fail = (field: string, message: string): TelegramLoginResult => ({ ok: false, field, message });

/** The fields as text, the way Telegram signed them; the JSON callback gives `id` and `auth_date` as numbers. */
function receivedFields(
  received: Readonly<Record<string, unknown>>,
): Map<string, string> | TelegramLoginResult {
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(received)) {
    if (!KEY.test(key)) return fail(key, 'is not a field the Telegram Login Widget sends');
    if (Array.isArray(value)) return fail(key, 'was given more than once');
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
    else return fail(key, 'must be text or a whole number');
    if (/[\r\n]/.test(text)) return fail(key, 'must not contain line breaks');
    fields.set(key, text);
  }
  return fields;
}

/** Telegram's data-check-string: every received field but `hash`, sorted by key, `key=value` per line. */
export function telegramDataCheckString(fields: ReadonlyMap<string, string>): string {
  return [...fields]
    .filter(([key]) => key !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

/** The hex signature Telegram would send for these fields; tests sign with it, the check compares with it. */
export function telegramLoginHash(fields: ReadonlyMap<string, string>, botToken: string): string {
  const secretKey = createHash('sha256').update(botToken).digest();
  return createHmac('sha256', secretKey).update(telegramDataCheckString(fields)).digest('hex');
}

function displayName(fields: ReadonlyMap<string, string>, telegramId: string): string {
  const name = [fields.get('first_name'), fields.get('last_name')]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return name || fields.get('username')?.trim() || telegramId;
}

export function verifyTelegramLogin(
  received: Readonly<Record<string, unknown>>,
  options: TelegramLoginOptions,
): TelegramLoginResult {
  if (!options.botToken) return fail('hash', 'cannot be checked: no bot token is configured');
  const fields = receivedFields(received);
  if (!(fields instanceof Map)) return fields;

  const hash = fields.get('hash');
  if (hash === undefined) return fail('hash', 'is missing: the data is not signed');
  if (!/^[0-9a-f]{64}$/i.test(hash)) return fail('hash', 'must be 64 hexadecimal digits');
  const expected = Buffer.from(telegramLoginHash(fields, options.botToken), 'hex');
  // Constant time, so the response time does not tell how much of a guessed hash was right.
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) {
    return fail('hash', "does not match the data: it was changed, or signed for another site's bot");
  }

  const telegramId = fields.get('id');
  if (telegramId === undefined || !/^[1-9]\d{0,19}$/.test(telegramId)) {
    return fail('id', 'must be a Telegram user id (digits)');
  }
  const authDate = fields.get('auth_date');
  if (authDate === undefined || !/^\d{1,12}$/.test(authDate)) {
    return fail('auth_date', 'must be the login time in seconds since 1970');
  }
  const age = Math.floor(options.now.getTime() / 1000) - Number(authDate);
  if (age > (options.maxAgeSeconds ?? TELEGRAM_LOGIN_MAX_AGE_SECONDS)) {
    return fail('auth_date', 'is too old: log in with Telegram again');
  }
  if (age < -(options.clockSkewSeconds ?? TELEGRAM_CLOCK_SKEW_SECONDS)) {
    return fail('auth_date', 'is in the future');
  }

  // `photo_url` is left out on purpose: showing it would make browsers ask Telegram's servers for it.
  const username = fields.get('username')?.trim();
  return {
    ok: true,
    user: { telegramId, displayName: displayName(fields, telegramId), ...(username ? { username } : {}) },
  };
}
