import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, DESKTOP, PHONE, screenshot, skipBrowserTests, waitForMap } from './browser.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LISTBOX = '#f-q-suggestions';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n  ')}`,
  );
}

/** Types like a person (one key at a time) and waits for the list to open. */
async function typeAndWait(page: Page, text: string): Promise<void> {
  await page.locator('#f-q').click();
  await page.locator('#f-q').pressSequentially(text, { delay: 40 });
  await page.locator(`${LISTBOX} [role="option"]`).first().waitFor({ timeout: 5000 });
}

const optionTexts = (page: Page, selector = '') =>
  page.locator(`${LISTBOX} [role="option"]${selector} .suggest__label`).allTextContents();

describe.skipIf(skipBrowserTests)('search suggestions (combobox)', () => {
  const session = browserSession();

  it('suggests as you type, with the matched part marked, after a pause in typing', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/`);
    await waitForMap(page);
    const box = page.locator('#f-q');
    // The combobox pattern (ARIA 1.2): the box controls a listbox, closed at first.
    expect(await box.getAttribute('role')).toBe('combobox');
    expect(await box.getAttribute('aria-autocomplete')).toBe('list');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-controls')).toBe(LISTBOX.slice(1));
    expect(await page.locator(LISTBOX).getAttribute('role')).toBe('listbox');

    await typeAndWait(page, 'сырн');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const options = page.locator(`${LISTBOX} [role="option"]`);
    const count = await options.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(10);
    // Every option has an id (for aria-activedescendant) and none is selected yet.
    const ids = await options.evaluateAll((all) => all.map((o) => o.id));
    expect(new Set(ids).size).toBe(count);
    expect(ids.every(Boolean)).toBe(true);
    expect(await page.locator(`${LISTBOX} [aria-selected="true"]`).count()).toBe(0);
    const marks = await page.locator(`${LISTBOX} .suggest__option--place mark`).allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((m) => /^сырн/i.test(m))).toBe(true);
    // Places are grouped under a heading; the detail (category · neighbourhood) is muted text.
    expect(await page.locator(`${LISTBOX} .suggest__group--place .suggest__heading`).textContent()).toBe(
      'Места',
    );
    expect(await page.locator(`${LISTBOX} .suggest__detail`).first().textContent()).toMatch(/ · /);
    // The count is read out politely.
    await expect
      .poll(() => page.locator('.search-box [role="status"]').textContent())
      .toMatch(/^\d+ подсказ/);
    // Four keys, one pause: the debounce asked the server fewer times than there were keys.
    const asked = recorded.requests.filter((url) => url.includes('/api/v1/suggest?'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(4);
    expect(asked.every((url) => new URL(url).searchParams.get('locale') === 'ru')).toBe(true);
    await screenshot(page, 'suggest-ru-desktop');
    recorded.check();
    await recorded.close();
  });

  it('moves through the options with the arrow keys and opens the place page with Enter', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/`);
    await waitForMap(page);
    await typeAndWait(page, 'самовар');
    const box = page.locator('#f-q');
    const active = () =>
      page.evaluate(() => {
        const id = document.getElementById('f-q')?.getAttribute('aria-activedescendant');
        const option = id ? document.getElementById(id) : null;
        return option
          ? {
              kind: [...option.classList].find((c) => c.startsWith('suggest__option--')) ?? '',
              selected: option.getAttribute('aria-selected'),
              label: option.querySelector('.suggest__label')?.textContent ?? '',
            }
          : null;
      });
    expect(await active()).toBeNull();
    await box.press('ArrowDown');
    let current = await active();
    expect(current?.selected).toBe('true');
    // Up from the first option goes back to the box, Up again to the last option.
    await box.press('ArrowUp');
    expect(await active()).toBeNull();
    await box.press('ArrowUp');
    expect((await active())?.selected).toBe('true');
    await box.press('ArrowDown');
    expect(await active()).toBeNull();
    // Down to the first place; only one option is selected at a time; the focus stays in the box.
    do {
      await box.press('ArrowDown');
      current = await active();
    } while (current && current.kind !== 'suggest__option--place');
    expect(current?.kind).toBe('suggest__option--place');
    expect(await page.locator(`${LISTBOX} [aria-selected="true"]`).count()).toBe(1);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'suggest-ru-desktop-active');
    await box.press('Enter');
    await page.waitForURL(/\/ru\/p\/\d+-[a-z0-9-]+$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe(current?.label);
    recorded.check();
    await recorded.close();
  });

  it('offers the category for a category word in any language, and a click opens it', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/sr-Latn/`);
    await waitForMap(page);
    await typeAndWait(page, 'frizer');
    expect(await optionTexts(page, '.suggest__option--category')).toContain('Frizerski salon');

    await page.goto(`${session.server.url}/ru/`);
    await waitForMap(page);
    await typeAndWait(page, 'парикмахер');
    const category = page.locator(`${LISTBOX} .suggest__option--category`).first();
    expect(await category.locator('.suggest__label').textContent()).toBe('Парикмахерская');
    expect(await category.locator('mark').textContent()).toMatch(/^Парикмахер/);
    await category.click();
    await page.waitForURL(/\/ru\/\?category=hair-salon/);
    expect(await page.locator('#f-category').inputValue()).toBe('hair-salon');
    const badges = await page.locator('#cards .cat').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['Парикмахерская']));
    recorded.check();
    await recorded.close();
  });

  it('offers neighbourhoods typed without diacritics, in the city chosen', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/?city=belgrade`);
    await waitForMap(page);
    await typeAndWait(page, 'dorcol');
    expect(await optionTexts(page, '.suggest__option--neighbourhood')).toContain('Dorćol');
    const asked = recorded.requests.filter((url) => url.includes('/api/v1/suggest?'));
    expect(asked.at(-1) && new URL(asked.at(-1) ?? '').searchParams.get('city')).toBe('belgrade');
    recorded.check();
    await recorded.close();
  });

  it('closes on Escape (a second Escape clears the box), on Tab and on a click elsewhere', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/`);
    await waitForMap(page);
    const box = page.locator('#f-q');
    const listbox = page.locator(LISTBOX);
    await typeAndWait(page, 'kafa');
    await box.press('ArrowDown');
    await box.press('Escape');
    expect(await listbox.isVisible()).toBe(false);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    expect(await box.inputValue()).toBe('kafa');
    // Down opens it again.
    await box.press('ArrowDown');
    await expect.poll(() => listbox.isVisible()).toBe(true);
    await box.press('Escape');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');

    await typeAndWait(page, 'kafa');
    await box.press('Tab');
    expect(await listbox.isVisible()).toBe(false);

    await typeAndWait(page, 'kafa');
    await page.locator('#results-heading ~ #results-status').click();
    expect(await listbox.isVisible()).toBe(false);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    recorded.check();
    await recorded.close();
  });

  it('submits the search as before when Enter is pressed with no option chosen', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/`);
    await waitForMap(page);
    await typeAndWait(page, 'kafa');
    await page.locator('#f-q').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('kafa');
    expect(new URL(page.url()).pathname).toBe('/en/');
    expect(await page.locator(LISTBOX).isVisible()).toBe(false);
    recorded.check();
    await recorded.close();
  });

  it('drops an answer that came too late: the stale request is aborted', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    const aborted: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().includes('/api/v1/suggest?')) aborted.push(request.url());
    });
    // The first question is answered slowly.
    await page.route('**/api/v1/suggest?q=frizer*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${session.server.url}/en/`);
    await waitForMap(page);
    const box = page.locator('#f-q');
    await box.fill('frizer');
    await expect
      .poll(() => recorded.requests.some((url) => url.includes('/api/v1/suggest?q=frizer')))
      .toBe(true);
    await box.fill('samovar');
    await page.locator(`${LISTBOX} [role="option"]`).first().waitFor();
    await expect.poll(() => aborted.length).toBeGreaterThan(0);
    await page.waitForTimeout(1700);
    const labels = await optionTexts(page);
    expect(labels.some((label) => /samovar|самовар/i.test(label))).toBe(true);
    expect(labels).not.toContain('Hair salon');
    recorded.check();
    await recorded.close();
  });

  for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
    it(`has no WCAG 2.1 AA violations with the list open, and fits a ${size}`, async () => {
      const mobile = size === 'phone' ? { isMobile: true, hasTouch: true } : {};
      const recorded = await session.open({ viewport, ...mobile });
      const page = await recorded.page();
      await page.goto(`${session.server.url}/sr-Cyrl/`);
      await waitForMap(page);
      await typeAndWait(page, 'дорћол');
      await page.locator('#f-q').press('ArrowDown');
      await page.locator('#f-q').press('ArrowDown');
      expect(await violations(page)).toEqual([]);
      // The list lies under the box and is exactly as wide; nothing scrolls sideways.
      const input = await page.locator('#f-q').boundingBox();
      const list = await page.locator(LISTBOX).boundingBox();
      expect(input && list).toBeTruthy();
      if (input && list) {
        expect(list.y).toBeGreaterThanOrEqual(input.y + input.height);
        expect(Math.abs(list.x - input.x)).toBeLessThan(1);
        expect(Math.abs(list.width - input.width)).toBeLessThan(1);
        expect(list.y + list.height).toBeLessThanOrEqual(viewport.height);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The list covers the map on a phone: it is drawn above it.
      const onTop = await page.evaluate((selector) => {
        const option = document.querySelector(`${selector} [role="option"]:last-child`);
        if (!option) return false;
        const r = option.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return Boolean(hit && option.contains(hit));
      }, LISTBOX);
      expect(onTop).toBe(true);
      await screenshot(page, `suggest-sr-Cyrl-${size}`);
      recorded.check();
      await recorded.close();
    }, 60_000);
  }
});

