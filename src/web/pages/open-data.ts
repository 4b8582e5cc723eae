import type { Locale } from '../../domain/locales.ts';
import { attributionLine, type DataLicence } from '../../open-data/licence.ts';
import { html, htmlFormat, type SafeHtml } from '../html.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { BUILDER_PATH } from './embed-builder.ts';
import { type Assets, page } from './layout.ts';

export const OPEN_DATA_PATH = 'open-data';
export const SITE_NAME = 'Kvartal';

/** The export files; their routes live under /api/v1, the words about them here. */
// Product names stay Latin in every locale, so they go into the texts as placeholders.
const DOWNLOADS = [
  {
    format: 'GeoJSON',
    href: '/api/v1/export.geojson',
    key: 'geojson',
    vars: { apps: 'QGIS, MapLibre, Leaflet' },
  },
  {
    format: 'KML',
    href: '/api/v1/export.kml',
    key: 'kml',
    vars: { app1: 'Google My Maps', app2: 'Google Earth' },
  },
  {
    format: 'CSV',
    href: '/api/v1/export.csv',
    key: 'csv',
    vars: { app1: 'LibreOffice Calc', app2: 'Microsoft Excel', encoding: 'UTF-8 + BOM' },
  },
] as const;

function licenceName(licence: DataLicence): SafeHtml {
  return licence.url
    ? html`<a href="${licence.url}" lang="en" rel="license">${licence.name}</a>`
    : html`<span lang="en">${licence.name}</span>`;
}

/** What the licence asks, in plain words; the attribution line is the exact text every export carries. */
function licenceTerms(locale: Locale, licence: DataLicence, attribution: string): SafeHtml {
  const o = t(locale).m.openData;
  if (!licence.requiresAttribution && !licence.shareAlike) return html`<p>${o.noConditions}</p>`;
  return html`<ul class="terms">
    ${
      licence.requiresAttribution
        ? html`<li><p>${o.attribution}</p><p class="attribution" lang="en">${attribution}</p></li>`
        : ''
    }
    ${licence.shareAlike ? html`<li><p>${o.shareAlike}</p></li>` : ''}
  </ul>`;
}

/** What Kvartal publishes, under which licence, and where to get it: files, the API, the embeddable map. */
export function renderOpenData(
  assets: Assets,
  locale: Locale,
  origin: string,
  licence: DataLicence,
  siteUrl: string,
): SafeHtml {
  const tr = t(locale);
  const o = tr.m.openData;
  const attribution = attributionLine(licence, SITE_NAME, siteUrl);
  const body = html`<main id="main" class="simple-page open-data">
  <h1>${o.title}</h1>
  <p class="lead">${o.intro}</p>

  <section class="open-data__section" aria-labelledby="h-published">
    <h2 id="h-published">${o.publishedHeading}</h2>
    <p>${o.published}</p>
    <h3>${o.neverHeading}</h3>
    <ul class="never">
      <li>${o.neverPending}</li>
      <li>${o.neverPrivate}</li>
      <li>${o.neverHome}</li>
    </ul>
  </section>

  <section class="open-data__section" aria-labelledby="h-licence">
    <h2 id="h-licence">${o.licenceHeading}</h2>
    <p>${htmlFormat(o.licence, { licence: licenceName(licence), id: html`<code>${licence.id}</code>` })}</p>
    <h3>${o.licenceTermsHeading}</h3>
    ${licenceTerms(locale, licence, attribution)}
  </section>

  <section class="open-data__section" aria-labelledby="h-download">
    <h2 id="h-download">${o.downloadHeading}</h2>
    <p>${o.downloadIntro}</p>
    <ul class="downloads">${DOWNLOADS.map(
      (d) => html`<li class="download">
      <a class="button button--primary download__link" href="${d.href}" download>${tr.format(o.download, { format: d.format })}</a>
      <p class="download__text">${tr.format(o[d.key], d.vars)}</p>
    </li>`,
    )}</ul>
  </section>

  <section class="open-data__section" aria-labelledby="h-api">
    <h2 id="h-api">${o.apiHeading}</h2>
    <p>${htmlFormat(o.api, { link: html`<a href="/api/docs">${o.apiLink}</a>` })}</p>
  </section>

  <section class="open-data__section" aria-labelledby="h-embed">
    <h2 id="h-embed">${o.embedHeading}</h2>
    <p>${o.embed}</p>
    <p><a class="button" href="${localePath(locale, BUILDER_PATH)}">${o.embedLink}</a></p>
  </section>
</main>`;
  return page({
    tr,
    title: `${o.title} · Kvartal`,
    localeHref: (l) => localePath(l, OPEN_DATA_PATH),
    origin,
    canonicalPath: localePath(locale, OPEN_DATA_PATH),
    body,
    pageClass: 'page-simple page-open-data',
    // No map here: the page needs only the stylesheet.
    assets: { ...assets, script: null },
  });
}
