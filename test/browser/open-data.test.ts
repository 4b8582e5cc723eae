import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession, DESKTOP, ensureClientBuilt, PHONE, skipBrowserTests } from './browser.ts';
import { configuredApp } from './configured-app.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LOCALES = ['ru', 'sr-Latn', 'sr-Cyrl', 'en', 'uk'];
const EXPORTS = ['/api/v1/export.geojson', '/api/v1/export.kml', '/api/v1/export.csv'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
}

describe('the open-data page', () => {
  let cc: Awaited<ReturnType<typeof configuredApp>>;
  let odbl: Awaited<ReturnType<typeof configuredApp>>;
  let cc0: Awaited<ReturnType<typeof configuredApp>>;

  beforeAll(async () => {
    ensureClientBuilt();
    [cc, odbl, cc0] = await Promise.all([
      configuredApp({ dataLicense: 'CC-BY-4.0', publicUrl: 'https://karta.example.org' }),
      configuredApp(),
      configuredApp({ dataLicense: 'CC0-1.0' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([cc?.close(), odbl?.close(), cc0?.close()]);
  });

  it('names the licence from DATA_LICENSE, links it, and gives the attribution line with PUBLIC_URL', async () => {
    const response = await cc.app.inject({ url: '/en/open-data' });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain(
      '<a href="https://creativecommons.org/licenses/by/4.0/" lang="en" rel="license">Creative Commons Attribution 4.0 International</a>',
    );
    expect(body).toContain('<code>CC-BY-4.0</code>');
    expect(body).toContain(
      'Place data © Kvartal (https://karta.example.org) contributors, published under the Creative Commons Attribution 4.0 International, https://creativecommons.org/licenses/by/4.0/.',
    );
    expect(body).toContain('Credit the source.');
    // CC BY asks for credit only: nothing about sharing alike.
    expect(body).not.toContain('Share alike.');
  });

  it('says what ODbL (the default) asks, and that a public-domain licence asks nothing', async () => {
    const odblPage = (await odbl.app.inject({ url: '/ru/open-data' })).body;
    expect(odblPage).toContain('https://opendatacommons.org/licenses/odbl/1-0/');
    expect(odblPage).toContain('Указывайте источник.');
    expect(odblPage).toContain('Распространяйте на тех же условиях.');
    const cc0Page = (await cc0.app.inject({ url: '/en/open-data' })).body;
    expect(cc0Page).toContain('Creative Commons Zero 1.0');
    expect(cc0Page).toContain('Nothing: the data is in the public domain.');
    expect(cc0Page).not.toContain('Credit the source.');
  });

  it('links the three exports, the API docs and the embed builder in every locale', async () => {
    for (const locale of LOCALES) {
      const response = await odbl.app.inject({ url: `/${locale}/open-data` });
      expect(response.statusCode, locale).toBe(200);
      for (const href of EXPORTS) expect(response.body, `${locale} ${href}`).toContain(`href="${href}"`);
      expect(response.body).toContain('href="/api/docs"');
      expect(response.body).toContain(`href="/${locale}/embed"`);
      expect(response.body).toContain(`<html lang="${locale}"`);
    }
  });

  it('is linked from the footer of every page, in its locale', async () => {
    for (const locale of LOCALES) {
      for (const path of ['', 'api', 'open-data']) {
        const body = (await odbl.app.inject({ url: `/${locale}/${path}` })).body;
        const footer = body.slice(body.indexOf('<footer class="site-footer">'));
        expect(footer, `/${locale}/${path}`).toContain(`href="/${locale}/open-data"`);
        expect(footer, `/${locale}/${path}`).toContain(`href="/${locale}/embed"`);
      }
    }
  });

  it('sends a visitor without a locale to the page in theirs', async () => {
    const response = await odbl.app.inject({ url: '/open-data', headers: { 'accept-language': 'uk' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/uk/open-data');
  });
});

describe.skipIf(skipBrowserTests)('the open-data page in the browser', () => {
  const session = browserSession();

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`has no WCAG 2.1 AA violations and loads nothing from another host (${size})`, async () => {
      const recorded = await session.open({ viewport });
      const page = await recorded.page();
      for (const locale of ['ru', 'sr-Cyrl', 'en']) {
        await page.goto(`${session.server.url}/${locale}/open-data`);
        expect(await page.locator('h1').textContent()).not.toBe('');
        expect(await violations(page), locale).toEqual([]);
      }
      const hrefs = await page
        .locator('a.download__link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(EXPORTS);
      // Nothing on the page is wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      recorded.check();
      await recorded.close();
    }, 60_000);
  }
});
