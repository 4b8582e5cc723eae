import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvents, addPlaces, busyPlaces, EVENTS, INSIGHTS_NOW, REAL_PLACES } from '../insights/fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  DESKTOP,
  ensureClientBuilt,
  launchBrowser,
  PHONE,
  RecordedContext,
  SCREENSHOT_DIR,
  skipBrowserTests,
} from './browser.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
}

/** The whole page in screen-high parts (`name-1.png`, …): a long page in one image is too small to judge. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? DESKTOP;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let part = 0; part * viewport.height < height; part++) {
    const y = part * viewport.height;
    await page.screenshot({
      path: resolve(SCREENSHOT_DIR, `${name}-${part + 1}.png`),
      fullPage: true,
      clip: { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) },
    });
  }
}

describe.skipIf(skipBrowserTests)('the insights page in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startTestServer({ demo: false, now: INSIGHTS_NOW });
    await addPlaces(server.ctx, [...REAL_PLACES, ...busyPlaces(60)]);
    await addEvents(server.ctx, [
      ...EVENTS,
      {
        titles: { ru: 'Детский театр' },
        type: 'children',
        start: '2024-09-07T11:00',
        rrule: 'FREQ=MONTHLY;COUNT=9',
        city: 'belgrade',
      },
      { titles: { ru: 'Концерт' }, type: 'concert', start: '2024-12-20T20:00', city: 'belgrade' },
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`has no WCAG 2.1 AA violations, loads nothing from another host and fits the screen (${size})`, async () => {
      const recorded = await RecordedContext.open(browser, server.url, { viewport });
      const page = await recorded.page();
      for (const locale of ['ru', 'sr-Latn', 'en']) {
        const response = await page.goto(`${server.url}/${locale}/insights/belgrade`);
        expect(response?.status(), locale).toBe(200);
        expect(await page.locator('svg.chart[role="img"]').count(), locale).toBeGreaterThanOrEqual(5);
        expect(await violations(page), locale).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        expect(overflow, locale).toBeLessThanOrEqual(0);
      }
      await fullScreenshot(page, `insights-en-${size}`);
      recorded.check();
      await recorded.close();
    }, 90_000);
  }

  it('looks right in Russian and Serbian, on screen and in print', async () => {
    const recorded = await RecordedContext.open(browser, server.url, { viewport: DESKTOP });
    const page = await recorded.page();
    await page.goto(`${server.url}/ru/insights/belgrade`);
    await fullScreenshot(page, 'insights-ru-desktop');
    await page.goto(`${server.url}/sr-Latn/insights/belgrade`);
    await fullScreenshot(page, 'insights-sr-Latn-desktop');
    await page.emulateMedia({ media: 'print' });
    await fullScreenshot(page, 'insights-sr-Latn-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/ru/insights/belgrade`);
    await fullScreenshot(page, 'insights-ru-phone');
    // Every CSV link downloads from this server.
    const hrefs = await page
      .locator('.insight__download a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(6);
    for (const href of hrefs)
      expect(href).toMatch(
        /^\/api\/v1\/insights\/[a-z-]+\.csv\?city=belgrade&from=2024-07&to=2025-06&locale=ru$/,
      );
    recorded.check();
    await recorded.close();
  }, 60_000);
});
