import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyTelegramLogin } from '../../../src/domain/accounts/telegram-login.ts';

const BOT_TOKEN = '123456789:AAE-test-token-for-kvartal-tests_only';
const NOW = new Date('2026-03-10T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

/** Signs as Telegram documents it, written out here rather than borrowed from the code under test. */
function sign(fields: Record<string, string | number>, token = BOT_TOKEN): Record<string, string | number> {
  const checkString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secretKey = createHash('sha256').update(token).digest();
  return { ...fields, hash: createHmac('sha256', secretKey).update(checkString).digest('hex') };
}

const LOGIN = {
  id: '987654321',
  first_name: 'Ана',
  last_name: 'Петровић',
  username: 'ana_p',
  photo_url: 'https://t.me/i/userpic/320/ana_p.jpg',
  auth_date: String(NOW_SECONDS - 30),
};

const verify = (received: Record<string, unknown>, options: { maxAgeSeconds?: number } = {}) =>
  verifyTelegramLogin(received, { botToken: BOT_TOKEN, now: NOW, ...options });

describe('Log in with Telegram', () => {
  it('accepts data signed with the bot token and names the user', () => {
    expect(verify(sign(LOGIN))).toEqual({
      ok: true,
      user: { telegramId: '987654321', displayName: 'Ана Петровић', username: 'ana_p' },
    });
  });

  it('accepts the JSON callback form, where id and auth_date are numbers', () => {
    const result = verify(sign({ id: 42, first_name: 'Ivan', auth_date: NOW_SECONDS - 5 }));
    expect(result).toEqual({ ok: true, user: { telegramId: '42', displayName: 'Ivan' } });
  });

  it('refuses data with a changed field', () => {
    const signed = sign(LOGIN);
    for (const [field, value] of [
      ['id', '111111111'],
      ['username', 'someone_else'],
      ['auth_date', String(NOW_SECONDS)],
    ] as const) {
      expect(verify({ ...signed, [field]: value })).toMatchObject({ ok: false, field: 'hash' });
    }
    const { last_name: _dropped, ...withoutLastName } = signed;
    expect(verify(withoutLastName)).toMatchObject({ ok: false, field: 'hash' });
  });

  it("refuses data signed with another bot's token", () => {
    const result = verify(sign(LOGIN, '999999999:AAE-another-bot'));
    expect(result).toEqual({
      ok: false,
      field: 'hash',
      message: "does not match the data: it was changed, or signed for another site's bot",
    });
  });

  it('refuses unsigned data and a malformed hash', () => {
    expect(verify(LOGIN)).toEqual({
      ok: false,
      field: 'hash',
      message: 'is missing: the data is not signed',
    });
    expect(verify({ ...LOGIN, hash: 'abc' })).toMatchObject({ ok: false, field: 'hash' });
    expect(verify({ ...LOGIN, hash: 'z'.repeat(64) })).toMatchObject({ ok: false, field: 'hash' });
  });

  it('refuses a login older than a day, and one from the future beyond a small skew', () => {
    const dayAgo = NOW_SECONDS - 24 * 60 * 60;
    expect(verify(sign({ ...LOGIN, auth_date: dayAgo }))).toMatchObject({ ok: true });
    expect(verify(sign({ ...LOGIN, auth_date: dayAgo - 1 }))).toEqual({
      ok: false,
      field: 'auth_date',
      message: 'is too old: log in with Telegram again',
    });
    expect(verify(sign(LOGIN), { maxAgeSeconds: 10 })).toMatchObject({ ok: false, field: 'auth_date' });
    expect(verify(sign({ ...LOGIN, auth_date: NOW_SECONDS + 30 }))).toMatchObject({ ok: true });
    expect(verify(sign({ ...LOGIN, auth_date: NOW_SECONDS + 600 }))).toEqual({
      ok: false,
      field: 'auth_date',
      message: 'is in the future',
    });
  });

  it('counts an unknown field in the check string, as Telegram signs every field it sends', () => {
    const signedWithExtra = sign({ ...LOGIN, allows_write_to_pm: 'true' });
    expect(verify(signedWithExtra)).toMatchObject({ ok: true, user: { telegramId: '987654321' } });
    // Added after signing (say, the site's own `next` parameter), it breaks the signature.
    expect(verify({ ...sign(LOGIN), next: '/ru/' })).toMatchObject({ ok: false, field: 'hash' });
  });

  it('refuses fields that could regroup the check string, and repeated fields', () => {
    // "first_name=Ана\nid=5" signed as two fields must not pass as one field holding a line break.
    const signed = sign({ auth_date: LOGIN.auth_date, first_name: 'Ана', id: '5' });
    const { id: _id, ...rest } = signed;
    expect(verify({ ...rest, first_name: 'Ана\nid=5' })).toMatchObject({ ok: false, field: 'first_name' });
    expect(verify({ ...signed, 'x=y': '1' })).toMatchObject({ ok: false, field: 'x=y' });
    expect(verify({ ...signed, id: ['5', '6'] })).toMatchObject({ ok: false, field: 'id' });
  });

  it('needs a user id and a login time, even when signed', () => {
    expect(verify(sign({ first_name: 'Ana', auth_date: LOGIN.auth_date }))).toMatchObject({
      ok: false,
      field: 'id',
    });
    expect(verify(sign({ id: '5', first_name: 'Ana' }))).toMatchObject({ ok: false, field: 'auth_date' });
  });

  it('falls back to the username, then the id, for the display name', () => {
    const noName = sign({ id: '7', username: 'only_handle', auth_date: LOGIN.auth_date });
    expect(verify(noName)).toMatchObject({ ok: true, user: { displayName: 'only_handle' } });
    const bare = sign({ id: '7', auth_date: LOGIN.auth_date });
    expect(verify(bare)).toEqual({ ok: true, user: { telegramId: '7', displayName: '7' } });
  });

  it('refuses to check anything without a bot token', () => {
    const result = verifyTelegramLogin(sign(LOGIN, ''), { botToken: '', now: NOW });
    expect(result).toMatchObject({ ok: false, field: 'hash' });
  });
});
