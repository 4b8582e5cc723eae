import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, DESKTOP, PHONE, screenshot, skipBrowserTests, waitForMap } from './browser.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
}

describe.skipIf(skipBrowserTests)('events pages in the browser', () => {
  const session = browserSession();

  it('lists upcoming events by today, weekend and the next 30 days, and filters them without JavaScript', async () => {
    const recorded = await session.open({ javaScriptEnabled: false });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/events`);
    const titles = await page.locator('.event-item__title a').allTextContents();
    expect(titles).toContain('Language exchange: Russian and Serbian');
    expect(titles).toContain('Stand-up night');
    await page.getByLabel('Locals welcome').check();
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForURL(/locals_welcome=true/);
    const welcoming = await page.locator('.event-item__title a').allTextContents();
    expect(welcoming).not.toContain('Stand-up night');
    expect(welcoming).toContain('Language exchange: Russian and Serbian');
    expect(await page.locator('a[href^="/api/v1/events.ics?locals_welcome=true"]').count()).toBe(1);
    recorded.check();
    await recorded.close();
  });

  it('puts the events with a venue on a map, each marker a link named like its list entry', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/events`);
    await waitForMap(page, '#events-map');
    const markers = page.locator('#events-map a.event-marker');
    expect(await markers.count()).toBe(6);
    const labels = await markers.evaluateAll((links) => links.map((l) => l.getAttribute('aria-label') ?? ''));
    expect(labels.some((label) => label.startsWith('Language exchange: Russian and Serbian, '))).toBe(true);
    await markers.first().focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('event-marker'))).toBe(true);
    recorded.check();
    await recorded.close();
  });

  it('shows a month calendar with prev/next months and each occurrence on its day', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/events/calendar`);
    expect(await page.locator('table.month tbody tr').count()).toBeGreaterThanOrEqual(4);
    const cellOf = (title: string) => page.locator('table.month td', { hasText: title });
    expect(await cellOf('Языковой обмен').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('link', { name: /Следующий месяц/ }).click();
    await page.waitForURL(/month=/);
    expect(await page.locator('h1').textContent()).toMatch(/События: /);
    recorded.check();
    await recorded.close();
  });

  it('gives each event a page with its next dates and schema.org Event data', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/sr-Latn/events`);
    await page.locator('.event-item__title a', { hasText: 'Razmena jezika: ruski i srpski' }).first().click();
    await page.waitForURL(/\/sr-Latn\/events\/\d+$/);
    expect(await page.locator('.event-dates li').count()).toBeGreaterThanOrEqual(4);
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(jsonLd['@type']).toBe('Event');
    expect(jsonLd.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(jsonLd.isAccessibleForFree).toBe(true);
    expect(new Date(jsonLd.startDate).getUTCHours()).toBe(17); // 19:00 in Belgrade, summer time (June)
    recorded.check();
    await recorded.close();
  });

  it('shows this week’s events over the places on the home map, and hides them with the map control', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/?c=44.8125,20.4612&z=12`);
    await waitForMap(page);
    await page.waitForSelector('#map[data-events]');
    const markers = page.locator('#map a.event-marker--home');
    const count = await markers.count();
    expect(count).toBeGreaterThan(0);
    // Every marker is one of the week's events (each at most once), linked to its page.
    const now = new Date((await page.locator('#map').getAttribute('data-now')) ?? '');
    const week = new URLSearchParams({
      from: now.toISOString(),
      to: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      locale: 'en',
    });
    const api = await (await fetch(`${session.server.url}/api/v1/events?${week}`)).json();
    const weekIds = new Set(api.features.map((f: { properties: { id: number } }) => f.properties.id));
    const hrefs = await markers.evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
    expect(new Set(hrefs).size).toBe(count);
    for (const href of hrefs) expect(weekIds.has(Number(/^\/en\/events\/(\d+)$/.exec(href)?.[1]))).toBe(true);
    const toggle = page.getByRole('button', { name: /Events, next 7 days/ });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'home-map-events');
    await toggle.click();
    await page.waitForSelector('#map[data-events="0"]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await page.waitForSelector(`#map[data-events="${count}"]`);
    recorded.check();
    await recorded.close();
  });

  it('invites a Serbian visitor to meet the community on the home page', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/sr-Latn/`);
    const featured = page.locator('section.featured-events');
    expect(await featured.locator('h2').textContent()).toBe('Upoznajte komšije');
    expect(await featured.locator('li a').allTextContents()).toContain('Razmena jezika: ruski i srpski');
    recorded.check();
    await recorded.close();
  });

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`has no WCAG 2.1 AA violations on the list, the calendar and an event (${name})`, async () => {
      const recorded = await session.open({ viewport });
      const page = await recorded.page();
      for (const path of [
        '/ru/events',
        '/uk/events/calendar',
        '/en/events/1',
        '/sr-Cyrl/events?type=concert',
        '/sr-Latn/events/new',
        '/uk/events/1/edit',
      ]) {
        await page.goto(`${session.server.url}${path}`);
        expect(await violations(page), path).toEqual([]);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(viewport.width);
      }
      await page.goto(`${session.server.url}/ru/events`);
      await screenshot(page, `events-list-${name}`);
      await page.goto(`${session.server.url}/en/events/1/edit`);
      await screenshot(page, `event-edit-${name}`);
      recorded.check();
      await recorded.close();
    });
  }
});
