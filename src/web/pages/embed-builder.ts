import { isLocale, LOCALES, type Locale } from '../../domain/locales.ts';
import type { Taxonomy } from '../../usecases/taxonomy.ts';
import { categoryOptions, cityOptions } from '../components/filters.ts';
import {
  DEFAULT_EMBED_SIZE,
  EMBED_SIZES,
  type EmbedChoice,
  type EmbedSize,
  embedPath,
  embedSnippet,
  isEmbedSize,
} from '../embed-url.ts';
import { html, htmlFormat, jsonScript, type SafeHtml } from '../html.ts';
import { LOCALE_NAMES, t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { BBOX_EXAMPLE, frameTitle } from './embed.ts';
import type { Query } from './home.ts';
import { type Assets, page } from './layout.ts';

export const BUILDER_PATH = 'embed';

export interface BuilderState {
  choice: EmbedChoice;
  size: EmbedSize;
}

function first(value: Query[string]): string {
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
}

/** The builder's own form, read leniently: a value it does not know is left at its default. */
export function builderState(taxonomy: Taxonomy, query: Query, pageLocale: Locale): BuilderState {
  const category = first(query.category);
  const city = first(query.city);
  const locale = first(query.locale);
  const size = first(query.size);
  return {
    choice: {
      category: taxonomy.category(category) ? category : '',
      city: taxonomy.city(city) ? city : '',
      locale: isLocale(locale) ? locale : pageLocale,
    },
    size: isEmbedSize(size) ? size : DEFAULT_EMBED_SIZE,
  };
}

function selected(on: boolean): SafeHtml {
  return on ? html` selected` : html``;
}

/** Category and city names in every locale, so the script titles the frame in the language chosen for it. */
function namesData(taxonomy: Taxonomy) {
  return {
    categories: Object.fromEntries(taxonomy.categories.map((c) => [c.slug, c.names])),
    cities: Object.fromEntries(taxonomy.cities.map((c) => [c.slug, c.names])),
  };
}

/**
 * A plain GET form and the code it makes. Without JavaScript the server writes the code and the preview for
 * the submitted choice; with it, the script rewrites both as the form changes.
 */
export function renderEmbedBuilder(
  assets: Assets,
  taxonomy: Taxonomy,
  locale: Locale,
  origin: string,
  state: BuilderState,
  query: string,
): SafeHtml {
  const tr = t(locale);
  const e = tr.m.embed;
  const f = tr.m.filters;
  const { choice, size } = state;
  const title = frameTitle(taxonomy, choice);
  const snippet = embedSnippet(origin, choice, size, title);
  const { width, height } = EMBED_SIZES[size];
  const sizeNames: Record<EmbedSize, string> = {
    small: e.sizeSmall,
    medium: e.sizeMedium,
    large: e.sizeLarge,
  };
  const body = html`<main id="main" class="simple-page simple-page--wide embed-builder">
  <h1>${e.title}</h1>
  <p class="lead">${e.intro}</p>
  <form class="embed-form" id="embed-form" method="get" action="${localePath(locale, BUILDER_PATH)}" data-origin="${origin}">
    <fieldset class="embed-form__fields">
      <legend>${e.optionsHeading}</legend>
      <div class="field">
        <label for="e-category">${f.category}</label>
        <select id="e-category" name="category">${categoryOptions(tr, taxonomy, choice.category)}</select>
      </div>
      <div class="field">
        <label for="e-city">${f.city}</label>
        <select id="e-city" name="city">${cityOptions(tr, taxonomy, choice.city)}</select>
      </div>
      <div class="field">
        <label for="e-locale">${e.locale}</label>
        <select id="e-locale" name="locale">${LOCALES.map(
          (l) =>
            html`<option value="${l}" lang="${l}"${selected(l === choice.locale)}>${LOCALE_NAMES[l]}</option>`,
        )}</select>
      </div>
      <div class="field">
        <label for="e-size">${e.size}</label>
        <select id="e-size" name="size">${(Object.keys(EMBED_SIZES) as EmbedSize[]).map(
          (s) =>
            html`<option value="${s}"${selected(s === size)}>${sizeNames[s]} — ${EMBED_SIZES[s].width} × ${EMBED_SIZES[s].height}</option>`,
        )}</select>
      </div>
    </fieldset>
    <button type="submit" class="button embed-form__apply">${e.apply}</button>
  </form>
  <section class="embed-code" aria-labelledby="h-embed-code">
    <h2 id="h-embed-code"><label for="embed-code">${e.code}</label></h2>
    <textarea id="embed-code" class="embed-code__text" readonly rows="5" spellcheck="false">${snippet}</textarea>
    <div class="embed-code__actions">
      <button type="button" class="button button--primary" id="embed-copy" hidden>${e.copy}</button>
      <p class="embed-code__status" id="embed-copy-status" role="status"></p>
    </div>
    <p class="hint">${htmlFormat(e.bboxHint, { parameter: html`<code>bbox=${BBOX_EXAMPLE}</code>` })}</p>
  </section>
  <section class="embed-preview" aria-labelledby="h-embed-preview">
    <h2 id="h-embed-preview">${e.preview}</h2>
    <div class="embed-preview__frame">
      <iframe id="embed-preview" src="${embedPath(choice)}" title="${title}" width="${width}" height="${height}" loading="lazy"></iframe>
    </div>
  </section>
</main>
<script type="application/json" id="embed-names">${jsonScript(namesData(taxonomy))}</script>`;
  return page({
    tr,
    title: `${e.title} · Kvartal`,
    localeHref: (l) => `${localePath(l, BUILDER_PATH)}${query}`,
    origin,
    canonicalPath: localePath(locale, BUILDER_PATH),
    body,
    pageClass: 'page-simple page-embed-builder',
    assets,
  });
}
