import type { Locale } from '../../domain/locales.ts';
import { html, type SafeHtml } from '../html.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { type Assets, page } from './layout.ts';

export function renderNotFound(assets: Assets, locale: Locale, origin: string): SafeHtml {
  const tr = t(locale);
  const n = tr.m.notFound;
  return page({
    tr,
    title: `${n.title} · Kvartal`,
    localeHref: (l) => localePath(l),
    origin,
    body: html`<main id="main" class="simple-page not-found">
  <p class="not-found__code" aria-hidden="true">404</p>
  <h1>${n.title}</h1>
  <p>${n.text}</p>
  <p><a class="button button--primary" href="${localePath(locale)}">${n.home}</a></p>
</main>`,
    pageClass: 'page-simple',
    head: html`<meta name="robots" content="noindex">`,
    // No map here: the page needs only the stylesheet.
    assets: { ...assets, script: null },
  });
}
