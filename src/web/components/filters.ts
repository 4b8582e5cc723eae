import { pickText } from '../../domain/locales.ts';
import type { Taxonomy } from '../../usecases/taxonomy.ts';
import {
  activeFilterCount,
  FILTER_LANGUAGES,
  type Filters,
  type MapView,
  mapViewParams,
} from '../filters-url.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import { localePath } from '../locale.ts';

/** Options are sorted by their translated names: what a reader scans for is the name, not the slug. */
function byName<T>(items: T[], name: (item: T) => string, locale: string): T[] {
  return [...items].sort((a, b) => name(a).localeCompare(name(b), locale));
}

function selected(on: boolean): SafeHtml {
  return on ? html` selected` : html``;
}

function checked(on: boolean): SafeHtml {
  return on ? html` checked` : html``;
}

/** "All categories", then each group (itself, then its categories by name); also the embed builder's list. */
export function categoryOptions(tr: Translator, taxonomy: Taxonomy, chosen: string): SafeHtml {
  const f = tr.m.filters;
  const name = (names: Parameters<typeof pickText>[0]) => pickText(names, tr.locale);
  return html`<option value="">${f.anyCategory}</option>
          ${taxonomy.groups().map(
            (group) => html`<optgroup label="${name(group.names)}">
              <option value="${group.slug}"${selected(chosen === group.slug)}>${tr.format(f.wholeGroup, { group: name(group.names) })}</option>
              ${byName(taxonomy.childrenOf(group.slug), (c) => name(c.names), tr.locale).map(
                (c) =>
                  html`<option value="${c.slug}"${selected(chosen === c.slug)}>${name(c.names)}</option>`,
              )}
            </optgroup>`,
          )}`;
}

/** "All cities", then each city with its bounds (the map script zooms to them). */
export function cityOptions(tr: Translator, taxonomy: Taxonomy, chosen: string): SafeHtml {
  return html`<option value="">${tr.m.filters.anyCity}</option>
          ${taxonomy.cities.map(
            (city) =>
              html`<option value="${city.slug}" data-bounds="${city.bounds.join(',')}"${selected(chosen === city.slug)}>${pickText(city.names, tr.locale)}</option>`,
          )}`;
}

/** A plain GET form: it works without JavaScript; the browser script listens to it and updates in place. */
export function filterForm(
  tr: Translator,
  taxonomy: Taxonomy,
  filters: Filters,
  view: MapView | null,
): SafeHtml {
  const f = tr.m.filters;
  const locale = tr.locale;
  const name = (names: Parameters<typeof pickText>[0]) => pickText(names, locale);
  const active = activeFilterCount(filters);
  const viewParams = view ? [...mapViewParams(view)] : [];
  return html`<form class="filters" id="filters" method="get" action="${localePath(locale)}" role="search" aria-label="${f.label}">
  <div class="filters__search">
    <label class="visually-hidden" for="f-q">${f.search}</label>
    <div class="search-box">
      <input type="search" id="f-q" name="q" value="${filters.q}" placeholder="${f.searchPlaceholder}" maxlength="200" autocomplete="off" enterkeyhint="search">
    </div>
    <button type="submit" class="button button--primary">${f.submit}</button>
  </div>
  <details class="filters__more" id="filters-more"${active ? html` open` : ''}>
    <summary class="filters__toggle">${f.more}${active ? html` <span class="count-badge">${tr.plural(f.active, active)}</span>` : ''}</summary>
    <div class="filters__grid">
      <div class="field">
        <label for="f-category">${f.category}</label>
        <select id="f-category" name="category">
          ${categoryOptions(tr, taxonomy, filters.category)}
        </select>
      </div>
      <div class="field">
        <label for="f-city">${f.city}</label>
        <select id="f-city" name="city">
          ${cityOptions(tr, taxonomy, filters.city)}
        </select>
      </div>
      <div class="field">
        <label for="f-neighbourhood">${f.neighbourhood}</label>
        <select id="f-neighbourhood" name="neighbourhood">
          <option value="">${f.anyNeighbourhood}</option>
          ${taxonomy.cities.map(
            (city) => html`<optgroup label="${name(city.names)}" data-city="${city.slug}">
              ${byName(city.neighbourhoods, (n) => name(n.names), locale).map(
                (n) =>
                  html`<option value="${n.slug}" data-city="${city.slug}" data-centre="${n.centre.join(',')}"${selected(filters.neighbourhood === n.slug)}>${name(n.names)}</option>`,
              )}
            </optgroup>`,
          )}
        </select>
      </div>
      <fieldset class="field field--checks">
        <legend>${f.languages}</legend>
        ${FILTER_LANGUAGES.map(
          (code) =>
            html`<label class="check"><input type="checkbox" name="languages" value="${code}"${checked(filters.languages.includes(code))}> ${tr.languageName(code)}</label>`,
        )}
      </fieldset>
      <label class="check check--switch"><input type="checkbox" name="open_now" value="true"${checked(filters.openNow)}> ${f.openNow}</label>
      <label class="check check--switch"><input type="checkbox" name="locals_welcome" value="true"${checked(filters.localsWelcome)}> ${f.localsWelcome}</label>
    </div>
    <div class="filters__actions">
      <button type="submit" class="button">${f.apply}</button>
      <a class="filters__reset" href="${localePath(locale)}">${f.reset}</a>
    </div>
  </details>
  ${viewParams.map(([key, value]) => html`<input type="hidden" name="${key}" value="${value}">`)}
</form>`;
}
