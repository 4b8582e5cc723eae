import type { Locale } from '../../domain/locales.ts';
import type { Taxonomy } from '../../usecases/taxonomy.ts';
import { categoryChoices } from '../components/category-choices.ts';
import { html, htmlFormat, jsonScript, type SafeHtml } from '../html.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { type Assets, page } from './layout.ts';

export const IMPORT_PATH = 'admin/import';

/** What the file input offers; the server decides the format from the content and the name. */
export const IMPORT_ACCEPT = ['.kml', '.kmz', '.geojson', '.json', '.osm', '.csv', '.tsv', '.txt'];

/** Product and format names stay Latin in every locale (Serbian Cyrillic included), so they are placeholders. */
export const IMPORT_FORMATS = 'KML/KMZ (Google My Maps), GeoJSON, OpenStreetMap (.osm, Overpass JSON), CSV';

/** The same steps on the server, for operators without JavaScript (README "Bringing a map in"). */
const CLI_COMMANDS = ['npx kvartal import <file> --dry-run', 'npx kvartal import <file>'];

/**
 * The operator's import page: upload, preview (a dry run), map layers to categories, confirm. The upload
 * is the script's job (it sends the file's bytes to `POST /api/v1/imports` and reads the progress lines),
 * so the form is hidden until the script shows it; without JavaScript the page gives the command instead.
 */
export function renderAdminImport(
  assets: Assets,
  taxonomy: Taxonomy,
  locale: Locale,
  origin: string,
): SafeHtml {
  const tr = t(locale);
  const m = tr.m.adminImport;
  const body = html`<main id="main" class="simple-page admin-import">
  <h1>${m.title}</h1>
  <p class="lead">${m.intro}</p>
  <div class="notice notice--warning import-nojs" id="import-nojs">
    <div>
      <p>${tr.format(m.noJs, { javascript: 'JavaScript' })}</p>
      <pre class="import-cli"><code>${CLI_COMMANDS.join('\n')}</code></pre>
    </div>
  </div>
  <form class="import-form" id="import-form" novalidate hidden aria-labelledby="h-import-file"
    data-map-href="${localePath(locale)}" data-place-href="${localePath(locale, 'p/')}">
    <h2 id="h-import-file">${m.uploadHeading}</h2>
    <div class="field">
      <label for="import-token">${m.token}</label>
      <input type="password" id="import-token" name="token" class="import-form__input" autocomplete="current-password" spellcheck="false" aria-describedby="import-token-hint" required>
      <p class="hint" id="import-token-hint">${htmlFormat(m.tokenHint, { name: html`<code>ADMIN_TOKEN</code>` })}</p>
    </div>
    <div class="field">
      <label for="import-file">${m.file}</label>
      <input type="file" id="import-file" name="file" class="import-form__input" accept="${IMPORT_ACCEPT.join(',')}" aria-describedby="import-file-hint" required>
      <p class="hint" id="import-file-hint">${tr.format(m.fileHint, { formats: IMPORT_FORMATS })}</p>
    </div>
    <div class="import-error notice notice--warning" id="import-error" role="alert" tabindex="-1" hidden></div>
    <button type="submit" class="button button--primary import-form__submit">${m.preview}</button>
  </form>
  <div class="import-progress" id="import-progress" hidden>
    <progress id="import-progress-bar" max="100" aria-label="${m.progressLabel}"></progress>
    <p class="import-progress__text" id="import-progress-text" role="status" tabindex="-1"></p>
  </div>
  <section class="import-result" id="import-result" aria-labelledby="import-result-heading" hidden></section>
</main>
<script type="application/json" id="import-categories">${jsonScript(categoryChoices(taxonomy, locale))}</script>`;
  return page({
    tr,
    title: `${m.title} · Kvartal`,
    localeHref: (l) => localePath(l, IMPORT_PATH),
    origin,
    body,
    pageClass: 'page-simple page-admin-import',
    // An operator's tool: search engines have nothing to find here.
    head: html`<meta name="robots" content="noindex">`,
    assets,
  });
}
