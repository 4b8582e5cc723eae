import type { Frame, Page } from 'playwright-core';
import type { Locale } from '../../src/domain/locales.ts';
import type { PageShowingPlace } from '../support/place-pages.ts';
import { type RecordedContext, waitForMap } from './browser.ts';

/**
 * Finding out whether stored text ran as script or became markup on a page: a trap installed before any page
 * script, a look through the DOM of every frame, and a way to take the CSP away so escaping alone is tested.
 */

interface Trap {
  __xssHits: string[];
  __xss(...args: unknown[]): void;
}

/**
 * Runs in every frame before any page script: a payload that runs calls `__xss` (or alert, confirm,
 * prompt), and each call is written down. A blocked inline script or handler (CSP) is written down too.
 */
export function installTrap(): void {
  const w = window as unknown as Trap & Window;
  const hits: string[] = [];
  Object.defineProperty(w, '__xssHits', { value: hits });
  const record =
    (how: string) =>
    (...args: unknown[]) => {
      hits.push(`${how}(${args.map(String).join(', ')}) at ${location.href}`);
      return null;
    };
  Object.defineProperty(w, '__xss', { value: record('__xss') });
  w.alert = record('alert');
  w.confirm = (...args: unknown[]) => {
    record('confirm')(...args);
    return false;
  };
  w.prompt = record('prompt');
  document.addEventListener('securitypolicyviolation', (event) =>
    hits.push(
      `CSP blocked ${event.violatedDirective}: ${event.sample || event.blockedURI} at ${location.href}`,
    ),
  );
}

/**
 * What data could have put into the page as markup: event-handler attributes, script URLs, elements that
 * run or load something and are not the app's own, and payload text in an attribute that is not plain text.
 */
function injectedMarkup(): string[] {
  const TEXT_ATTRIBUTES = ['title', 'alt', 'content', 'value', 'placeholder', 'label', 'lang'];
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'ping'];
  const RUNNING = ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'base', 'img', 'math'];
  const problems: string[] = [];
  const describe = (el: Element) => el.outerHTML.slice(0, 160);
  const isData = (el: Element) =>
    el.localName === 'script' && /^application\/(ld\+)?json$/.test(el.getAttribute('type') ?? '');
  const isOwn = (el: Element) =>
    isData(el) ||
    (el.localName === 'script' && /^\/assets\//.test(el.getAttribute('src') ?? '')) ||
    (el.localName === 'iframe' &&
      el.id === 'embed-preview' &&
      /^\/embed\?/.test(el.getAttribute('src') ?? ''));
  for (const el of document.querySelectorAll('*')) {
    // Data in a script element: text that closed the element early would leave JSON that does not parse.
    if (isData(el)) {
      try {
        JSON.parse(el.textContent ?? '');
      } catch {
        problems.push(`broken JSON: ${describe(el)}`);
      }
    }
    if (RUNNING.includes(el.localName) && !isOwn(el)) problems.push(`element: ${describe(el)}`);
    if (el.localName === 'meta' && el.hasAttribute('http-equiv')) problems.push(`meta: ${describe(el)}`);
    if (
      el.localName === 'svg' &&
      !el.closest('[aria-hidden="true"]') &&
      el.getAttribute('aria-hidden') !== 'true'
    )
      problems.push(`svg: ${describe(el)}`);
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith('on')) problems.push(`${name}: ${describe(el)}`);
      if (name === 'srcdoc') problems.push(`srcdoc: ${describe(el)}`);
      const url = URL_ATTRIBUTES.includes(name) || name.endsWith(':href');
      // What a browser reads past: control characters and spaces inside or around the scheme.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      const scheme = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
      if (url && /^(javascript|vbscript|data):/.test(scheme))
        problems.push(`${name}=${value}: ${describe(el)}`);
      if (name === 'style' && /expression|javascript|url\(/i.test(value))
        problems.push(`style: ${describe(el)}`);
      const inert =
        TEXT_ATTRIBUTES.includes(name) ||
        name.startsWith('aria-') ||
        name.startsWith('data-') ||
        (url && /^(https?|mailto|tel):/.test(scheme));
      if (!inert && value.includes('__xss')) problems.push(`payload in ${name}: ${describe(el)}`);
    }
  }
  return problems;
}

export interface PageReport {
  url: string;
  locale: Locale;
  kind: PageShowingPlace['kind'];
  status: number;
  hits: string[];
  injected: string[];
  /** The text of the page and its frames. */
  text: string;
  /** What is wrong with a place's own page (heading, JSON-LD). */
  ownPage: string[];
}

export async function frameReport(frame: Frame): Promise<{ hits: string[]; injected: string[] }> {
  try {
    const hits = await frame.evaluate(() => [...((window as unknown as Partial<Trap>).__xssHits ?? [])]);
    return { hits, injected: await frame.evaluate(injectedMarkup) };
  } catch (error) {
    // A frame that navigated away (a payload's redirect would) is itself a finding.
    return { hits: [], injected: [`frame ${frame.url()} could not be read: ${String(error)}`] };
  }
}

export async function openAndInspect(
  page: Page,
  url: string,
  locale: Locale,
  kind: PageShowingPlace['kind'],
  dialogs: string[],
): Promise<PageReport> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (await page.locator('#map').count()) await waitForMap(page);
  await page.waitForLoadState('networkidle');
  const hits = [...dialogs.splice(0)];
  const injected: string[] = [];
  let text = '';
  for (const frame of page.frames()) {
    const report = await frameReport(frame);
    hits.push(...report.hits);
    injected.push(...report.injected);
    text += await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '');
  }
  return { url, locale, kind, status: response?.status() ?? 0, hits, injected, text, ownPage: [] };
}

/** Removes the Content-Security-Policy header from every document, so escaping alone has to hold. */
export async function withoutCsp(recorded: RecordedContext): Promise<void> {
  await recorded.context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    return route.fulfill({ response, headers });
  });
}
