import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/server.ts';
import { browserSession, PHONE, screenshotOf, skipBrowserTests } from './browser.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NUMBER = '+381 63 555 0172';
const EMAIL = 'zakazi.stol@primer-kafe.rs';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active instanceof HTMLAnchorElement
      ? { href: active.getAttribute('href'), text: active.textContent }
      : { tag: active?.tagName };
  });

describe.skipIf(skipBrowserTests)('phone numbers and e-mail addresses shown on request', () => {
  const session = browserSession();
  let path = '';

  beforeAll(async () => {
    const response = await fetch(`${session.server.url}/api/v1/places`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        names: { ru: 'Кафе «Сырники»', 'sr-Latn': 'Kafe Sirnici', en: 'Syrniki Café' },
        category: 'cafe',
        lon: 20.4651,
        lat: 44.8176,
        hours: 'Mo-Su 08:00-22:00',
        contacts: { phone: NUMBER, email: EMAIL, website: 'https://sirnici.example', telegram: '@sirnici' },
      }),
    });
    expect(response.status).toBe(201);
    path = (await response.json()).properties.url;
  });

  it('replaces the button with a working tel: link and moves focus to it', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en${path}`);
    const contacts = page.locator('section[aria-labelledby="h-contacts"]');
    expect(await page.content()).not.toContain('555 0172');
    expect(await violations(page)).toEqual([]);
    await screenshotOf(contacts, 'contacts-en-before');

    const url = page.url();
    await page.getByRole('button', { name: 'Show phone number' }).click();
    const tel = contacts.locator('a[href^="tel:"]');
    await expect.poll(() => tel.getAttribute('href')).toBe('tel:+381635550172');
    expect(await tel.textContent()).toBe(NUMBER);
    expect(await focusedElement(page)).toEqual({ href: 'tel:+381635550172', text: NUMBER });
    // In place, with no page load: the address is the same and the e-mail address is still asked for.
    expect(page.url()).toBe(url);
    expect(await page.getByRole('button', { name: 'Show email address' }).isVisible()).toBe(true);

    // From the keyboard: past the website and Telegram links to the e-mail button; Enter shows the address.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show email address');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedElement(page)).toEqual({ href: `mailto:${EMAIL}`, text: EMAIL });
    const outline = await contacts
      .locator('a[href^="mailto:"]')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    expect(await violations(page)).toEqual([]);
    await screenshotOf(contacts, 'contacts-en-after');
    recorded.check();
    await recorded.close();
  }, 60_000);

  it('looks the same on a phone in Russian, before and after', async () => {
    const recorded = await session.open({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru${path}`);
    const contacts = page.locator('section[aria-labelledby="h-contacts"]');
    await contacts.scrollIntoViewIfNeeded();
    await screenshotOf(contacts, 'contacts-ru-phone-before');
    await page.getByRole('button', { name: 'Показать телефон' }).tap();
    await expect.poll(() => focusedElement(page)).toEqual({ href: 'tel:+381635550172', text: NUMBER });
    expect(await violations(page)).toEqual([]);
    await screenshotOf(contacts, 'contacts-ru-phone-after');
    recorded.check();
    await recorded.close();
  }, 60_000);

  it('works without JavaScript: the page comes back with the number shown and focused', async () => {
    const recorded = await session.open({ javaScriptEnabled: false });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en${path}`);
    await page.getByRole('button', { name: 'Show phone number' }).click();
    await page.waitForURL(/reveal=phone/);
    // autofocus brings the number into view as well.
    await expect.poll(() => page.locator('a[href^="tel:"]').isVisible()).toBe(true);
    expect(await focusedElement(page)).toEqual({ href: 'tel:+381635550172', text: NUMBER });
    expect(await page.locator('a[href^="mailto:"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Show email address' }).click();
    await page.waitForURL(/reveal=email/);
    expect(new URL(page.url()).searchParams.getAll('reveal')).toEqual(['email', 'phone']);
    expect(await focusedElement(page)).toEqual({ href: `mailto:${EMAIL}`, text: EMAIL });
    expect(await page.locator('a[href="tel:+381635550172"]').count()).toBe(1);
    await screenshotOf(page.locator('section[aria-labelledby="h-contacts"]'), 'contacts-en-nojs-after');
    recorded.check();
    await recorded.close();

    // axe needs JavaScript: the page the form led to is checked in a browser that has it.
    const checker = await session.open();
    const checked = await checker.page();
    await checked.goto(page.url());
    expect(await violations(checked)).toEqual([]);
    checker.check();
    await checker.close();
  }, 60_000);
});
