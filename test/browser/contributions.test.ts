import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../src/domain/contributions/contribution.ts';
import { createMailer } from '../../src/gateways/mailer.ts';
import { mailNotifier } from '../../src/notifications/mail-notifier.ts';
import { createAdmin } from '../../src/usecases/accounts/manage-accounts.ts';
import { BACKENDS } from '../support/backends.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { linkIn, type MailCatcher, startMailCatcher } from '../support/smtp.ts';
import {
  DESKTOP,
  ensureClientBuilt,
  launchBrowser,
  RecordedContext,
  SCREENSHOT_DIR,
  skipBrowserTests,
  waitForMap,
} from './browser.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** A common phone (iPhone 12–15): the community pages are mostly used on one. */
const PHONE = { width: 390, height: 844 };
const SIZES = { phone: PHONE, desktop: DESKTOP } as const;
const ON_A_PHONE = { viewport: PHONE, isMobile: true, hasTouch: true };
/** The address mails link to; the links are followed on the test server instead. */
const SITE = 'http://kvartal.test';
const PASSWORD = 'correct horse battery staple';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n  ')}`,
  );
}

/** The whole page (forms and queues are longer than a screen), for looking at. */
async function screenshotPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

interface PlaceFields {
  name: string;
  category: string;
  lat: string;
  lon: string;
  address?: string;
  hours?: string;
  phone?: string;
  description?: string;
  languages?: string[];
  homeBased?: boolean;
  email?: string;
  comment?: string;
}

/** The suggest and edit forms are one form; ids are `f-` and the field's name. */
async function fillPlaceForm(page: Page, place: PlaceFields): Promise<void> {
  await page.fill('#f-name', place.name);
  await page.selectOption('#f-category', place.category);
  if (place.description !== undefined) await page.fill('#f-description', place.description);
  if (place.address !== undefined) await page.fill('#f-address', place.address);
  await page.fill('#f-lat', place.lat);
  await page.fill('#f-lon', place.lon);
  if (place.homeBased) await page.locator('input[name="home_based"]').check();
  if (place.hours !== undefined) await page.fill('#f-hours', place.hours);
  if (place.phone !== undefined) await page.fill('#f-contacts-phone', place.phone);
  for (const code of place.languages ?? [])
    await page.locator(`input[name="languages"][value="${code}"]`).check();
  if (place.email !== undefined) await page.fill('#f-email', place.email);
  if (place.comment !== undefined) await page.fill('#f-comment', place.comment);
}

/** The hidden ALTCHA field of the page's form, once the client script has solved its proof of work. */
async function solvedProof(page: Page): Promise<string> {
  const field = page.locator('form.community-form input[name="altcha"]');
  const handle = await field.elementHandle();
  await page.waitForFunction((input) => (input as HTMLInputElement).value !== '', handle, {
    timeout: 30_000,
  });
  return field.inputValue();
}

