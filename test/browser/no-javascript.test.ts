import { describe, expect, it } from 'vitest';
import { browserSession, PHONE, screenshot, skipBrowserTests } from './browser.ts';

describe.skipIf(skipBrowserTests)('pages with JavaScript off', () => {
  const session = browserSession();

  it('lists places, filters them with the plain form and pages through them', async () => {
    const recorded = await session.open({ javaScriptEnabled: false });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/`);
    // No map without JavaScript: its panel is hidden, the list is the page.
    await expect.poll(() => page.locator('.map-panel').isVisible()).toBe(false);
    expect(await page.locator('#cards > li').count()).toBe(50);
    expect(await page.locator('.notice--demo').textContent()).toContain('npx kvartal demo --clear');

    await page.locator('#filters-more > summary').click();
    await page.selectOption('#f-category', 'hair-salon');
    await page.selectOption('#f-city', 'belgrade');
    await page.locator('input[name="languages"][value="en"]').check();
    await page.locator('.filters__actions button[type="submit"]').click();
    await page.waitForURL(/category=hair-salon/);
    const url = new URL(page.url());
    expect(url.searchParams.get('city')).toBe('belgrade');
    expect(url.searchParams.getAll('languages')).toEqual(['en']);
    const categories = await page.locator('#cards .cat').allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set(['Hair salon']));
    const places = await page.locator('#cards .card__where').allTextContents();
    expect(places.every((where) => where.endsWith('Belgrade'))).toBe(true);
    const langs = await page.locator('#cards .langs').allTextContents();
    expect(langs.every((text) => text.includes('English'))).toBe(true);
    await screenshot(page, 'home-en-nojs-filtered');
    recorded.check();
    await recorded.close();
  });

  it('follows the next-page link and finds a text search', async () => {
    const recorded = await session.open({
      javaScriptEnabled: false,
      viewport: PHONE,
    });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/`);
    const ids = () =>
      page.locator('#cards > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    const firstPage = await ids();
    await page.locator('a.pager__next').click();
    await page.waitForURL(/cursor=/);
    const secondPage = await ids();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    expect(await page.locator('.pager a:not(.pager__next)').textContent()).toBe('К первой странице');

    await page.fill('#f-q', 'сырники');
    await page.locator('.filters__search button').click();
    await page.waitForURL(/q=/);
    expect(await page.locator('#cards > li').count()).toBeGreaterThan(0);
    await screenshot(page, 'home-ru-nojs-phone-search');
    recorded.check();
    await recorded.close();
  });

  it('shows the place page with hours, contacts and structured data', async () => {
    const recorded = await session.open({ javaScriptEnabled: false });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/?category=cafe`);
    await page.locator('#cards .card__name a').first().click();
    await page.waitForURL(/\/en\/p\/\d+-/);
    await expect
      .poll(() => page.locator('.place__header .status').textContent())
      .toMatch(/^(Open now|Closed)/);
    expect(await page.locator('table.week tr').count()).toBe(7);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(page.url());
    expect(await page.locator('link[rel="alternate"][hreflang]').count()).toBe(6);
    await screenshot(page, 'place-en-nojs');
    recorded.check();
    await recorded.close();
  });
});
