import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/server.ts';
import { browserSession, DESKTOP, ensureClientBuilt, PHONE, skipBrowserTests } from './browser.ts';
import { configuredApp } from './configured-app.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LOCALES = ['ru', 'sr-Latn', 'sr-Cyrl', 'en', 'uk'];
/** Google My Maps export: five layers of places (one, "Разное", matches no category) and one of directions. */
const MY_MAPS = resolve('test/fixtures/imports/little-russia.kml');
const LAYERS = [
  ['Кафе и рестораны', '7', 'cafe'],
  ['Детские сады', '3', 'kindergarten'],
  ['Парикмахерские', '3', 'hair-salon'],
  ['Врачи', '3', 'doctor'],
  ['Разное', '3', ''],
  ['Directions from Кафе А to Кафе Б', '2', ''],
];
/** Screenshots for looking at, outside the repository. */
const SHOTS = join(tmpdir(), 'kvartal-admin-import');

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
}

async function counts(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.import-count')
    .evaluateAll((tiles) =>
      Object.fromEntries(
        tiles.map((tile) => [
          [...tile.classList].find((c) => c.startsWith('import-count--'))?.slice('import-count--'.length),
          tile.querySelector('.import-count__value')?.textContent ?? '',
        ]),
      ),
    );
}

async function layerRows(page: Page): Promise<string[][]> {
  return page
    .locator('.import-layers tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')?.firstChild?.textContent ?? '',
        row.querySelector('td')?.textContent ?? '',
        row.querySelector('select')?.value ?? '',
        row.classList.contains('is-unmapped') ? 'unmapped' : '',
      ]),
    );
}

