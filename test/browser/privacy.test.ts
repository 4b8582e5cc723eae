import { describe, expect, it } from 'vitest';
import { browserSession, PHONE, skipBrowserTests, waitForMap } from './browser.ts';

describe.skipIf(skipBrowserTests)('the browser talks only to the Kvartal server', () => {
  const session = browserSession();

  const devices = { desktop: {}, phone: { viewport: PHONE, isMobile: true, hasTouch: true } };
  for (const [device, options] of Object.entries(devices)) {
    it(`requests nothing from another host on any page, in any locale, while using the map (${device})`, async () => {
      const recorded = await session.open(options);
      const page = await recorded.page();
      for (const locale of ['ru', 'sr-Latn', 'sr-Cyrl', 'en', 'uk']) {
        await page.goto(`${session.server.url}/${locale}/`);
        await waitForMap(page);
      }
      // Use the map: zoom into a cluster, filter, search, open a place, read the API docs, hit a 404.
      await page.goto(`${session.server.url}/en/`);
      await waitForMap(page);
      await page.evaluate(() => document.getElementById('map')?.removeAttribute('data-ready'));
      await page.locator('#map button.cluster').first().click();
      await waitForMap(page);
      await page.locator('#filters-more > summary').click();
      await page.locator('input[name="open_now"]').check();
      await page.fill('#f-q', 'kafa');
      await page.locator('.filters__search button').click();
      await page.goto(`${session.server.url}/en/?c=44.8235,20.4645&z=17`);
      await waitForMap(page);
      await page.locator('#cards .card__name a').first().click();
      await waitForMap(page, '#place-map');
      await page.goto(`${session.server.url}/en/api`);
      await page.goto(`${session.server.url}/en/p/99999999-missing`);

      expect(recorded.requests.length).toBeGreaterThan(20);
      expect(recorded.foreign).toEqual([]);
      await recorded.close();
    }, 120_000);
  }

  it('sends a Content-Security-Policy that allows only this server', async () => {
    const response = await fetch(`${session.server.url}/en/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:/);
  });
});
