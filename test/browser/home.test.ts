import { describe, expect, it } from 'vitest';
import { browserSession, PHONE, screenshot, skipBrowserTests, waitForMap } from './browser.ts';

describe.skipIf(skipBrowserTests)('home page with JavaScript', () => {
  const session = browserSession();

  it('loads the map and shows clusters of the demo places', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/`);
    await waitForMap(page);
    const clusters = page.locator('#map button.cluster');
    expect(await clusters.count()).toBeGreaterThan(0);
    const counts = await clusters.allTextContents();
    expect(counts.every((text) => /^\d+k?$/.test(text))).toBe(true);
    // The clusters endpoint answered for the map's viewport.
    expect(recorded.requests.some((url) => url.includes('/api/v1/clusters?bbox='))).toBe(true);
    await expect.poll(() => page.locator('#results-status').textContent()).toMatch(/in this part of the map/);
    await screenshot(page, 'home-en-desktop-map');
    recorded.check();
    await recorded.close();
  });

  it('zooms into a cluster when it is clicked, and the list follows the map', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/`);
    await waitForMap(page);
    const before = await page.evaluate(() => new URL(location.href).searchParams.get('z'));
    const listed = () =>
      page.locator('#cards > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    const listBefore = await listed();
    await page.evaluate(() => {
      document.getElementById('map')?.removeAttribute('data-ready');
    });
    // The biggest cluster is Belgrade's.
    const buttons = page.locator('#map button.cluster');
    const texts = await buttons.allTextContents();
    const biggest = texts.map(Number).reduce((best, n, i, all) => (n > (all[best] ?? 0) ? i : best), 0);
    await buttons.nth(biggest).click();
    await waitForMap(page);
    await expect
      .poll(() => page.evaluate(() => new URL(location.href).searchParams.get('z')))
      .not.toBe(before);
    await expect.poll(listed).not.toEqual(listBefore);
    // The address bar holds the view, so a copied link reopens it.
    const url = new URL(page.url());
    expect(url.searchParams.get('c')).toMatch(/^44\.\d+,20\.\d+$/);
    recorded.check();
    await recorded.close();
  });

  it('filters the list by category without a reload and keeps the filter in the URL', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/en/`);
    await waitForMap(page);
    await page.locator('#filters-more > summary').click();
    await page.selectOption('#f-category', 'kindergarten');
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('kindergarten');
    await expect
      .poll(async () => {
        const badges = await page.locator('#cards .cat').allTextContents();
        return badges.length > 0 && badges.every((b) => b === 'Kindergarten');
      })
      .toBe(true);
    await screenshot(page, 'home-en-desktop-kindergartens');
    recorded.check();
    await recorded.close();
  });

  it('searches by text across the whole map and draws the matches as places', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    // Start zoomed into one neighbourhood: a search still looks everywhere.
    await page.goto(`${session.server.url}/ru/?c=44.8235,20.4645&z=16`);
    await waitForMap(page);
    await page.fill('#f-q', 'самовар');
    await page.press('#f-q', 'Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('самовар');
    await expect.poll(() => page.locator('#map').getAttribute('data-clusters')).toBe('0');
    await expect
      .poll(async () => {
        const names = await page.locator('#cards .card__name').allTextContents();
        return names.length > 1 && names.every((name) => /самовар/i.test(name));
      })
      .toBe(true);
    await expect
      .poll(async () => Number(await page.locator('#map').getAttribute('data-points')))
      .toBeGreaterThan(1);
    // The map zoomed out to show the matches, which are in both cities.
    await expect
      .poll(async () => Number(new URL(page.url()).searchParams.get('z')), { timeout: 10_000 })
      .toBeLessThan(11);
    await screenshot(page, 'home-ru-desktop-search');
    recorded.check();
    await recorded.close();
  });

  it('opens the place page from a list entry', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/`);
    await waitForMap(page);
    const first = page.locator('#cards .card__name a').first();
    const name = (await first.textContent())?.trim() ?? '';
    await first.click();
    await page.waitForURL(/\/ru\/p\/\d+-[a-z0-9-]+$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe(name);
    await waitForMap(page, '#place-map');
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(jsonLd['@type']).toBe('LocalBusiness');
    expect(jsonLd.name).toBe(name);
    await screenshot(page, 'place-ru-desktop');
    recorded.check();
    await recorded.close();
  });

  it('opens a popup with a link when a place dot is clicked', async () => {
    const recorded = await session.open();
    const page = await recorded.page();
    // Zoomed in on Dorćol, single places are drawn as dots (a WebGL layer, so they are found by projection).
    await page.goto(`${session.server.url}/en/?c=44.8180,20.4600&z=15`);
    await waitForMap(page);
    expect(Number(await page.locator('#map').getAttribute('data-points'))).toBeGreaterThan(0);
    const target = await page.evaluate(async () => {
      const params = new URL(location.href).searchParams;
      const [lat = 0, lon = 0] = (params.get('c') ?? '').split(',').map(Number);
      const zoom = Number(params.get('z'));
      const world = 512 * 2 ** zoom;
      const project = (lo: number, la: number) => [
        ((lo + 180) / 360) * world,
        ((1 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / Math.PI) / 2) * world,
      ];
      const rect = (document.getElementById('map') as HTMLElement).getBoundingClientRect();
      const [cx = 0, cy = 0] = project(lon, lat);
      const bbox = [rect.width, rect.height];
      const response = await fetch(
        `/api/v1/clusters?bbox=${[lon - 0.02, lat - 0.01, lon + 0.02, lat + 0.01].join(',')}&zoom=${Math.floor(zoom)}`,
      );
      const data = (await response.json()) as {
        features: Array<{ geometry: { coordinates: [number, number] }; properties: { cluster?: boolean } }>;
      };
      const onScreen = data.features.map((f) => {
        const [x = 0, y = 0] = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
        return {
          cluster: Boolean(f.properties.cluster),
          x: rect.left + rect.width / 2 + x - cx,
          y: rect.top + rect.height / 2 + y - cy,
        };
      });
      const clusters = onScreen.filter((p) => p.cluster);
      const inside = (p: { x: number; y: number }) =>
        p.x > rect.left + 20 && p.x < rect.right - 60 && p.y > rect.top + 20 && p.y < rect.bottom - 40;
      return (
        onScreen.find(
          (p) => !p.cluster && inside(p) && clusters.every((c) => Math.hypot(c.x - p.x, c.y - p.y) > 40),
        ) ?? { x: 0, y: 0, size: bbox }
      );
    });
    expect(target.x).toBeGreaterThan(0);
    const link = page.locator('.maplibregl-popup a.popup__name');
    // The dots are drawn by MapLibre's worker some time after the data arrives; on a busy machine the first
    // click can land before they are, and hits nothing. Click again until the popup opens (or give up).
    for (let attempt = 0; attempt < 15 && !(await link.isVisible()); attempt++) {
      await page.mouse.click(target.x, target.y);
      await link.waitFor({ timeout: 1000 }).catch(() => undefined);
    }
    await link.waitFor({ timeout: 5000 });
    expect(await link.getAttribute('href')).toMatch(/^\/en\/p\/\d+-/);
    await screenshot(page, 'home-en-desktop-popup');
    recorded.check();
    await recorded.close();
  });

  it('fits a 360 px wide phone: map on top, list below, no sideways scrolling', async () => {
    const recorded = await session.open({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const page = await recorded.page();
    await page.goto(`${session.server.url}/ru/`);
    await waitForMap(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const map = await page.locator('#map').boundingBox();
    const list = await page.locator('#cards').boundingBox();
    expect(map && list && map.y < list.y).toBe(true);
    await screenshot(page, 'home-ru-phone');
    recorded.check();
    await recorded.close();
  });
});
