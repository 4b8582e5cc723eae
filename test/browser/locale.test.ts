import { describe, expect, it } from 'vitest';
import { browserSession, PHONE, screenshot, skipBrowserTests, waitForMap } from './browser.ts';

const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN_LETTER = /[A-Za-zČčĆćŠšŽžĐđ]/;

describe.skipIf(skipBrowserTests)('interface locales', () => {
  const session = browserSession();

  it('follows Accept-Language on the first visit and remembers a locale picked in the switcher', async () => {
    const recorded = await session.open({ locale: 'sr-Latn-RS' });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/`);
    await page.waitForURL(/\/sr-Latn\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
    await waitForMap(page);

    await page.locator('.locales__menu > summary').click();
    await page.locator('.locales__list a[hreflang="sr-Cyrl"]').click();
    await page.waitForURL(/\/sr-Cyrl\//);
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Cyrl');
    await waitForMap(page);

    // Everything the interface says is in Cyrillic: headings, labels, buttons, list entries, statuses.
    const texts = await page
      .locator(
        'h1, label, legend, button[type="submit"], summary, .results__status, .card .cat, .card .status',
      )
      .allTextContents();
    const words = texts
      .join(' ')
      .split(/\s+/)
      .filter((w) => LATIN_LETTER.test(w));
    // Only names that stay Latin in Serbian Cyrillic text are allowed (the brand, command names, codes).
    expect(words.filter((w) => !/^(Kvartal|RU|SR|EN|UK|npx|kvartal|demo|--clear|24\/7)$/.test(w))).toEqual(
      [],
    );
    expect(CYRILLIC.test(texts.join(' '))).toBe(true);
    expect(await page.locator('#cards .card__name').first().textContent()).toMatch(CYRILLIC);
    await screenshot(page, 'home-sr-Cyrl-desktop');

    // The choice sticks: the bare address now leads to the Cyrillic interface.
    await page.goto(`${session.server.url}/`);
    await page.waitForURL(/\/sr-Cyrl\/$/);
    recorded.check();
    await recorded.close();
  });

  it('keeps the map view and filters when switching locale', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/?category=cafe&c=44.8150,20.4600&z=13`);
    await waitForMap(page);
    await page.locator('.locales__menu > summary').click();
    await page.locator('.locales__list a[hreflang="uk"]').click();
    await page.waitForURL(/\/uk\/\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('category')).toBe('cafe');
    expect(url.searchParams.get('z')).toBe('13');
    expect(await page.locator('#f-category').inputValue()).toBe('cafe');
    expect(await page.locator('#cards .cat').first().textContent()).toBe('Кав’ярня');
    recorded.check();
    await recorded.close();
  });

  it('shows opening hours, weekday names and place texts in each locale', async () => {
    const recorded = await session.open({ viewport: PHONE, isMobile: true });
    const page = await recorded.page();
    const expectations: Record<string, RegExp> = {
      ru: /Понедельник/,
      'sr-Latn': /Ponedeljak/,
      'sr-Cyrl': /Понедељак/,
      en: /Monday/,
      uk: /Понеділок/,
    };
    await page.goto(`${session.server.url}/ru/?category=cafe`);
    const href = (await page.locator('#cards .card__name a').first().getAttribute('href')) ?? '';
    const path = href.replace(/^\/ru/, '');
    for (const [locale, weekday] of Object.entries(expectations)) {
      await page.goto(`${session.server.url}/${locale}${path}`);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.locator('table.week').textContent()).toMatch(weekday);
      await waitForMap(page, '#place-map');
      await screenshot(page, `place-${locale}-phone`);
    }
    recorded.check();
    await recorded.close();
  });

  it('answers an unknown page with a 404 page in the chosen locale', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    const response = await page.goto(`${session.server.url}/uk/p/999999-nothing`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Сторінку не знайдено');
    await screenshot(page, 'not-found-uk');
    recorded.checkRequests();
    await recorded.close();
  });
});
