import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/server.ts';
import { browserSession, DESKTOP, PHONE, screenshot, skipBrowserTests, waitForMap } from './browser.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const DESCRIPTION = `Family bakery with a **wood-fired oven**, open since 1998. We bake *every morning* and keep a shelf of bread from the day before at half price.

What we bake:
- sourdough rye and wheat loaves
- *pirozhki* with cabbage or potato
- honey cake on weekends (order ahead: hleb@example.org)

1. Come in before 9:00 for warm bread
2. Ask for the day's special

Menu and photos on [our website](https://example.org/menu) and https://example.org/photos.

<script>alert(1)</script> is shown as text; an image becomes a link: ![pixel](https://tracker.example/p.png).`;

describe.skipIf(skipBrowserTests)('a place description in Markdown', () => {
  const session = browserSession();
  let path = '';

  beforeAll(async () => {
    const response = await fetch(`${session.server.url}/api/v1/places`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        names: { en: 'Hleb i so', 'sr-Latn': 'Hleb i so' },
        descriptions: { en: DESCRIPTION },
        category: 'bakery',
        lon: 20.4651,
        lat: 44.8125,
        address: 'Cara Dušana 12',
        hours: 'Mo-Sa 07:00-20:00',
        languages: ['sr', 'ru', 'en'],
        contacts: { website: 'https://example.org/', phone: '+381 11 123 4567' },
      }),
    });
    expect(response.status).toBe(201);
    path = ((await response.json()) as { properties: { url: string } }).properties.url;
  });

  it('shows paragraphs, emphasis, lists and links, and nothing else as markup', async () => {
    const recorded = await session.open({ viewport: DESKTOP });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en${path}`);
    await waitForMap(page, '#place-map');
    const description = page.locator('.place__description');
    expect(await description.locator('p').count()).toBe(4);
    expect(await description.locator('ul > li').allTextContents()).toEqual([
      'sourdough rye and wheat loaves',
      'pirozhki with cabbage or potato',
      'honey cake on weekends (order ahead: hleb@example.org)',
    ]);
    expect(await description.locator('ol > li').count()).toBe(2);
    expect(await description.locator('strong').allTextContents()).toEqual(['wood-fired oven']);
    const links = await description
      .locator('a')
      .evaluateAll((all) => all.map((a) => `${a.getAttribute('href')} ${a.getAttribute('rel')}`));
    expect(links).toEqual([
      'https://example.org/menu nofollow ugc noopener',
      'https://example.org/photos nofollow ugc noopener',
      'https://tracker.example/p.png nofollow ugc noopener',
    ]);
    expect(await description.locator('img, script').count()).toBe(0);
    expect(await description.textContent()).toContain('<script>alert(1)</script> is shown as text');
    // Search engines and link previews get the text without Markdown.
    const meta = await page.locator('meta[name="description"]').getAttribute('content');
    expect(meta).toMatch(/^Family bakery with a wood-fired oven, open since 1998\. We bake every morning/);
    expect(meta?.length).toBeLessThanOrEqual(200);
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '',
    ) as { description: string };
    expect(jsonLd.description).toContain('What we bake:\n\nsourdough rye and wheat loaves\n');
    expect(jsonLd.description).not.toMatch(/\*|\]\(/);

    const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await screenshot(page, 'place-description-desktop');
    recorded.check();
    await recorded.close();
  }, 60_000);

  it('fits a phone: nothing in the description widens the page', async () => {
    const recorded = await session.open({ viewport: PHONE });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en${path}`);
    await waitForMap(page, '#place-map');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'place-description-phone');
    recorded.check();
    await recorded.close();
  }, 60_000);
});
