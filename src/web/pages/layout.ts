import { LOCALES, type Locale } from '../../domain/locales.ts';
import { NOJS_CSS_PATH } from '../assets.ts';
import { html, type SafeHtml } from '../html.ts';
import { LOCALE_NAMES, type Translator } from '../i18n/index.ts';
import { localePath } from '../locale.ts';

/** Built client files, with a content hash in the query so a new build is never served from a stale cache. */
export interface Assets {
  styles: string[];
  script: string | null;
}

export interface PageOptions {
  tr: Translator;
  title: string;
  description?: string;
  /** The same page in each locale: the switcher's links and the hreflang alternates. */
  localeHref(locale: Locale): string;
  /** Scheme and host for absolute links (canonical, hreflang). */
  origin: string;
  canonicalPath?: string;
  /** The locale-less address that picks the visitor's locale (hreflang x-default). */
  defaultPath?: string;
  head?: SafeHtml;
  body: SafeHtml;
  pageClass: string;
  assets: Assets;
  demo?: boolean;
}

export const DEMO_CLEAR_COMMAND = 'npx kvartal demo --clear';

/** For pages with a map: without JavaScript this stylesheet hides the empty map (a link, so the CSP holds). */
export const noScriptStyles = html`<noscript><link rel="stylesheet" href="${NOJS_CSS_PATH}"></noscript>`;

/** What every document has, with or without the site's header and footer. */
export interface ShellOptions {
  tr: Translator;
  title: string;
  description?: string;
  /** Links and metadata placed in <head> after the stylesheets and script. */
  head?: SafeHtml;
  body: SafeHtml;
  pageClass: string;
  assets: Assets;
}

/** The HTML document around a body; the embedded map uses it bare, every other page through `page`. */
export function shell(options: ShellOptions): SafeHtml {
  const { tr, assets } = options;
  const description = options.description ?? tr.m.common.description;
  return html`<!doctype html>
<html lang="${tr.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<meta name="description" content="${description}">
<meta name="theme-color" content="#1d4e89">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
${assets.script ? html`<script type="module" src="${assets.script}"></script>` : ''}
${options.head ?? ''}
</head>
<body class="${options.pageClass}">
${options.body}
</body>
</html>`;
}

export function page(options: PageOptions): SafeHtml {
  const { tr } = options;
  return shell({
    ...options,
    head: html`${options.canonicalPath ? html`<link rel="canonical" href="${options.origin}${options.canonicalPath}">` : ''}
${LOCALES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${options.origin}${options.localeHref(l)}">`)}
${options.defaultPath ? html`<link rel="alternate" hreflang="x-default" href="${options.origin}${options.defaultPath}">` : ''}
${options.head ?? ''}`,
    body: html`<a class="skip-link" href="#main">${tr.m.common.skipToContent}</a>
${siteHeader(options)}
${options.body}
${siteFooter(tr)}`,
  });
}

function siteHeader(options: PageOptions): SafeHtml {
  const { tr } = options;
  return html`<header class="site-header">
  <div class="site-header__bar">
    <a class="brand" href="${localePath(tr.locale)}">
      <svg class="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Z" fill="currentColor"/><circle cx="12" cy="9" r="2.6" fill="#fff"/></svg>
      <span>Kvartal</span>
    </a>
    <span class="brand__tagline">${tr.m.common.tagline}</span>
    ${localeSwitcher(options)}
  </div>
  ${options.demo ? demoNotice(tr, tr.m.demo.notice) : ''}
</header>`;
}

/** Links to this page in every locale; a disclosure, so it works without JavaScript and fits a phone. */
export function localeSwitcher(options: Pick<PageOptions, 'tr' | 'localeHref'>): SafeHtml {
  const { tr } = options;
  return html`<nav class="locales" aria-label="${tr.m.common.language}">
    <details class="locales__menu">
      <summary class="locales__toggle" title="${tr.m.common.languageMenu}">
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 6h-3a15.7 15.7 0 0 0-1.4-3.9A8 8 0 0 1 18.9 8ZM12 4c.9 1.2 1.6 2.5 2 4h-4c.4-1.5 1.1-2.8 2-4ZM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3Zm.8 2h3a15.7 15.7 0 0 0 1.4 3.9A8 8 0 0 1 5.1 16Zm3-8h-3a8 8 0 0 1 4.4-3.9C8.9 5.3 8.4 6.6 8.1 8ZM12 20c-.9-1.2-1.6-2.5-2-4h4c-.4 1.5-1.1 2.8-2 4Zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4Zm.2 5.9c.6-1.2 1.1-2.5 1.4-3.9h3a8 8 0 0 1-4.4 3.9Zm1.8-5.9a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4Z" fill="currentColor"/></svg>
        <span class="visually-hidden">${tr.m.common.language}:</span>
        <span>${LOCALE_NAMES[tr.locale]}</span>
      </summary>
      <ul class="locales__list">
        ${LOCALES.map(
          (l) =>
            html`<li><a href="${options.localeHref(l)}" hreflang="${l}" lang="${l}"${
              l === tr.locale ? html` aria-current="page"` : ''
            }>${LOCALE_NAMES[l]}</a></li>`,
        )}
      </ul>
    </details>
  </nav>`;
}

export function demoNotice(tr: Translator, text: string): SafeHtml {
  const [before = '', after = ''] = tr.m.demo.howToRemove.split('{command}');
  return html`<div class="notice notice--demo">
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z" fill="currentColor"/></svg>
    <p><strong>${text}</strong> ${before}<code>${DEMO_CLEAR_COMMAND}</code>${after}</p>
  </div>`;
}

function siteFooter(tr: Translator): SafeHtml {
  const c = tr.m.common;
  return html`<footer class="site-footer">
  <p>${c.footer}</p>
  <nav class="site-footer__links" aria-label="${c.apiLink}"><ul>
    <li><a href="${localePath(tr.locale, 'events')}">${tr.m.events.title}</a></li>
    <li><a href="${localePath(tr.locale, 'suggest')}">${tr.m.community.suggestLink}</a></li>
    <li><a href="${localePath(tr.locale, 'account')}">${tr.m.community.account}</a></li>
    <li><a href="${localePath(tr.locale, 'insights')}">${tr.m.insights.link}</a></li>
    <li><a href="${localePath(tr.locale, 'open-data')}">${c.openDataLink}</a></li>
    <li><a href="${localePath(tr.locale, 'embed')}">${c.embedLink}</a></li>
    <li><a href="${localePath(tr.locale, 'api')}">${c.apiDocsLink}</a></li>
  </ul></nav>
</footer>`;
}
