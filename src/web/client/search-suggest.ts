import type { Translator } from '../i18n/index.ts';
import { debounce } from './home-filters.ts';

/** One item of `GET /api/v1/suggest`. */
export interface Suggestion {
  kind: 'place' | 'category' | 'neighbourhood';
  label: string;
  detail?: string;
  /** A locale-prefixed page of this server: a place, or the list filtered by category or neighbourhood. */
  url: string;
  /** [start, end) ranges of the label that the query matched. */
  highlight: Array<[number, number]>;
  slug?: string;
  id?: number;
}

export const SUGGEST_DELAY_MS = 150;
/** Shorter queries match too much to help. */
export const MIN_QUERY_LENGTH = 2;
const MAX_OPTIONS = 10;
const CACHE_SIZE = 40;
const KINDS = ['category', 'neighbourhood', 'place'] as const;

/** Clamped, sorted, merged ranges within a text of `length` code units. */
export function normaliseRanges(ranges: ReadonlyArray<readonly [number, number]>, length: number) {
  const clean = ranges
    .map(([start, end]) => [Math.max(0, Math.floor(start)), Math.min(length, Math.floor(end))] as const)
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of clean) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The label as text nodes, with the matched parts in <mark>. Text only: never parsed as markup. */
export function highlightedLabel(label: string, ranges: ReadonlyArray<readonly [number, number]>) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of normaliseRanges(ranges, label.length)) {
    if (start > at) fragment.append(label.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = label.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  if (at < label.length) fragment.append(label.slice(at));
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Autocomplete on the search box: a WAI-ARIA 1.2 combobox with a listbox popup. The box keeps the focus;
 * the active option is pointed at with aria-activedescendant. Choosing an option opens its page; Enter
 * without an active option submits the form as before, so the plain form is untouched by all this.
 */
export class SearchSuggest {
  private readonly listbox: HTMLElement;
  private readonly status: HTMLElement;
  private items: Suggestion[] = [];
  private options: HTMLElement[] = [];
  private active = -1;
  private shownFor = '';
  private controller: AbortController | null = null;
  private readonly cache = new Map<string, Suggestion[]>();
  private readonly fetchSoon = debounce((query: string) => void this.fetch(query), SUGGEST_DELAY_MS);

  constructor(
    private readonly form: HTMLFormElement,
    private readonly input: HTMLInputElement,
    private readonly tr: Translator,
  ) {
    const box = input.closest<HTMLElement>('.search-box') ?? input.parentElement ?? form;
    const id = `${input.id || 'search'}-suggestions`;
    this.listbox = element('div', {
      id,
      role: 'listbox',
      class: 'suggest',
      'aria-label': tr.m.suggest.label,
    });
    this.listbox.hidden = true;
    this.status = element('div', {
      class: 'visually-hidden',
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': 'true',
    });
    box.append(this.listbox, this.status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', id);
    input.setAttribute('aria-expanded', 'false');

    input.addEventListener('input', () => this.onInput());
    input.addEventListener('keydown', (event) => this.onKeydown(event));
    input.addEventListener('blur', () => this.close());
    input.addEventListener('click', () => {
      if (!this.isOpen && this.items.length && this.shownFor === this.query()) this.open();
    });
    // Pressing on the list must not take the focus from the box (that would close the list before the click).
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());
    this.listbox.addEventListener('click', (event) => {
      const option = (event.target as Element | null)?.closest<HTMLElement>('[role="option"]');
      const item = this.items[Number(option?.dataset.index ?? -1)];
      if (item) this.follow(item);
    });
    document.addEventListener('pointerdown', (event) => {
      if (this.isOpen && !box.contains(event.target as Node)) this.close();
    });
    form.addEventListener('submit', () => this.stop());
    // Coming back to the page from the history shows it as it was left: with the list closed.
    window.addEventListener('pageshow', () => this.close());
  }

  private get isOpen(): boolean {
    return !this.listbox.hidden;
  }

  private query(): string {
    return this.input.value.trim();
  }

  private onInput(): void {
    // What the box says changed: the active option no longer stands for it.
    if (this.active >= 0) this.setActive(-1);
    const query = this.query();
    if (query.length < MIN_QUERY_LENGTH) {
      this.stop();
      this.items = [];
      this.shownFor = '';
      this.status.textContent = '';
      return;
    }
    this.fetchSoon(query);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (event.altKey || !this.isOpen) {
          // Alt+Down (or Down on a closed list) opens it without moving into it.
          if (this.items.length && this.shownFor === this.query()) this.open();
          else if (this.query().length >= MIN_QUERY_LENGTH) {
            this.fetchSoon.cancel();
            void this.fetch(this.query());
          }
          event.preventDefault();
          return;
        }
        event.preventDefault();
        this.move(step);
        return;
      }
      case 'Home':
      case 'End':
        // In the box these move the caret; only an active option makes them move in the list.
        if (this.isOpen && this.active >= 0) {
          event.preventDefault();
          this.setActive(event.key === 'Home' ? 0 : this.options.length - 1);
        }
        return;
      case 'Enter': {
        const item = this.isOpen ? this.items[this.active] : undefined;
        if (item) {
          event.preventDefault();
          this.follow(item);
        } else {
          // The form is submitted as usual; the list must not reopen over the results.
          this.stop();
        }
        return;
      }
      case 'Escape':
        if (this.isOpen) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          // A second Escape clears the box (as a search box does), telling the page the search is gone.
          event.preventDefault();
          this.input.value = '';
          this.input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        return;
      case 'Tab':
        this.close();
        return;
    }
  }

  /** Down from the box goes to the first option, past the last back to the box; Up the other way. */
  private move(step: 1 | -1): void {
    const count = this.options.length;
    if (!count) return;
    const next = this.active + step;
    this.setActive(next >= count ? -1 : next < -1 ? count - 1 : next);
  }

  private setActive(index: number): void {
    this.options[this.active]?.setAttribute('aria-selected', 'false');
    this.active = index;
    const option = this.options[index];
    if (!option) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  private follow(item: Suggestion): void {
    const url = new URL(item.url, location.href);
    // Only pages of this server: the answer came from it, but a link elsewhere is never followed.
    if (url.origin !== location.origin) return;
    this.stop();
    location.assign(url.href);
  }

  /** Stops everything in flight and closes the list. */
  private stop(): void {
    this.fetchSoon.cancel();
    this.controller?.abort();
    this.controller = null;
    this.close();
  }

  private async fetch(query: string): Promise<void> {
    const params = new URLSearchParams({ q: query, locale: this.tr.locale });
    const city = this.form.querySelector<HTMLSelectElement>('select[name="city"]')?.value;
    if (city) params.set('city', city);
    const key = params.toString();
    const cached = this.cache.get(key);
    if (cached) {
      this.controller?.abort();
      this.controller = null;
      this.show(query, cached);
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const response = await fetch(`/api/v1/suggest?${key}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`suggest: HTTP ${response.status}`);
      const data = (await response.json()) as { items?: Suggestion[] };
      const items = (data.items ?? []).slice(0, MAX_OPTIONS);
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value ?? '');
      this.cache.set(key, items);
      if (this.controller !== controller) return;
      this.controller = null;
      this.show(query, items);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      // Suggestions are a convenience: on failure the box is a plain search box.
      if (this.controller === controller) this.controller = null;
      this.close();
    }
  }

  private show(query: string, items: Suggestion[]): void {
    // A late answer for what the box no longer says, or for a box the user has left, is not shown.
    if (query !== this.query() || document.activeElement !== this.input) return;
    this.items = [];
    this.options = [];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.listbox.replaceChildren();
    const listId = this.listbox.id;
    const headings: Record<Suggestion['kind'], string> = {
      category: this.tr.m.suggest.categories,
      neighbourhood: this.tr.m.suggest.neighbourhoods,
      place: this.tr.m.suggest.places,
    };
    for (const kind of KINDS) {
      const ofKind = items.filter((item) => item.kind === kind);
      if (!ofKind.length) continue;
      const headingId = `${listId}-${kind}`;
      const group = element(
        'ul',
        { role: 'group', class: `suggest__group suggest__group--${kind}`, 'aria-labelledby': headingId },
        element('li', { role: 'presentation', id: headingId, class: 'suggest__heading' }, headings[kind]),
      );
      for (const item of ofKind) {
        const index = this.items.length;
        const option = element(
          'li',
          {
            role: 'option',
            id: `${listId}-${index}`,
            class: `suggest__option suggest__option--${kind}`,
            'aria-selected': 'false',
            'data-index': String(index),
          },
          element('span', { class: 'suggest__label' }, highlightedLabel(item.label, item.highlight ?? [])),
        );
        if (item.detail) {
          option.append(
            element('span', { class: 'visually-hidden' }, ', '),
            element('span', { class: 'suggest__detail' }, item.detail),
          );
        }
        group.append(option);
        this.items.push(item);
        this.options.push(option);
      }
      this.listbox.append(group);
    }
    this.shownFor = query;
    this.announce(
      this.items.length ? this.tr.plural(this.tr.m.suggest.count, this.items.length) : this.tr.m.suggest.none,
    );
    if (this.items.length) this.open();
    else this.close();
  }

  /** A polite message; the same text twice is still read (a no-break space makes it differ). */
  private announce(message: string): void {
    this.status.textContent = this.status.textContent === message ? `${message}\u00a0` : message;
  }

  private open(): void {
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    if (this.active >= 0) this.setActive(-1);
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}

/** Suggestions on the page's search box, if it has one. */
export function initSearchSuggest(tr: Translator): void {
  const form = document.querySelector<HTMLFormElement>('form#filters');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (form && input) new SearchSuggest(form, input, tr);
}
