/**
 * The XSS corpus (test/fixtures/xss-payloads.txt) in every text field of a place; then every page that shows
 * places (test/support/place-pages.ts) opened in Chromium, under the CSP and without it: no payload may run,
 * none may become markup, and JSON-LD must stay JSON.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Locale, pickText } from '../../src/domain/locales.ts';
import { createAdmin } from '../../src/usecases/accounts/manage-accounts.ts';
import { startSession } from '../../src/usecases/accounts/sessions.ts';
import { richTextToPlain } from '../../src/web/components/rich-text.ts';
import { BACKENDS } from '../support/backends.ts';
import { type PageShowingPlace, pagesShowingPlace } from '../support/place-pages.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  CORPUS_TAG,
  type Outcome,
  PAYLOADS,
  type StoredPlace,
  storePastValidation,
  storeThroughApi,
} from '../support/xss-corpus.ts';
import {
  ensureClientBuilt,
  launchBrowser,
  PINNED_NOW,
  RecordedContext,
  skipBrowserTests,
  waitForMap,
} from './browser.ts';
import { frameReport, installTrap, openAndInspect, type PageReport, withoutCsp } from './xss-detector.ts';

/**
 * English everywhere; Russian too with the CSP removed: there the descriptions wrap each payload in Markdown
 * (bold, a list, a link text) and the names carry a prefix.
 */
const LOCALE: Locale = 'en';
const LOCALES_WITHOUT_CSP: Locale[] = ['en', 'ru'];

/** The name a page in `locale` shows (the place was named in English first). */
function shownName(place: StoredPlace, locale: Locale): string {
  return pickText(place.names, locale, 'en');
}

/** The place's own page: its name is the heading, and its JSON-LD parses and says what the place says. */
async function ownPageProblems(page: Page, place: StoredPlace, locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  const name = shownName(place, locale);
  const heading = (await page.locator('h1').textContent())?.trim();
  if (heading !== name.trim()) problems.push(`the heading reads ${JSON.stringify(heading)}`);
  const scripts = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((all) => all.map((s) => s.textContent ?? ''));
  if (scripts.length !== 1) return [...problems, `${scripts.length} JSON-LD scripts`];
  let jsonLd: { name?: string; description?: string };
  try {
    jsonLd = JSON.parse(scripts[0] ?? '');
  } catch {
    return [...problems, `JSON-LD does not parse: ${scripts[0]?.slice(0, 200)}`];
  }
  if (jsonLd.name !== name) problems.push(`JSON-LD name ${JSON.stringify(jsonLd.name)}`);
  const description = pickText(place.descriptions, locale, 'en');
  if (description && jsonLd.description !== richTextToPlain(description))
    problems.push(`JSON-LD description ${JSON.stringify(jsonLd.description)}`);
  return problems;
}

interface Visit {
  page: PageShowingPlace;
  url: string;
  locale: Locale;
  place: StoredPlace;
}

/**
 * Puts every payload place in the moderation queue — a report each, and a pending edit whose diff shows the
 * payload on both sides — and returns a moderator's session for the pages.
 */
async function queueForModeration(server: TestServer, places: StoredPlace[]): Promise<string> {
  const { storage } = server.ctx;
  for (const stored of places) {
    const place = await storage.places.get(stored.id);
    if (!place) continue;
    await storage.contributions.addReport({
      placeId: place.id,
      kind: 'wrong-info',
      message: stored.payload,
      submitter: { userId: null, email: null, locale: 'ru' },
      createdAt: new Date().toISOString(),
    });
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...data } = place;
    await storage.contributions.addSuggestion({
      kind: 'edit',
      placeId: place.id,
      baseVersion: place.version,
      data: { ...data, descriptions: { ...data.descriptions, en: `${stored.payload} (edited)` } },
      comment: stored.payload,
      submitter: { userId: null, email: null, locale: 'en' },
      proofOfWork: false,
      status: 'pending',
      createdAt: new Date().toISOString(),
    });
  }
  const { user } = await createAdmin(server.ctx, 'xss-moderator@kvartal.test');
  return (await startSession(server.ctx, user.id)).token;
}

