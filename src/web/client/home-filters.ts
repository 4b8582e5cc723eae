import {
  activeFilterCount,
  type Filters,
  filterParams,
  filtersFromQuery,
  type MapView,
  mapViewParams,
} from '../filters-url.ts';
import type { Translator } from '../i18n/index.ts';

/** The filter form as Filters, read the same way the server reads the submitted form. */
export function readForm(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const query: Record<string, string | string[]> = {};
  for (const key of ['q', 'category', 'city', 'neighbourhood', 'open_now', 'locals_welcome']) {
    const value = data.get(key);
    if (typeof value === 'string') query[key] = value;
  }
  query.languages = data.getAll('languages').filter((v): v is string => typeof v === 'string');
  return filtersFromQuery(query);
}

/** The address bar and the locale links say what is shown, so a copied link opens the same view. */
export function reflectInUrl(filters: Filters, view: MapView): void {
  const params = filterParams(filters);
  for (const [key, value] of mapViewParams(view)) params.set(key, value);
  const query = params.size ? `?${params}` : '';
  history.replaceState(history.state, '', `${location.pathname}${query}`);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.locales__list a[hreflang]')) {
    link.href = `/${link.hreflang}/${query}`;
  }
  // The no-JavaScript form also carries the view; keep its hidden fields current for a plain submit.
  for (const [key, value] of mapViewParams(view)) {
    const input = document.querySelector<HTMLInputElement>(`#filters input[type="hidden"][name="${key}"]`);
    if (input) input.value = value;
  }
}

/** Neighbourhoods of other cities are hidden once a city is chosen; a neighbourhood picks its city. */
export function syncPlaceSelects(form: HTMLFormElement, changed: EventTarget | null): void {
  const city = form.querySelector<HTMLSelectElement>('select[name="city"]');
  const hood = form.querySelector<HTMLSelectElement>('select[name="neighbourhood"]');
  if (!city || !hood) return;
  if (changed === hood && hood.value) {
    const chosen = hood.selectedOptions[0]?.dataset.city;
    if (chosen) city.value = chosen;
  }
  for (const group of hood.querySelectorAll<HTMLOptGroupElement>('optgroup')) {
    const hidden = Boolean(city.value) && group.dataset.city !== city.value;
    group.hidden = hidden;
    group.disabled = hidden;
  }
  if (hood.selectedOptions[0]?.disabled) hood.value = '';
}

export function updateFilterBadge(form: HTMLFormElement, tr: Translator, filters: Filters): void {
  const summary = form.querySelector('.filters__more > summary');
  if (!summary) return;
  const count = activeFilterCount(filters);
  let badge = summary.querySelector<HTMLElement>('.count-badge');
  if (!count) {
    badge?.remove();
    return;
  }
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'count-badge';
    summary.append(' ', badge);
  }
  badge.textContent = tr.plural(tr.m.filters.active, count);
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  return Object.assign(debounced, { cancel: () => clearTimeout(timer) });
}
