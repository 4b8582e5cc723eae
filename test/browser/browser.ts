import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Skipped only on a developer machine without Chromium; under CI a missing browser is a failure. */
export const skipBrowserTests = !existsSync(CHROMIUM) && !process.env.CI;

export const SCREENSHOT_DIR = resolve('screenshots');

/** A Wednesday, 12:30 in Belgrade: most demo places are open, some are not, so both status lines show. */
export const PINNED_NOW = new Date('2025-06-04T10:30:00Z');

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** The pages need the built client (dist/client); build it once if this checkout has none or an old one. */
export function ensureClientBuilt(): void {
  execFileSync(process.execPath, ['scripts/ensure-client.mjs'], { stdio: 'inherit' });
  if (!existsSync('dist/client/assets/app.js')) throw new Error('dist/client was not built');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without a GPU, Chromium draws WebGL (which MapLibre needs) with SwiftShader.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/**
 * A browser context that records every request and every console error of its pages. `check()` fails on
 * a request to any host other than the app's (the privacy promise) and on errors (CSP violations show as
 * console errors).
 */
export class RecordedContext {
  readonly requests: string[] = [];
  readonly foreign: string[] = [];
  readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    private readonly origin: string,
  ) {
    context.on('request', (request) => {
      const url = request.url();
      this.requests.push(url);
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
        this.foreign.push(url);
    });
  }

  static async open(
    browser: Browser,
    appUrl: string,
    options: BrowserContextOptions = {},
  ): Promise<RecordedContext> {
    const context = await browser.newContext({ viewport: DESKTOP, ...options });
    return new RecordedContext(context, new URL(appUrl).origin);
  }

  async page(): Promise<Page> {
    const page = await this.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /** Fails on requests to other hosts. */
  checkRequests(): void {
    if (this.foreign.length) throw new Error(`requests to other hosts:\n${this.foreign.join('\n')}`);
  }

  /** Fails on requests to other hosts and on browser errors. */
  check(): void {
    this.checkRequests();
    if (this.errors.length) throw new Error(`errors in the browser:\n${this.errors.join('\n')}`);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** The home map has drawn its first data (the client sets data-ready on the container). */
export async function waitForMap(page: Page, selector = '#map'): Promise<void> {
  await page.waitForSelector(`${selector}[data-ready="true"]`, { timeout: 20_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** One part of a page, e.g. a block before and after an interaction. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
}

/** The app (demo data, pinned clock) and Chromium for one describe block, stopped after it. */
export interface BrowserSession {
  readonly server: TestServer;
  /** A new recorded context on the app: every request and console error is checked by the test. */
  open(options?: BrowserContextOptions): Promise<RecordedContext>;
}

export function browserSession(): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureClientBuilt();
    server = await startTestServer({ now: PINNED_NOW });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!server || !browser) throw new Error('browserSession() is used before its beforeAll ran');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    open: (options = {}) => RecordedContext.open(started().browser, started().server.url, options),
  };
}