/** Each page once (a list shared by many places is opened once). */
function visits(serverUrl: string, places: StoredPlace[], locales: Locale[]): Visit[] {
  const byUrl = new Map<string, Visit>();
  for (const locale of locales) {
    for (const place of places) {
      for (const page of pagesShowingPlace(place, locale)) {
        const url = `${serverUrl}${page.path}`;
        if (!byUrl.has(url)) byUrl.set(url, { page, url, locale, place });
      }
    }
  }
  return [...byUrl.values()];
}

async function visitAll(
  browser: Browser,
  serverUrl: string,
  places: StoredPlace[],
  csp: boolean,
  moderatorSession: string,
): Promise<{ reports: PageReport[]; recorded: RecordedContext }> {
  const recorded = await RecordedContext.open(browser, serverUrl);
  // As a moderator: every page a visitor sees, plus the queue and the moderators' buttons.
  await recorded.context.addCookies([{ name: 'kvartal_session', value: moderatorSession, url: serverUrl }]);
  await recorded.context.addInitScript(installTrap);
  if (!csp) await withoutCsp(recorded);
  const queue = visits(serverUrl, places, csp ? [LOCALE] : LOCALES_WITHOUT_CSP);
  const reports: PageReport[] = [];
  const worker = async () => {
    const page = await recorded.page();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`dialog ${dialog.type()}: ${dialog.message()} at ${page.url()}`);
      void dialog.dismiss();
    });
    for (let visit = queue.shift(); visit; visit = queue.shift()) {
      const report = await openAndInspect(page, visit.url, visit.locale, visit.page.kind, dialogs);
      if (visit.page.kind === 'place')
        report.ownPage = await ownPageProblems(page, visit.place, visit.locale);
      reports.push(report);
    }
    await page.close();
  };
  // A few pages at a time: each has a WebGL map to start.
  await Promise.all([worker(), worker(), worker()]);
  return { reports, recorded };
}