/** Everything the progress line said, in order (recorded as it changes, since it is cleared at the end). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const line = document.getElementById('import-progress-text');
    if (!line) return;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) if (node.textContent) said.push(node.textContent);
      }
    }).observe(line, { childList: true });
  });
}

async function progressSaid(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { said: string[] }).said);
}

async function preview(page: Page, token = ADMIN_TOKEN): Promise<void> {
  await page.fill('#import-token', token);
  await page.setInputFiles('#import-file', MY_MAPS);
  await page.locator('#import-form button[type="submit"]').click();
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

describe('the import page over HTTP', () => {
  let server: Awaited<ReturnType<typeof configuredApp>>;

  beforeAll(async () => {
    ensureClientBuilt();
    server = await configuredApp();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is in every locale, kept out of search engines, with the command line for those without JavaScript', async () => {
    for (const locale of LOCALES) {
      const response = await server.app.inject({ url: `/${locale}/admin/import` });
      expect(response.statusCode, locale).toBe(200);
      const body = response.body;
      expect(body).toContain(`<html lang="${locale}"`);
      expect(body).toContain('<meta name="robots" content="noindex">');
      // The upload needs the script: the form waits hidden, the command is what shows without it.
      expect(body).toMatch(/<form class="import-form" id="import-form" novalidate hidden/);
      expect(body).toContain('npx kvartal import &lt;file&gt; --dry-run');
      expect(body).toContain('accept=".kml,.kmz,.geojson,.json,.osm,.csv,.tsv,.txt"');
      expect(body).toContain('<code>ADMIN_TOKEN</code>');
      // Format names stay Latin in Serbian Cyrillic too.
      expect(body).toContain('KML/KMZ (Google My Maps), GeoJSON');
    }
  });

  it('offers only categories, never groups, for the layers', async () => {
    const body = (await server.app.inject({ url: '/en/admin/import' })).body;
    const json = /<script type="application\/json" id="import-categories">(.*?)<\/script>/s.exec(body)?.[1];
    const choices = JSON.parse(json ?? '{}') as {
      groups: Array<{ name: string; categories: Array<{ slug: string }> }>;
    };
    const slugs = choices.groups.flatMap((g) => g.categories.map((c) => c.slug));
    expect(slugs).toContain('club');
    expect(slugs).toContain('cafe');
    expect(slugs).not.toContain('food-drink');
    expect(choices.groups.map((g) => g.name)).toContain('Food & drink');
  });

  it('is not linked from the public pages, and the address without a locale leads to it', async () => {
    for (const path of ['/en/', '/en/open-data', '/en/embed']) {
      expect((await server.app.inject({ url: path })).body, path).not.toContain('admin/import');
    }
    const response = await server.app.inject({ url: '/admin/import', headers: { 'accept-language': 'uk' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/uk/admin/import');
  });
});

describe.skipIf(skipBrowserTests)('the import page in the browser', () => {
  const session = browserSession();

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`previews a file with counts, the layers' categories and the invalid records, accessibly (${size})`, async () => {
      const recorded = await session.open({ viewport });
      const page = await recorded.page();
      await page.goto(`${session.server.url}/en/admin/import`);
      expect(await page.locator('#import-nojs').isVisible()).toBe(false);
      await recordProgress(page);
      await preview(page);
      await page.waitForSelector('#import-result-heading');
      expect(await page.locator('#import-result-heading').textContent()).toBe('Preview: little-russia.kml');
      expect(await focusedId(page)).toBe('import-result-heading');
      expect((await progressSaid(page))[0]).toMatch(/^Uploading little-russia\.kml: \d+%$/);
      expect(await page.locator('#import-progress').isVisible()).toBe(false);

      expect(await counts(page)).toEqual({
        new: '16',
        updated: '0',
        unchanged: '0',
        duplicate: '0',
        invalid: '2',
        skipped: '3',
        excluded: '0',
      });
      expect(await layerRows(page)).toEqual(
        LAYERS.map(([name, records, category]) => [name, records, category, category ? '' : 'unmapped']),
      );
      const invalid = await page.locator('.import-invalid li').allTextContents();
      expect(invalid).toHaveLength(2);
      expect(invalid[0]).toContain('placemark 17 "Русский книжный клуб"');
      expect(invalid[0]).toContain('layer "Разное" matches no category');
      expect(await page.locator('.import-details > summary').allTextContents()).toEqual(['Warnings (1)']);

      // Invalid records and no permission for a partial import: the button is off and says why.
      const confirm = page.locator('#import-confirm');
      expect(await confirm.textContent()).toBe('Import 16 places');
      expect(await confirm.isDisabled()).toBe(true);
      expect(await page.locator('#import-blocked').textContent()).toBe(
        'The file has 2 invalid records. Fix them, or choose to import the valid records only.',
      );

      await page.locator('.import-details > summary').click();
      expect(await violations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `preview-${size}.png`), fullPage: true });
      recorded.check();
      await recorded.close();
    }, 60_000);
  }

  it('maps the unknown layer, previews again, imports the valid places and shows them on the map', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/admin/import`);
    await preview(page);
    await page.waitForSelector('#import-result-heading');

    // A reload keeps the token for this tab.
    await page.reload();
    expect(await page.inputValue('#import-token')).toBe(ADMIN_TOKEN);
    await page.setInputFiles('#import-file', MY_MAPS);
    await page.locator('#import-form button[type="submit"]').click();
    await page.waitForSelector('#import-result-heading');

    await page.selectOption('#import-layer-4', 'club');
    await page.selectOption('#import-layer-5', 'skip');
    expect(await page.locator('#import-layer-4').evaluate((s) => s.closest('tr')?.className)).not.toContain(
      'is-unmapped',
    );
    // The choice is not previewed yet: the import waits for the preview of it.
    expect(await page.locator('#import-blocked').textContent()).toContain('preview again');
    await page.getByRole('button', { name: 'Preview again' }).click();
    await page.waitForFunction(
      () => document.querySelector('.import-count--new .import-count__value')?.textContent === '17',
    );
    expect(await focusedId(page)).toBe('import-result-heading');
    expect(await counts(page)).toMatchObject({ new: '17', invalid: '1', skipped: '3' });
    const rows = await layerRows(page);
    expect(rows[4]).toEqual(['Разное', '3', 'club', '']);
    expect(rows[5]).toEqual(['Directions from Кафе А to Кафе Б', '2', 'skip', '']);
    expect(await page.locator('.import-invalid li').allTextContents()).toEqual([
      expect.stringContaining('Барахолка по субботам'),
    ]);

    const confirm = page.locator('#import-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.locator('#import-partial').check();
    expect(await confirm.isDisabled()).toBe(false);
    expect(await page.locator('#import-blocked').isVisible()).toBe(false);
    expect(await confirm.textContent()).toBe('Import 17 places');

    await recordProgress(page);
    await confirm.click();
    await page.waitForSelector('#import-result-heading >> text=Imported: little-russia.kml');
    expect(await focusedId(page)).toBe('import-result-heading');
    expect(await page.locator('.import-note').textContent()).toBe(
      'The import is done: the places are on the map now.',
    );
    expect(await counts(page)).toMatchObject({ new: '17', invalid: '1' });
    expect(await progressSaid(page)).toContainEqual(expect.stringMatching(/^Importing little-russia\.kml…/));
    expect(await page.getByRole('link', { name: 'Open the map' }).getAttribute('href')).toBe('/en/');
    expect(await violations(page)).toEqual([]);

    const api = await fetch(`${session.server.url}/api/v1/places?q=${encodeURIComponent('книжный клуб')}`);
    const found = (await api.json()) as {
      features: Array<{ properties: { name: string; category: string } }>;
    };
    expect(found.features.map((f) => [f.properties.name, f.properties.category])).toContainEqual([
      'Русский книжный клуб',
      'club',
    ]);
    const cafes = await fetch(`${session.server.url}/api/v1/places?q=${encodeURIComponent('Самовар')}`);
    const names = ((await cafes.json()) as typeof found).features.map((f) => f.properties.name);
    expect(names).toContain('Кофейня «Самовар»');

    // The same file again changes nothing, and starts from the default choices: "Разное" has no category.
    await page.getByRole('button', { name: 'Import another file' }).click();
    expect(await focusedId(page)).toBe('import-file');
    await page.setInputFiles('#import-file', MY_MAPS);
    await page.locator('#import-form button[type="submit"]').click();
    await page.waitForSelector('#import-result-heading');
    expect(await counts(page)).toMatchObject({ new: '0', unchanged: '16', invalid: '2' });
    expect(await page.locator('#import-partial').isChecked()).toBe(false);
    await page.locator('#import-partial').check();
    expect(await page.locator('#import-blocked').textContent()).toBe(
      'Nothing would change: every record is already on the map, invalid or left out.',
    );
    expect(await confirm.isDisabled()).toBe(true);
    recorded.check();
    await recorded.close();
  }, 90_000);

  it('says how many records the server has read, and previews a file without layers', async () => {
    const features = Array.from({ length: 1500 }, (_, i) => ({
      type: 'Feature',
      id: `f${i}`,
      properties: { name: `Кафе ${i}`, amenity: 'cafe' },
      geometry: { type: 'Point', coordinates: [20.4 + (i % 100) / 1000, 44.78 + Math.floor(i / 100) / 1000] },
    }));
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/admin/import`);
    await recordProgress(page);
    await page.fill('#import-token', ADMIN_TOKEN);
    await page.setInputFiles('#import-file', {
      name: 'cafes.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
    });
    await page.locator('#import-form button[type="submit"]').click();
    await page.waitForSelector('#import-result-heading');
    const said = await progressSaid(page);
    expect(said[0]).toMatch(/^Uploading cafes\.geojson: \d+%$/);
    expect(said).toContain('Checking cafes.geojson…');
    expect(said).toContainEqual(
      expect.stringMatching(/^Checking cafes\.geojson… [\d,]+ (of 1,500 )?records read, [\d,]+ per second$/),
    );
    expect(await counts(page)).toMatchObject({ new: '1,500', invalid: '0' });
    expect(await page.locator('.import-mapping').textContent()).toContain('This file has no layers');
    expect(await page.locator('#import-confirm').textContent()).toBe('Import 1,500 places');
    expect(await page.locator('#import-confirm').isDisabled()).toBe(false);
    recorded.check();
    await recorded.close();
  }, 60_000);

  it('says so when the operator token is wrong, and forgets it', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/admin/import`);
    await preview(page, 'not-the-token');
    const error = page.locator('#import-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain('Токен оператора не подошёл.');
    expect(await error.textContent()).toContain('an operator token is required');
    expect(await focusedId(page)).toBe('import-error');
    expect(await page.locator('#import-result').isVisible()).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // The browser logs the refused request; nothing else may go wrong.
    expect(recorded.errors.filter((e) => !e.includes('401'))).toEqual([]);
    recorded.checkRequests();
    await recorded.close();
  });

  it('explains a file it cannot read, and asks for what is missing before sending anything', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/admin/import`);
    await page.locator('#import-form button[type="submit"]').click();
    expect(await page.locator('#import-error').textContent()).toContain('Enter the operator token.');
    expect(await focusedId(page)).toBe('import-token');
    await page.fill('#import-token', ADMIN_TOKEN);
    await page.locator('#import-form button[type="submit"]').click();
    expect(await page.locator('#import-error').textContent()).toContain('Choose a file to import.');
    expect(await focusedId(page)).toBe('import-file');

    await page.setInputFiles('#import-file', {
      name: 'broken.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type": "FeatureCollection", "features": [\n  {"type": "Feature",,}\n]}'),
    });
    await page.locator('#import-form button[type="submit"]').click();
    const error = page.locator('#import-error');
    await page.waitForFunction(() =>
      document.getElementById('import-error')?.textContent?.includes('server'),
    );
    expect(await error.textContent()).toContain('The file cannot be imported. Nothing was written.');
    expect(await error.textContent()).toMatch(/The server says: .*line 2/);
    expect(await focusedId(page)).toBe('import-error');
    recorded.errors.length = 0;
    recorded.check();
    await recorded.close();
  });

  it('without JavaScript, gives the command that does the same on the server', async () => {
    const recorded = await session.open({ javaScriptEnabled: false, viewport: PHONE });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/admin/import`);
    expect(await page.locator('#import-form').isVisible()).toBe(false);
    expect(await page.locator('#import-nojs').textContent()).toContain('npx kvartal import <file> --dry-run');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    recorded.check();
    await recorded.close();
  });
});
