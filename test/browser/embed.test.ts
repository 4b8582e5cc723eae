import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSession,
  DESKTOP,
  ensureClientBuilt,
  PHONE,
  skipBrowserTests,
  waitForMap,
} from './browser.ts';
import { configuredApp } from './configured-app.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CAFES_IN_BELGRADE = '/embed?category=cafe&city=belgrade&locale=en';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
}

function attribute(markup: string, selector: RegExp): string {
  return selector.exec(markup)?.[1] ?? '';
}

describe('the embedded map over HTTP', () => {
  let server: Awaited<ReturnType<typeof configuredApp>>;
  let public_: Awaited<ReturnType<typeof configuredApp>>;
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ url, headers });

  beforeAll(async () => {
    ensureClientBuilt();
    [server, public_] = await Promise.all([
      configuredApp(),
      configuredApp({ publicUrl: 'https://karta.example.org', dataLicense: 'CC-BY-SA-4.0' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), public_?.close()]);
  });

  it('lists only the places of the category and city it was given, each opening in a new tab', async () => {
    const response = await get(CAFES_IN_BELGRADE);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    const categories = [...body.matchAll(/<span class="cat cat--([a-z-]+)">/g)].map((m) => m[1]);
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set(['cafe']));
    const where = [...body.matchAll(/<span class="card__where">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(where.every((w) => w?.endsWith('Belgrade'))).toBe(true);
    const links = [...body.matchAll(/<h3 class="card__name"><a ([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(links.length).toBe(categories.length);
    for (const link of links) {
      expect(link).toMatch(/^href="\/en\/p\/\d+-[a-z0-9-]*" target="_blank" rel="noopener"$/);
    }
    // No site chrome: no header, footer, locale menu or skip link; a credit line instead.
    expect(body).not.toContain('site-header');
    expect(body).not.toContain('site-footer');
    expect(body).not.toContain('locales__menu');
    expect(body).toMatch(
      /<a class="embed__brand" href="\/en\/\?category=cafe&amp;city=belgrade" target="_blank" rel="noopener">Kvartal/,
    );
    expect(body).toContain('Place data © Kvartal contributors, published under the Open Data Commons');
  });

  it('starts the map at the city, or at the bbox when one is given', async () => {
    const city = (await get(CAFES_IN_BELGRADE)).body;
    expect(attribute(city, /data-bounds="([^"]*)"/)).toBe('20.22,44.68,20.62,44.93');
    expect(attribute(city, /data-category="([^"]*)"/)).toBe('cafe');
    expect(attribute(city, /data-city="([^"]*)"/)).toBe('belgrade');
    expect(city).toContain('data-embed="true"');
    const area = (await get('/embed?bbox=20.44,44.80,20.47,44.83&locale=ru')).body;
    expect(attribute(area, /data-bounds="([^"]*)"/)).toBe('20.44,44.8,20.47,44.83');
    const listed = [...area.matchAll(/data-lon="([\d.]+)" data-lat="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(listed.length).toBeGreaterThan(0);
    for (const [lon = 0, lat = 0] of listed) {
      expect(lon).toBeGreaterThanOrEqual(20.44);
      expect(lon).toBeLessThanOrEqual(20.47);
      expect(lat).toBeGreaterThanOrEqual(44.8);
      expect(lat).toBeLessThanOrEqual(44.83);
    }
  });

  it('sets no cookie, whatever the request carries', async () => {
    const requests = [
      get(CAFES_IN_BELGRADE),
      get('/embed'),
      get('/embed?locale=uk', { cookie: 'locale=ru', 'accept-language': 'sr' }),
      get('/embed?category=nope'),
      get('/embed?locale=en&cursor=garbage'),
    ];
    for (const response of await Promise.all(requests)) {
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('may be framed by any site, while every other page may not be framed at all', async () => {
    for (const url of [CAFES_IN_BELGRADE, '/embed?city=atlantis']) {
      const policy = String((await get(url)).headers['content-security-policy']);
      expect(policy).toContain('frame-ancestors *');
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("connect-src 'self'");
    }
    for (const url of ['/en/', '/en/open-data', '/en/embed', '/en/api', '/en/no-such-page']) {
      const policy = String((await get(url)).headers['content-security-policy']);
      expect(policy, url).toContain("frame-ancestors 'none'");
      expect(policy, url).not.toContain('frame-ancestors *');
    }
  });

  it('answers 400 naming each parameter it cannot use, in the requested locale', async () => {
    const response = await get('/embed?category=pelmeni&city=atlantis&bbox=1,2,3&locale=uk');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<html lang="uk"');
    expect(response.body).toContain('Цю мапу не можна показати');
    expect(response.body).toContain('<code>category</code>: невідоме значення «pelmeni»');
    expect(response.body).toContain('<code>city</code>: невідоме значення «atlantis»');
    expect(response.body).toContain('<code>bbox</code>: потрібні чотири числа');
    expect(response.body).not.toContain('<code>locale</code>');
  });

  it('answers an unknown locale in the visitor’s language (or the default one), naming the locale', async () => {
    const english = await get('/embed?locale=de', { 'accept-language': 'en-GB,en;q=0.8' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('<code>locale</code>: unknown value “de”');
    const fallback = await get('/embed?locale=xx&bbox=20,50,10,40');
    expect(fallback.statusCode).toBe(400);
    expect(fallback.body).toContain('<html lang="ru"');
    expect(fallback.body).toContain('<code>locale</code>');
    expect(fallback.body).toContain('<code>bbox</code>');
  });

  it('writes the builder’s snippet on the server for the submitted choice (no JavaScript needed)', async () => {
    const response = await get('/en/embed?category=kindergarten&city=novi-sad&locale=sr-Cyrl&size=large');
    expect(response.statusCode).toBe(200);
    const snippet = attribute(response.body, /<textarea id="embed-code"[^>]*>([^<]*)<\/textarea>/);
    expect(snippet).toBe(
      '&lt;iframe src=&quot;http://localhost:80/embed?category=kindergarten&amp;amp;city=novi-sad&amp;amp;locale=sr-Cyrl&quot; title=&quot;Мапа Квартала: Вртић, Нови Сад&quot; width=&quot;960&quot; height=&quot;600&quot; loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;',
    );
    expect(response.body).toContain(
      '<iframe id="embed-preview" src="/embed?category=kindergarten&amp;city=novi-sad&amp;locale=sr-Cyrl"',
    );
    expect(response.body).toMatch(/<option value="kindergarten" selected>/);
    expect(response.body).toMatch(/<option value="large" selected>/);
  });

  it('uses PUBLIC_URL for the snippet when it is set, and ignores values it does not know', async () => {
    const response = await public_.app.inject({ url: '/ru/embed?category=nope&size=huge' });
    const snippet = attribute(response.body, /<textarea id="embed-code"[^>]*>([^<]*)<\/textarea>/);
    expect(snippet).toContain('src=&quot;https://karta.example.org/embed?locale=ru&quot;');
    expect(snippet).toContain('width=&quot;640&quot; height=&quot;480&quot;');
    const embed = (await public_.app.inject({ url: '/embed?locale=en' })).body;
    expect(embed).toContain('Creative Commons Attribution-ShareAlike 4.0 International');
  });
});

describe.skipIf(skipBrowserTests)('the embedded map and its builder in the browser', () => {
  const session = browserSession();

  it('draws the map and list for the category and city, sets no cookie and opens places in a new tab', async () => {
    const recorded = await session.open({ viewport: { width: 640, height: 480 } });
    const page = await recorded.page();
    await page.goto(`${session.server.url}${CAFES_IN_BELGRADE}`);
    await waitForMap(page);
    const clusters = recorded.requests.filter((url) => url.includes('/api/v1/clusters?'));
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((url) => url.includes('category=cafe') && url.includes('city=belgrade'))).toBe(
      true,
    );
    await expect.poll(() => page.locator('#cards .cat').count()).toBeGreaterThan(0);
    expect(new Set(await page.locator('#cards .cat').allTextContents())).toEqual(new Set(['Café']));
    const targets = await page
      .locator('#cards .card__name a')
      .evaluateAll((links) => links.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
    expect(new Set(targets)).toEqual(new Set(['_blank noopener']));
    // The embedding site's address stays as it wrote it.
    expect(page.url()).toBe(`${session.server.url}${CAFES_IN_BELGRADE}`);
    expect(await recorded.context.cookies()).toEqual([]);
    recorded.check();
    await recorded.close();
  });

  it('shows inside another site’s page, where the rest of Kvartal refuses to', async () => {
    // The other site: a different origin on this machine (a different port).
    const other = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="en"><title>Other site</title>
        <iframe id="embed" src="${session.server.url}${CAFES_IN_BELGRADE}" title="Map" width="640" height="480"></iframe>
        <iframe id="home" src="${session.server.url}/en/" title="Home" width="640" height="480"></iframe></html>`);
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const { port } = other.address() as AddressInfo;
    const recorded = await session.open();
    try {
      const page = await recorded.page();
      await page.goto(`http://localhost:${port}/`);
      const embed = page.frameLocator('#embed');
      await embed.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
      expect(await embed.locator('#cards > li').count()).toBeGreaterThan(0);
      // The home page is refused by its frame-ancestors 'none': the frame holds the browser's error page.
      await expect.poll(() => recorded.errors.some((e) => e.includes("frame-ancestors 'none'"))).toBe(true);
      expect(await page.frameLocator('#home').locator('#map').count()).toBe(0);
      expect(await recorded.context.cookies()).toEqual([]);
    } finally {
      await recorded.close();
      other.close();
    }
  }, 60_000);

  it('lists places without JavaScript, and pages through them inside the frame', async () => {
    const recorded = await session.open({ javaScriptEnabled: false, viewport: { width: 400, height: 500 } });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/embed?locale=ru`);
    await expect.poll(() => page.locator('.map-panel').isVisible()).toBe(false);
    expect(await page.locator('#cards > li').count()).toBe(50);
    expect(await page.locator('.embed__credit').isVisible()).toBe(true);
    await page.locator('a.pager__next').click();
    await page.waitForURL(/\/embed\?locale=ru&cursor=/);
    expect(await page.locator('#cards > li').count()).toBeGreaterThan(0);
    expect(await recorded.context.cookies()).toEqual([]);
    recorded.check();
    await recorded.close();
  });

  it('rewrites the snippet and the preview as the builder’s form changes, and copies it', async () => {
    const recorded = await session.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/embed`);
    const code = page.locator('#embed-code');
    const before = await code.inputValue();
    expect(before).toBe(
      `<iframe src="${session.server.url}/embed?locale=en" title="Kvartal map of places" width="640" height="480" loading="lazy"></iframe>`,
    );
    // With JavaScript the code follows the form, so the submit button is hidden.
    expect(await page.locator('.embed-form__apply').isVisible()).toBe(false);
    await page.selectOption('#e-category', 'hair-salon');
    await page.selectOption('#e-city', 'belgrade');
    await page.selectOption('#e-locale', 'ru');
    await page.selectOption('#e-size', 'small');
    await expect
      .poll(() => code.inputValue())
      .toBe(
        `<iframe src="${session.server.url}/embed?category=hair-salon&amp;city=belgrade&amp;locale=ru" title="Карта Kvartal: Парикмахерская, Белград" width="400" height="500" loading="lazy"></iframe>`,
      );
    const preview = page.locator('#embed-preview');
    expect(await preview.getAttribute('src')).toBe('/embed?category=hair-salon&city=belgrade&locale=ru');
    expect(await preview.getAttribute('width')).toBe('400');
    await expect
      .poll(() => page.frameLocator('#embed-preview').locator('#cards .cat').first().textContent())
      .toBe('Парикмахерская');
    // The address keeps the choice, so reloading shows the same code (now written by the server).
    expect(new URL(page.url()).searchParams.get('size')).toBe('small');
    await page.reload();
    expect(await code.inputValue()).toContain('category=hair-salon&amp;city=belgrade&amp;locale=ru');

    await page.locator('#embed-copy').click();
    await expect.poll(() => page.locator('#embed-copy-status').textContent()).toBe('The code is copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
    recorded.check();
    await recorded.close();
  }, 60_000);

  it('submits the builder’s form without JavaScript and shows the code the server wrote', async () => {
    const recorded = await session.open({ javaScriptEnabled: false, viewport: PHONE });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/sr-Latn/embed`);
    expect(await page.locator('#embed-copy').isVisible()).toBe(false);
    await page.selectOption('#e-category', 'bakery');
    await page.selectOption('#e-size', 'large');
    await page.locator('.embed-form__apply').click();
    await page.waitForURL(/category=bakery/);
    const code = await page.locator('#embed-code').inputValue();
    expect(code).toBe(
      `<iframe src="${session.server.url}/embed?category=bakery&amp;locale=sr-Latn" title="Mapa Kvartala: Pekara" width="960" height="600" loading="lazy"></iframe>`,
    );
    recorded.check();
    await recorded.close();
  });

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`has no WCAG 2.1 AA violations on the builder and the embedded map (${size})`, async () => {
      const recorded = await session.open({ viewport });
      const page = await recorded.page();
      for (const locale of ['ru', 'sr-Cyrl', 'en']) {
        await page.goto(`${session.server.url}/${locale}/embed?category=cafe`);
        await page
          .frameLocator('#embed-preview')
          .locator('#map[data-ready="true"]')
          .waitFor({ timeout: 20_000 });
        expect(await violations(page), `builder ${locale}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        expect(overflow, `builder ${locale}`).toBeLessThanOrEqual(0);
        await page.goto(`${session.server.url}/embed?city=novi-sad&locale=${locale}`);
        await waitForMap(page);
        expect(await violations(page), `embed ${locale}`).toEqual([]);
      }
      await page.goto(`${session.server.url}/embed?category=nope&locale=en`);
      expect(await violations(page), 'embed error').toEqual([]);
      recorded.checkRequests();
      await recorded.close();
    }, 120_000);
  }
});
