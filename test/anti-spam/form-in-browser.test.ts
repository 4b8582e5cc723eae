import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AntiSpamResult, checkAntiSpam } from '../../src/http/anti-spam/check.ts';
import { antiSpamFields, PROOF_OF_WORK_FORM } from '../../src/http/anti-spam/honeypot.ts';
import { antiSpamRoutes } from '../../src/http/anti-spam/routes.ts';
import { html } from '../../src/web/html.ts';
import { messages } from '../../src/web/i18n/index.ts';
import { ensureClientBuilt, launchBrowser, RecordedContext, skipBrowserTests } from '../browser/browser.ts';
import { InMemorySpentChallenges, KEY } from './support.ts';

/** The pages' policy (src/web/routes.ts), so that the worker and the challenge request are checked under it. */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "form-action 'self'",
].join('; ');

const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Suggest a place</title><link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script></head>
<body><main><h1>Suggest a place</h1>
<form method="post" action="/suggest" ${PROOF_OF_WORK_FORM}>
<label for="name">Name</label> <input id="name" name="name" required>
${antiSpamFields(messages('en').antiSpam)}
<button type="submit" name="send" value="yes">Send</button>
</form></main></body></html>`;

/** The app's client bundle, the challenge route and a form route that answers its anti-spam verdict. */
async function formApp(received: Array<AntiSpamResult & { send?: string }>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(formbody);
  await app.register(fastifyStatic, { root: resolve('dist/client/assets'), prefix: '/assets/' });
  await app.register(antiSpamRoutes, { prefix: '/api/v1', key: KEY });
  const deps = { key: KEY, spent: new InMemorySpentChallenges(), now: () => new Date() };
  app.get('/form', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', POLICY).send(page.value),
  );
  // Chromium asks for one after showing the JSON answer.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.post('/suggest', async (request) => {
    const result = await checkAntiSpam(request.body, deps);
    const { send } = request.body as { send?: string };
    received.push(send === undefined ? result : { ...result, send });
    return result;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

describe.skipIf(skipBrowserTests)('an anonymous form in the browser', () => {
  const received: Array<AntiSpamResult & { send?: string }> = [];
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  let url = '';

  beforeAll(async () => {
    ensureClientBuilt();
    app = await formApp(received);
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(javaScriptEnabled = true): Promise<{ recorded: RecordedContext; page: Page }> {
    if (!browser) throw new Error('the browser did not start');
    const recorded = await RecordedContext.open(browser, url, { javaScriptEnabled });
    const page = await recorded.page();
    await page.goto(`${url}/form`);
    return { recorded, page };
  }

  const submitted = (page: Page) =>
    page.waitForResponse((r) => r.url().endsWith('/suggest') && r.request().method() === 'POST');

  it('solves the proof of work once someone starts on the form, off the main thread', async () => {
    const { recorded, page } = await open();
    expect(await page.inputValue('input[name="altcha"]')).toBe('');
    await page.fill('#name', 'Kafana');
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[name="altcha"]')?.value,
      null,
      {
        timeout: 15_000,
      },
    );
    const answer = submitted(page);
    await page.click('button[type="submit"]');
    expect(await (await answer).json()).toEqual({ ok: true, proofOfWork: true });
    expect(received.at(-1)).toEqual({ ok: true, proofOfWork: true, send: 'yes' });
    // Solved by the worker (allowed by the page policy), not by the fallback on the page's own thread.
    expect(
      recorded.requests.some((u) => new URL(u).pathname.startsWith('/assets/proof-of-work-worker')),
    ).toBe(true);
    recorded.check();
    await recorded.close();
  });

  it('waits for the proof of work when the form is sent at once, and says so', async () => {
    const { recorded, page } = await open();
    const answer = submitted(page);
    // Filled in and sent in one task, without events that start solving: nothing can have been solved yet.
    const status = await page.evaluate(() => {
      const form = document.querySelector('form');
      const name = document.querySelector<HTMLInputElement>('#name');
      if (name) name.value = 'Kafana';
      form?.requestSubmit(form.querySelector('button'));
      return document.querySelector('[role="status"]')?.textContent;
    });
    expect(status).toMatch(/^One moment: /);
    expect(await (await answer).json()).toEqual({ ok: true, proofOfWork: true });
    // The button's name and value still go with the form sent after the wait.
    expect(received.at(-1)).toEqual({ ok: true, proofOfWork: true, send: 'yes' });
    recorded.check();
    await recorded.close();
  });

  it('is sent without a proof of work when JavaScript is off', async () => {
    const { recorded, page } = await open(false);
    await page.fill('#name', 'Kafana');
    const answer = submitted(page);
    await page.click('button[type="submit"]');
    expect(await (await answer).json()).toEqual({ ok: true, proofOfWork: false });
    recorded.checkRequests();
    await recorded.close();
  });

  it('keeps the honeypot out of sight, out of the tab order and out of the accessibility tree', async () => {
    const { recorded, page } = await open();
    await page.focus('#name');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
    const box = await page.locator('input[name="homepage"]').boundingBox();
    expect(box === null || box.x + box.width <= 0).toBe(true);
    const snapshot = await page.locator('form').ariaSnapshot();
    expect(snapshot).not.toMatch(/empty/i);
    // With the waiting text shown as well.
    await page.evaluate(() => {
      const status = document.querySelector<HTMLElement>('[role="status"]');
      if (status) status.textContent = status.dataset.waiting ?? '';
    });
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    recorded.check();
    await recorded.close();
  });
});