/** Resolves with the promise, or fails after `ms` (a mail that never comes must not hang the suite). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)),
  ]);
}

const idOf = (path: string) => Number(/\/p\/(\d+)/.exec(path)?.[1] ?? Number.NaN);

describe.skipIf(skipBrowserTests).each(BACKENDS)('contributions in the browser on %s', (backend) => {
  let server: TestServer;
  let mail: MailCatcher;
  let browser: Browser;
  /** A moderator's browser, signed in once through the one-time link form. */
  let admin: RecordedContext;
  let adminPage: Page;

  const open = (options: BrowserContextOptions = {}) => RecordedContext.open(browser, server.url, options);
  const url = (path: string) => `${server.url}${path}`;
  /** Another browser of the signed-in admin (e.g. a phone): the same session cookie. */
  const adminOn = async (options: BrowserContextOptions) =>
    open({ ...options, storageState: await admin.context.storageState() });

  const pending = async (name: string): Promise<Suggestion | undefined> =>
    (await server.ctx.storage.contributions.suggestions({ status: 'pending', limit: 500 })).find((s) =>
      Object.values(s.data.names).includes(name),
    );

  const apiSearch = async (q: string) => {
    const response = await fetch(url(`/api/v1/places?q=${encodeURIComponent(q)}`));
    const data = (await response.json()) as {
      features: Array<{ id: number; properties: { name: string; url: string } }>;
    };
    return data.features;
  };

  /** A moderator's entry in the queue, found by its heading. */
  const queueEntry = (page: Page, heading: string | RegExp) =>
    page.locator('article.queue-item', { has: page.getByRole('heading', { name: heading }) });

  /** The admin suggests a place through the form: from a moderator it goes live at once. */
  async function addPlace(place: PlaceFields): Promise<{ id: number; path: string }> {
    await adminPage.goto(url('/en/suggest'));
    await fillPlaceForm(adminPage, place);
    await adminPage.getByRole('button', { name: 'Send', exact: true }).click();
    await adminPage.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await adminPage.locator('[role="status"].lead').textContent()).toBe('Your change is live.');
    const path =
      (await adminPage.getByRole('link', { name: 'Back to the place' }).getAttribute('href')) ?? '';
    expect(path).toMatch(/^\/en\/p\/\d+-/);
    return { id: idOf(path), path };
  }

  /** A visitor sends the suggest form with JavaScript: the proof of work is solved before it goes. */
  async function suggestAsVisitor(page: Page, locale: string, place: PlaceFields): Promise<string> {
    await page.goto(url(`/${locale}/suggest`));
    await fillPlaceForm(page, place);
    const proof = await solvedProof(page);
    await page.locator('form.community-form button[type="submit"]').click();
    await page
      .locator('h1')
      .filter({ hasNotText: /Suggest|Предложить/ })
      .waitFor();
    return proof;
  }

  /** A new account through the sign-up form and the link in the mail it sends; signed in afterwards. */
  async function signUp(email: string, options: BrowserContextOptions = {}): Promise<RecordedContext> {
    const recorded = await open(options);
    const page = await recorded.page();
    await page.goto(url('/en/account/sign-up'));
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Public name (optional)').fill('Milica');
    await solvedProof(page);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    const link = linkIn(await within(mail.next(email), 10_000, `mail to ${email}`), SITE);
    expect(link).toMatch(/\/en\/account\/verify\?token=/);
    await page.goto(link.replace(SITE, server.url));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/en\/account$/);
    expect(await page.locator('.facts dd').first().textContent()).toBe(email);
    await page.close();
    return recorded;
  }

  beforeAll(async () => {
    // `npm test` builds the bundle first; a checkout without one gets it built here.
    if (!existsSync('dist/client/assets/app.js')) ensureClientBuilt();
    mail = await startMailCatcher();
    const notifier = mailNotifier(
      createMailer(mail.url, 'Kvartal <kvartal@test>', () => {}),
      SITE,
    );
    // The real clock: sessions expire by the app's clock, and a browser drops a cookie that expired by its own.
    server = await startTestServer({ backend, demo: 60, notifier });
    browser = await launchBrowser();

    const { path } = await createAdmin(server.ctx, 'admin@kvartal.test');
    admin = await open();
    adminPage = await admin.page();
    await adminPage.goto(url(`/en${path}`));
    expect(await adminPage.locator('h1').textContent()).toBe('Sign in');
    await adminPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await adminPage.waitForURL(/\/en\/account$/);
    expect(await adminPage.locator('.facts dd').nth(1).textContent()).toBe('Admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mail?.close();
  });

  it('takes a visitor’s suggestion with a solved proof of work; once approved it is on the map', async () => {
    const place: PlaceFields = {
      name: 'Пекарня «Жаворонок»',
      category: 'bakery',
      lat: '44.8176',
      lon: '20.4569',
      address: 'Cara Dušana 10',
      hours: 'Mo-Sa 07:00-20:00',
      phone: '+381 64 555 0101',
      description: 'Свежий хлеб и пирожки каждое утро.',
      languages: ['ru', 'sr'],
      email: 'anna@example.org',
      comment: 'Открылись в мае',
    };
    const visitor = await open();
    const page = await visitor.page();
    const proof = await suggestAsVisitor(page, 'ru', place);
    expect(proof.length).toBeGreaterThan(20);
    expect(await page.locator('h1').textContent()).toBe('Спасибо');
    expect(await page.locator('p.lead[role="status"]').textContent()).toMatch(/модератор/);
    const stored = await pending(place.name);
    expect(stored?.proofOfWork).toBe(true);
    expect(stored?.submitter.email).toBe('anna@example.org');
    expect(await apiSearch('Жаворонок')).toEqual([]);

    // The moderator sees what approving would change, field by field.
    await adminPage.goto(url('/en/moderation'));
    const entry = queueEntry(adminPage, `New place: ${place.name}`);
    await entry.waitFor();
    expect(await entry.locator('.queue-item__comment').textContent()).toBe('Открылись в мае');
    expect(await entry.locator('table.diff caption').textContent()).toBe('What approving changes');
    const rows = await entry
      .locator('table.diff tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
      );
    const row = (field: string) => rows.find((r) => r[0] === field);
    expect(row('Name')?.[1]).toBe('—');
    expect(row('Name')?.[2]).toContain(place.name);
    expect(row('Address')?.[2]).toBe('Cara Dušana 10');
    expect(row('Opening hours')?.[2]).toBe('Mo-Sa 07:00-20:00');
    expect(row('Latitude')?.[2]).toBe('44.8176');
    expect(row('Longitude')?.[2]).toBe('20.4569');
    expect(row('Contacts')?.[2]).toContain('+381 64 555 0101');
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['Category', 'Languages', 'Description']));
    await entry.getByRole('button', { name: 'Approve', exact: true }).click();
    await adminPage.waitForURL(/\/en\/moderation\?done=approved$/);
    expect(await adminPage.locator('.notice--done').textContent()).toBe('Approved and live.');
    expect(await queueEntry(adminPage, `New place: ${place.name}`).count()).toBe(0);

    // The sender hears back, with the place's address.
    const told = await within(mail.next('anna@example.org'), 10_000, 'mail to the sender');
    expect(told.subject).toContain(place.name);

    // On the map's list for a search of its name, and its page opens from there.
    await page.goto(url(`/ru/?q=${encodeURIComponent('Жаворонок')}`));
    await waitForMap(page);
    const card = page.locator('#cards .card__name a', { hasText: place.name });
    await card.waitFor();
    await card.click();
    await page.waitForURL(/\/ru\/p\/\d+-/);
    expect(await page.locator('h1').textContent()).toBe(place.name);
    expect(await page.locator('.place__address').textContent()).toContain('Cara Dušana 10');
    expect(linkIn(told, SITE).replace(SITE, '')).toBe(new URL(page.url()).pathname);
    expect((await apiSearch('Жаворонок')).map((f) => f.properties.name)).toEqual([place.name]);
    visitor.check();
    admin.check();
    await visitor.close();
  }, 120_000);

  it('lets an owner whose claim was approved edit the place, live at once', async () => {
    const place = await addPlace({
      name: 'Frizerski salon Lana',
      category: 'hair-salon',
      lat: '44.8125',
      lon: '20.4612',
      hours: 'Mo-Fr 09:00-17:00',
    });
    const owner = await signUp('lana@example.org');
    const page = await owner.page();
    await page.goto(url(place.path));
    await page.getByRole('link', { name: 'This is my place' }).click();
    await page.waitForURL(new RegExp(`/en/p/${place.id}/claim$`));
    await page
      .getByLabel('How can a moderator check that the place is yours?')
      .fill('Call the number on the sign, ask for Lana; or DM @lana_salon on Instagram.');
    await page.getByRole('button', { name: 'Send the claim' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.locator('p.lead[role="status"]').textContent()).toBe(
      'Your claim is waiting for a moderator.',
    );

    // Before the claim is approved, an edit waits for a moderator.
    await page.goto(url(`/en/p/${place.id}/edit`));
    expect(await page.locator('p.lead').first().textContent()).toContain(
      'A moderator checks every suggestion',
    );

    await adminPage.goto(url('/en/moderation'));
    const claim = adminPage.locator('section[aria-labelledby="h-claims"] article.queue-item', {
      hasText: 'Frizerski salon Lana',
    });
    expect(await claim.locator('.queue-item__comment').textContent()).toContain('@lana_salon');
    expect(await claim.locator('.queue-item__meta').textContent()).toContain('Milica');
    await claim.getByRole('button', { name: 'Approve', exact: true }).click();
    await adminPage.waitForURL(/\/en\/moderation\?done=approved$/);

    await page.goto(url(`/en/p/${place.id}/edit`));
    expect(await page.locator('p.lead').first().textContent()).toBe(
      'Your change goes live at once and is recorded in the place’s history.',
    );
    expect(await page.inputValue('#f-hours')).toBe('Mo-Fr 09:00-17:00');
    await page.fill('#f-hours', 'Mo-Sa 08:00-20:00');
    await page.fill('#f-description', 'Šišanje i farbanje, govorimo ruski.');
    await page.locator('form.community-form button[type="submit"]').click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.locator('p.lead[role="status"]').textContent()).toBe('Your change is live.');
    await page.getByRole('link', { name: 'Back to the place' }).click();
    await page.waitForURL(new RegExp(`/en/p/${place.id}-`));
    expect(await page.locator('.place__description').textContent()).toContain('govorimo ruski');
    expect(await page.locator('#h-hours ~ .hint code').textContent()).toBe('Mo-Sa 08:00-20:00');

    // A visitor sees the same at once; the account lists the place as the owner's.
    const visitor = await open({ javaScriptEnabled: false });
    const visitorPage = await visitor.page();
    await visitorPage.goto(url(place.path));
    expect(await visitorPage.locator('#h-hours ~ .hint code').textContent()).toBe('Mo-Sa 08:00-20:00');
    await page.goto(url('/en/account'));
    expect(await page.locator('section[aria-labelledby="h-owned"] a').allTextContents()).toEqual([
      'Frizerski salon Lana',
    ]);
    const versions = await server.ctx.storage.places.history(place.id);
    expect(versions.map((v) => v.action)).toEqual(['edit', 'create']);
    owner.check();
    visitor.check();
    await owner.close();
    await visitor.close();
  }, 120_000);

  it('groups a place’s reports, with their count and kinds, for the moderator', async () => {
    const place = await addPlace({
      name: 'Kafana Tri Šešira Test',
      category: 'cafe',
      lat: '44.8182',
      lon: '20.4653',
    });
    const visitor = await open();
    const page = await visitor.page();
    for (const [kind, message] of [
      ['It is on the map twice', 'Same as the one on Skadarska'],
      ['It is on the map twice', ''],
      ['It has closed', 'Shut since March'],
    ] as const) {
      await page.goto(url(`/en/p/${place.id}/report`));
      await page.getByLabel(kind).check();
      if (message) await page.getByLabel('Details (optional)').fill(message);
      await page.getByRole('button', { name: 'Send the report' }).click();
      await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      expect(await page.locator('p.lead[role="status"]').textContent()).toBe(
        'Thank you: a moderator will look at it.',
      );
    }
    await adminPage.goto(url('/en/moderation'));
    const group = adminPage.locator('section[aria-labelledby="h-reports"] article.queue-item', {
      hasText: 'Kafana Tri Šešira Test',
    });
    expect(await group.count()).toBe(1);
    expect((await group.locator('h3').textContent())?.replace(/\s+/g, ' ')).toMatch(
      /^Kafana Tri Šešira Test \(place № \d+\) — 3 reports$/,
    );
    expect(await group.locator('.report-kinds li').allTextContents()).toEqual([
      'It is on the map twice: 2',
      'It has closed: 1',
    ]);
    expect(await group.locator('.report-messages li').allTextContents()).toEqual([
      'It is on the map twice: Same as the one on Skadarska',
      'It has closed: Shut since March',
    ]);
    expect(await adminPage.locator('#h-reports').textContent()).toMatch(/^Reports \(\d+\)$/);
    visitor.check();
    await visitor.close();
  }, 120_000);

  it('reverts a place to its first version from the history page', async () => {
    const place = await addPlace({
      name: 'Vrtić Sunce Test',
      category: 'kindergarten',
      lat: '44.8052',
      lon: '20.4781',
      hours: 'Mo-Fr 07:00-17:00',
    });
    await adminPage.goto(url(`/en/p/${place.id}/edit`));
    await adminPage.fill('#f-hours', 'Mo-Fr 06:30-18:30');
    await adminPage.locator('form.community-form button[type="submit"]').click();
    await adminPage.getByRole('heading', { name: 'Thank you' }).waitFor();

    const visitor = await open({ javaScriptEnabled: false });
    const page = await visitor.page();
    await page.goto(url(place.path));
    expect(await page.locator('#h-hours ~ .hint code').textContent()).toBe('Mo-Fr 06:30-18:30');

    await adminPage.goto(url(`/en/p/${place.id}/history`));
    const titles = await adminPage.locator('.history__title').allTextContents();
    expect(titles.map((t) => t.split(' · ').slice(0, 2).join(' · '))).toEqual([
      'Version 2 · edited',
      'Version 1 · added',
    ]);
    // The current version offers no revert to itself.
    expect(await adminPage.locator('#v2 button').count()).toBe(0);
    await adminPage.locator('#v1').getByRole('button', { name: 'Revert to version 1' }).click();
    await adminPage.waitForURL(new RegExp(`/en/p/${place.id}/history\\?done=done$`));
    expect(await adminPage.locator('.notice--done').textContent()).toBe('Done.');
    expect(
      (await adminPage.locator('.history__title').first().textContent())?.startsWith('Version 3 · reverted'),
    ).toBe(true);

    await page.goto(url(place.path));
    expect(await page.locator('#h-hours ~ .hint code').textContent()).toBe('Mo-Fr 07:00-17:00');
    // Anyone may read the history; only moderators get the revert buttons.
    await page.goto(url(`/en/p/${place.id}/history`));
    expect(await page.locator('.history__version').count()).toBe(3);
    expect(await page.locator('.history button').count()).toBe(0);
    visitor.check();
    admin.check();
    await visitor.close();
  }, 120_000);

  it('merges a place into another from the queue; the old address answers 301 with the survivor', async () => {
    const a = await addPlace({
      name: 'Apoteka Dupla Test',
      category: 'pharmacy',
      lat: '44.8101',
      lon: '20.4702',
    });
    const b = await addPlace({
      name: 'Apoteka Prava Test',
      category: 'pharmacy',
      lat: '44.8102',
      lon: '20.4703',
    });
    const visitor = await open();
    const page = await visitor.page();
    await page.goto(url(`/en/p/${a.id}/report`));
    await page.getByLabel('It is on the map twice').check();
    await page.getByLabel('Details (optional)').fill(`The same pharmacy as place ${b.id}`);
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();

    await adminPage.goto(url('/en/moderation'));
    const group = adminPage.locator('section[aria-labelledby="h-reports"] article.queue-item', {
      hasText: 'Apoteka Dupla Test',
    });
    await group.getByLabel('Merge into place number').fill(String(b.id));
    await group.getByRole('button', { name: 'Merge', exact: true }).click();
    await adminPage.waitForURL(/\/en\/moderation\?done=done$/);
    expect(await adminPage.locator('section[aria-labelledby="h-reports"]').textContent()).not.toContain(
      'Apoteka Dupla Test',
    );

    const response = await page.goto(url(a.path));
    const first = response?.request().redirectedFrom();
    let hop = first;
    while (hop?.redirectedFrom()) hop = hop.redirectedFrom();
    expect(hop?.url()).toBe(url(a.path));
    expect((await hop?.response())?.status()).toBe(301);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(b.path);
    expect(await page.locator('h1').textContent()).toBe('Apoteka Prava Test');
    expect((await fetch(url(`/api/v1/places/${a.id}`))).status).toBe(404);
    visitor.check();
    await visitor.close();
  }, 120_000);

  it('never shows a home-based place’s exact position or address to the public', async () => {
    const exact = { lat: '44.80231', lon: '20.47117', address: 'Krunska 73, stan 4' };
    const place: PlaceFields = {
      name: 'Manikir kod Olge',
      category: 'nails',
      ...exact,
      homeBased: true,
      hours: 'Tu-Sa 10:00-18:00',
    };
    const visitor = await open();
    const page = await visitor.page();
    await suggestAsVisitor(page, 'en', place);
    expect(await page.locator('h1').textContent()).toBe('Thank you');
    await adminPage.goto(url('/en/moderation'));
    const entry = queueEntry(adminPage, `New place: ${place.name}`);
    await entry.getByRole('button', { name: 'Approve', exact: true }).click();
    await adminPage.waitForURL(/\/en\/moderation\?done=approved$/);

    const [found] = await apiSearch('Manikir kod Olge');
    expect(found?.properties.name).toBe(place.name);
    const id = Number(found?.id);
    const leaks = (html: string) =>
      [exact.lat, exact.lon, 'Krunska', exact.lat.replace('.', ','), exact.lon.replace('.', ',')].filter(
        (s) => html.includes(s),
      );

    await page.goto(url(`/en/p/${id}`));
    await page.waitForURL(/\/en\/p\/\d+-/);
    expect(await page.locator('h1').textContent()).toBe(place.name);
    expect(await page.locator('.place__approximate').isVisible()).toBe(true);
    expect(leaks(await page.content())).toEqual([]);
    const shown = await page.locator('#place-map').evaluate((el) => [el.dataset.lat, el.dataset.lon]);
    expect(Math.abs(Number(shown[0]) - Number(exact.lat))).toBeLessThan(0.003);
    expect(shown).not.toEqual([exact.lat, exact.lon]);

    await page.goto(url(`/en/p/${id}/history`));
    expect(await page.locator('.history__version').count()).toBe(1);
    expect(leaks(await page.content())).toEqual([]);
    // Nor does the public edit form, nor the API.
    await page.goto(url(`/en/p/${id}/edit`));
    expect(leaks(await page.content())).toEqual([]);
    expect(leaks(await (await fetch(url(`/api/v1/places/${id}`))).text())).toEqual([]);

    // The moderator does see the exact address (so the checks above look where it would be).
    await adminPage.goto(url(`/en/p/${id}/history`));
    expect(await adminPage.locator('.history').textContent()).toContain('Krunska 73, stan 4');
    visitor.check();
    await visitor.close();
  }, 120_000);

  it('takes a suggestion without JavaScript: no proof of work, held for moderation and marked so', async () => {
    const visitor = await open({ javaScriptEnabled: false });
    const page = await visitor.page();
    const place: PlaceFields = {
      name: 'Knjižara Bez Skripte',
      category: 'bookstore',
      lat: '44.8160',
      lon: '20.4590',
      hours: 'Mo-Fr 10:00-19:00',
      languages: ['ru'],
    };
    await page.goto(url('/en/suggest'));
    await fillPlaceForm(page, place);
    expect(await page.locator('input[name="altcha"]').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.locator('p.lead[role="status"]').textContent()).toBe(
      'Your suggestion is waiting for a moderator. Thank you for keeping the map true.',
    );
    const stored = await pending(place.name);
    expect(stored?.proofOfWork).toBe(false);
    expect(stored?.status).toBe('pending');

    await adminPage.goto(url('/en/moderation'));
    expect(
      await queueEntry(adminPage, `New place: ${place.name}`).locator('.queue-item__meta').textContent(),
    ).toContain('sent without the anti-spam check');
    visitor.check();
    await visitor.close();
  }, 60_000);

  describe('pages: accessibility and looks', () => {
    let reportedPath = '';
    let historyPath = '';

    beforeAll(async () => {
      // The queue holds a suggestion with its diff, a report group and a claim; a place has a history.
      const reported = await addPlace({
        name: 'Pekara Kod Mosta Test',
        category: 'bakery',
        lat: '44.8197',
        lon: '20.4521',
        hours: 'Mo-Su 06:00-22:00',
        phone: '+381 11 555 0199',
        description: 'Burek, kifle, hleb.',
      });
      reportedPath = reported.path;
      await adminPage.goto(url(`/en/p/${reported.id}/edit`));
      await adminPage.fill('#f-hours', 'Mo-Sa 06:00-21:00; Su 08:00-14:00');
      await adminPage.fill('#f-description', 'Burek, kifle, hleb. Nedeljom kraće.');
      await adminPage.locator('form.community-form button[type="submit"]').click();
      await adminPage.getByRole('heading', { name: 'Thank you' }).waitFor();
      historyPath = `/en/p/${reported.id}/history`;

      const visitor = await open();
      const page = await visitor.page();
      for (const kind of ['It has moved', 'Some information is wrong']) {
        await page.goto(url(`/en/p/${reported.id}/report`));
        await page.getByLabel(kind).check();
        await page
          .getByLabel('Details (optional)')
          .fill('Now two doors down, next to the florist; phone changed.');
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      }
      await suggestAsVisitor(page, 'ru', {
        name: 'Детский центр «Матрёшка»',
        category: 'kindergarten',
        lat: '45.2551',
        lon: '19.8452',
        address: 'Bulevar oslobođenja 30',
        hours: 'Mo-Fr 08:00-18:00',
        phone: '+381 21 555 0123',
        description: 'Группы на русском языке для детей от 3 до 7 лет.',
        languages: ['ru', 'sr'],
        comment: 'Я там работаю воспитателем, сайт скоро будет.',
      });
      await visitor.close();
    }, 120_000);

    for (const [size, viewport] of Object.entries(SIZES)) {
      const options = size === 'phone' ? ON_A_PHONE : { viewport };

      it(`has no WCAG 2.1 AA violations on the visitors’ pages (${size})`, async () => {
        const visitor = await open(options);
        const page = await visitor.page();
        const found: Record<string, string[]> = {};
        const check = async (name: string) => {
          found[name] = await violations(page);
          expect(await noSidewaysScroll(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        };
        await page.goto(url('/en/account/sign-in'));
        await check('sign-in');
        await page.goto(url('/ru/account/sign-up'));
        await check('sign-up');
        await page.goto(url(`/en/p/${idOf(reportedPath)}/report`));
        await check('report form');
        await page.goto(url(historyPath));
        await check('history (public)');

        // The suggest form, refused by the server for its opening hours: the problem is named at the top
        // and at the field, and what was typed stays.
        await page.goto(url('/en/suggest'));
        await check('suggest form');
        await fillPlaceForm(page, {
          name: 'Kafić Pogrešno Vreme',
          category: 'cafe',
          lat: '44.8150',
          lon: '20.4600',
          hours: 'whenever we feel like it',
          email: 'not-checked@example.org',
        });
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await page.locator('#form-problem').waitFor();
        expect(await page.locator('#f-hours').getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator('#f-hours-error').isVisible()).toBe(true);
        expect(await page.inputValue('#f-name')).toBe('Kafić Pogrešno Vreme');
        expect(await page.inputValue('#f-email')).toBe('not-checked@example.org');
        await check('suggest form with an error');
        await screenshotPage(page, `contributions-suggest-error-${size}`);

        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
        // The browser logs the refused form's 400; nothing else may go wrong.
        expect(visitor.errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
        visitor.checkRequests();
        await visitor.close();
      }, 120_000);

      it(`has no WCAG 2.1 AA violations on the signed-in pages, the queue and the log (${size})`, async () => {
        const recorded = await adminOn(options);
        const page = await recorded.page();
        const found: Record<string, string[]> = {};
        const check = async (name: string) => {
          found[name] = await violations(page);
          expect(await noSidewaysScroll(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        };
        await page.goto(url('/en/moderation'));
        // The queue has what a moderator decides on: a suggestion with its diff, a report group, a claim.
        expect(await page.locator('section[aria-labelledby="h-queue"] table.diff').count()).toBeGreaterThan(
          0,
        );
        expect(await page.locator('section[aria-labelledby="h-reports"] article').count()).toBeGreaterThan(0);
        await check('moderation queue');
        await screenshotPage(page, `contributions-moderation-${size}`);
        await page.goto(url(historyPath));
        await check('history (moderator)');
        await screenshotPage(page, `contributions-history-${size}`);
        await page.goto(url('/en/account'));
        await check('account');
        await page.goto(url('/en/admin/audit'));
        expect(await page.locator('table.audit tbody tr').count()).toBeGreaterThan(0);
        await check('audit log');
        await page.goto(url(`/en/p/${idOf(reportedPath)}/claim`));
        await check('claim form');
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
        recorded.check();
        await recorded.close();
      }, 120_000);
    }
  });
});
