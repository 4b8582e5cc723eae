import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSession, DESKTOP, PHONE, screenshot, skipBrowserTests, waitForMap } from './browser.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n  ')}`,
  );
}

const SIZES = { phone: PHONE, desktop: DESKTOP } as const;

describe.skipIf(skipBrowserTests)('accessibility (WCAG 2.1 AA, axe-core)', () => {
  const session = browserSession();
  let placePath = '';

  beforeAll(async () => {
    const response = await fetch(`${session.server.url}/api/v1/places?category=cafe&limit=1`);
    const data = (await response.json()) as { features: Array<{ properties: { url: string } }> };
    placePath = data.features[0]?.properties.url ?? '';
  });

  for (const locale of ['ru', 'sr-Cyrl', 'en']) {
    for (const [sizeName, viewport] of Object.entries(SIZES)) {
      it(`has no violations on the home page in ${locale} on a ${sizeName}`, async () => {
        const recorded = await session.open({ viewport });
        const page = await recorded.page();
        await page.goto(`${session.server.url}/${locale}/`);
        await waitForMap(page);
        expect(await violations(page)).toEqual([]);
        // With the filters and the locale menu open, the controls in them are checked too.
        await page.locator('#filters-more > summary').click();
        await page.locator('.locales__menu > summary').click();
        expect(await violations(page)).toEqual([]);
        await screenshot(page, `a11y-home-${locale}-${sizeName}`);
        recorded.check();
        await recorded.close();
      }, 90_000);

      it(`has no violations on a place page in ${locale} on a ${sizeName}`, async () => {
        const recorded = await session.open({ viewport });
        const page = await recorded.page();
        await page.goto(`${session.server.url}/${locale}${placePath}`);
        await waitForMap(page, '#place-map');
        expect(await violations(page)).toEqual([]);
        await screenshot(page, `a11y-place-${locale}-${sizeName}`);
        recorded.check();
        await recorded.close();
      }, 60_000);
    }
  }

  it('has no violations on the API page and the 404 page', async () => {
    const recorded = await session.open({ viewport: PHONE });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/uk/api`);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'a11y-api-uk-phone');
    await page.goto(`${session.server.url}/en/no-such-page`);
    expect(await violations(page)).toEqual([]);
    recorded.checkRequests();
    await recorded.close();
  });

  it('lets a keyboard user skip to the content and see where focus is', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#main');
    await recorded.close();
  });
});