describe.skipIf(skipBrowserTests)('categories of a text search (facets)', () => {
  const session = browserSession();

  it('lists the categories among the results as links, without JavaScript', async () => {
    const recorded = await session.open({ javaScriptEnabled: false });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/?q=kafa`);
    // Without JavaScript the box is a plain search box.
    expect(await page.locator('#f-q').getAttribute('role')).toBeNull();
    const links = page.locator('#results-facets nav.facets a.facets__link');
    expect(await links.count()).toBeGreaterThan(1);
    const first = (await links.first().textContent()) ?? '';
    expect(first).toMatch(/^Café \d+$/);
    const counts = await page.locator('#results-facets .facets__count').allTextContents();
    const numbers = counts.map(Number);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    await links.first().click();
    await page.waitForURL(/category=cafe/);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('kafa');
    const badges = await page.locator('#cards .cat').allTextContents();
    expect(badges.length).toBe(Number(counts[0]));
    expect(new Set(badges)).toEqual(new Set(['Café']));
    // Already narrowed to one category: no facets.
    expect(await page.locator('#results-facets .facets').count()).toBe(0);
    await screenshot(page, 'suggest-facets-en-nojs');
    recorded.checkRequests();
    await recorded.close();
  });

  it('keeps the facets current when a search is made without a reload', async () => {
    const recorded = await session.open({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/`);
    await waitForMap(page);
    expect(await page.locator('#results-facets .facets').count()).toBe(0);
    // "kafa" (Serbian) names cafés and appears in restaurants' texts: two categories to count.
    await page.fill('#f-q', 'kafa');
    await page.press('#f-q', 'Enter');
    await expect
      .poll(() => page.locator('#results-facets a.facets__link').count(), { timeout: 10_000 })
      .toBeGreaterThan(1);
    const href = (await page.locator('#results-facets a.facets__link').first().getAttribute('href')) ?? '';
    const params = new URL(href, session.server.url).searchParams;
    expect(params.get('q')).toBe('kafa');
    expect(params.get('category')).toBeTruthy();
    expect(await violations(page)).toEqual([]);
    await page.locator('#results-facets').scrollIntoViewIfNeeded();
    await screenshot(page, 'suggest-facets-ru-phone');
    recorded.check();
    await recorded.close();
  }, 60_000);
});
