import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramLoginHash } from '../../src/domain/accounts/telegram-login.ts';
import { BACKENDS } from '../support/backends.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const BOT = { telegramBotToken: '123456:test-bot-token', telegramBotName: 'kvartal_test_bot' };

function signedQuery(fields: Record<string, string>): string {
  const hash = telegramLoginHash(new Map(Object.entries(fields)), BOT.telegramBotToken);
  return new URLSearchParams({ ...fields, hash }).toString();
}

describe.each(BACKENDS)('Log in with Telegram on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend, demo: 5, config: BOT });
  });
  afterAll(() => server.close());

  const callback = (query: string) =>
    fetch(`${server.url}/ru/account/telegram/callback?${query}`, { redirect: 'manual' });
  const fields = () => ({
    id: '987654321',
    first_name: 'Ана',
    username: 'ana_bg',
    auth_date: String(Math.floor(Date.now() / 1000)),
  });

  it('signs in with a signed login, creating the account once, and accepts each signature once', async () => {
    const query = signedQuery(fields());
    const first = await callback(query);
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toMatch(/kvartal_session=[^;]+;.*HttpOnly/i);
    const user = await server.ctx.storage.users.byTelegramId('987654321');
    expect(user?.displayName).toBe('Ана');
    expect(user?.role).toBe('contributor');
    const replay = await callback(query);
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie') ?? '').not.toMatch(/kvartal_session=[^;]/);
    const again = await callback(
      signedQuery({ ...fields(), auth_date: String(Math.floor(Date.now() / 1000) - 5) }),
    );
    expect(again.status).toBe(303);
    expect(await server.ctx.storage.users.count()).toBe(1);
  });

  it('refuses changed fields and another bot’s signature, naming the problem', async () => {
    const tampered = signedQuery(fields()).replace('ana_bg', 'admin');
    const response = await callback(tampered);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('hash');
  });

  it('allows telegram.org only on the Telegram page, and only when a bot is configured', async () => {
    const page = await fetch(`${server.url}/en/account/telegram`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('https://telegram.org');
    expect(await page.text()).toContain('data-telegram-login="kvartal_test_bot"');
    const other = await fetch(`${server.url}/en/account/sign-in`);
    expect(other.headers.get('content-security-policy')).not.toContain('telegram.org');
    expect(await other.text()).toContain('/en/account/telegram');
  });
});

describe('without a Telegram bot', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: 5 });
  });
  afterAll(() => server.close());

  it('has no Telegram page and no link to it', async () => {
    expect((await fetch(`${server.url}/en/account/telegram`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/en/account/sign-in`)).text()).not.toContain('account/telegram');
  });
});
