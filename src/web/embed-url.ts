import type { Locale } from '../domain/locales.ts';
import { escapeHtml } from './html.ts';
import { format } from './i18n/index.ts';

/**
 * The embedded map's address and the code that embeds it. Shared by the server (the builder without
 * JavaScript) and the browser script (the builder as the form changes), so both write the same snippet.
 */
export const EMBED_PATH = '/embed';

/** Width and height in CSS pixels; the iframe attributes take plain numbers. */
export const EMBED_SIZES = {
  small: { width: 400, height: 500 },
  medium: { width: 640, height: 480 },
  large: { width: 960, height: 600 },
} as const;
export type EmbedSize = keyof typeof EMBED_SIZES;
export const DEFAULT_EMBED_SIZE: EmbedSize = 'medium';

export function isEmbedSize(value: string): value is EmbedSize {
  return Object.hasOwn(EMBED_SIZES, value);
}

/** What an embedded map shows; empty strings are "all". */
export interface EmbedChoice {
  category: string;
  city: string;
  locale: Locale;
  bbox?: string;
}

/** Only the parameters that are set, in a stable order; the locale always, so the map never guesses. */
export function embedParams(choice: EmbedChoice): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.category) params.set('category', choice.category);
  if (choice.city) params.set('city', choice.city);
  if (choice.bbox) params.set('bbox', choice.bbox);
  params.set('locale', choice.locale);
  return params;
}

export function embedPath(choice: EmbedChoice): string {
  return `${EMBED_PATH}?${embedParams(choice)}`;
}

/** The iframe element to paste into another site; `origin` makes its address absolute. */
export function embedSnippet(origin: string, choice: EmbedChoice, size: EmbedSize, title: string): string {
  const { width, height } = EMBED_SIZES[size];
  const src = `${origin.replace(/\/+$/, '')}${embedPath(choice)}`;
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" loading="lazy"></iframe>`;
}

/** The frame's accessible title: what it shows ("Café, Belgrade"), in the embedded map's language. */
export function embedTitle(
  messages: { frameTitle: string; frameTitleWith: string },
  categoryName: string,
  cityName: string,
): string {
  const what = [categoryName, cityName].filter(Boolean).join(', ');
  return what ? format(messages.frameTitleWith, { what }) : messages.frameTitle;
}