describe.skipIf(skipBrowserTests)('stored XSS payloads', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    let server: TestServer | undefined;
    let browser: Browser | undefined;
    const places: StoredPlace[] = [];
    let moderatorSession = '';
    const outcomes = new Map<string, Record<Outcome, number>>();

    beforeAll(async () => {
      ensureClientBuilt();
      server = await startTestServer({ backend, demo: false, now: PINNED_NOW });
      browser = await launchBrowser();
      for (const [i, payload] of PAYLOADS.entries()) {
        const stored = await storeThroughApi(server, payload, i + 1);
        places.push(stored.place);
        for (const [field, outcome] of stored.outcomes) {
          const counts = outcomes.get(field) ?? { raw: 0, wrapped: 0, refused: 0 };
          counts[outcome]++;
          outcomes.set(field, counts);
        }
      }
      places.push(...(await storePastValidation(server)));
      moderatorSession = await queueForModeration(server, places);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    const started = () => {
      if (!server || !browser) throw new Error('the server or the browser did not start');
      return { server, browser };
    };

    it('stores the corpus in every text field a place has; free-text fields take nearly all of it', () => {
      expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
      const table = [...outcomes].map(
        ([field, c]) => `${field}: ${c.raw} as is, ${c.wrapped} wrapped, ${c.refused} refused`,
      );
      console.info(`payloads stored per field (${PAYLOADS.length} payloads):\n  ${table.join('\n  ')}`);
      const raw = (field: string) => outcomes.get(field)?.raw ?? 0;
      for (const field of ['names', 'descriptions', 'address']) {
        expect(raw(field), field).toBeGreaterThanOrEqual(PAYLOADS.length - 2);
      }
      expect(raw('tags'), 'tags (at most 60 characters)').toBeGreaterThan(PAYLOADS.length / 2);
      // Contacts and hours are checked against strict patterns: most payloads are refused, as they should
      // be; a few fit (an e-mail address, a URL, a comment in the hours) and are shown on the pages.
      expect((outcomes.get('contacts.website')?.wrapped ?? 0) + raw('contacts.website')).toBeGreaterThan(5);
      expect((outcomes.get('contacts.email')?.wrapped ?? 0) + raw('contacts.email')).toBeGreaterThan(5);
    });

    it('notices a payload that does run: the check can fail', async () => {
      const { server, browser } = started();
      const recorded = await RecordedContext.open(browser, server.url);
      await recorded.context.addInitScript(installTrap);
      await withoutCsp(recorded);
      // The home page with an escaping mistake put in on the way.
      await recorded.context.route('**/en/', async (route) => {
        const response = await route.fetch();
        const markup = (await response.text()).replace(
          '</main>',
          `<img src="/no-such-image" onerror="__xss('control')"><a href=" javascript:__xss('control')">x</a></main>`,
        );
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        return route.fulfill({ response, body: markup, headers });
      });
      const page = await recorded.page();
      const report = await openAndInspect(page, `${server.url}/en/`, 'en', 'list', []);
      expect(report.hits.some((hit) => hit.startsWith('__xss(control)'))).toBe(true);
      expect(report.injected.some((problem) => problem.startsWith('onerror'))).toBe(true);
      expect(report.injected.some((problem) => problem.startsWith('href= javascript:'))).toBe(true);
      await recorded.close();
    });

    for (const csp of [true, false]) {
      it(`runs no payload on any page that shows places, ${csp ? 'under the CSP' : 'with the CSP header removed'}`, async () => {
        const { server, browser } = started();
        const { reports, recorded } = await visitAll(browser, server.url, places, csp, moderatorSession);
        expect(reports.length).toBeGreaterThan(places.length);
        const failures = reports.flatMap((report) => [
          ...(report.status === 200 ? [] : [`${report.url}: answered ${report.status}`]),
          ...report.hits.map((hit) => `ran: ${hit}`),
          ...report.injected.map((problem) => `${report.url}: ${problem}`),
          ...report.ownPage.map((problem) => `${report.url}: ${problem}`),
          // The payloads are there, as text: a list that showed none of them would prove nothing.
          ...(report.kind === 'none' || places.some((p) => report.text.includes(shownName(p, report.locale)))
            ? []
            : [`${report.url}: shows none of the places`]),
        ]);
        expect(failures).toEqual([]);
        // Under the CSP a blocked inline script shows as a console error; without it, a broken payload might.
        recorded.check();
        await recorded.close();
      }, 600_000);
    }

    it('shows the payloads as text in the lists and in the search suggestions', async () => {
      const { server, browser } = started();
      const recorded = await RecordedContext.open(browser, server.url);
      await recorded.context.addInitScript(installTrap);
      await withoutCsp(recorded);
      const page = await recorded.page();
      await page.goto(`${server.url}/${LOCALE}/?q=${CORPUS_TAG}`);
      await waitForMap(page);
      const names = new Set(places.map((p) => shownName(p, LOCALE).trim()));
      const listed = (await page.locator('#cards .card__name').allTextContents()).map((t) => t.trim());
      expect(listed.length).toBeGreaterThan(PAYLOADS.length / 2);
      expect(listed.filter((name) => !names.has(name))).toEqual([]);

      await page.locator('#f-q').fill('');
      await page.locator('#f-q').pressSequentially('xss', { delay: 40 });
      await page.locator('#f-q-suggestions [role="option"]').first().waitFor({ timeout: 5000 });
      const labels = await page
        .locator('#f-q-suggestions .suggest__option--place .suggest__label')
        .allTextContents();
      expect(labels.length).toBeGreaterThan(0);
      const allNames = new Set(places.flatMap((p) => Object.values(p.names).map((n) => n.trim())));
      expect(labels.filter((label) => !allNames.has(label.trim()))).toEqual([]);
      const report = await frameReport(page.mainFrame());
      expect(report).toEqual({ hits: [], injected: [] });
      recorded.check();
      await recorded.close();
    });
  });
});
