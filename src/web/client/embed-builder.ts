import { isLocale, type LocalizedText, pickText } from '../../domain/locales.ts';
import {
  DEFAULT_EMBED_SIZE,
  EMBED_SIZES,
  type EmbedChoice,
  embedParams,
  embedPath,
  embedSnippet,
  embedTitle,
  isEmbedSize,
} from '../embed-url.ts';
import { type Translator, t } from '../i18n/index.ts';

interface Names {
  categories: Record<string, LocalizedText>;
  cities: Record<string, LocalizedText>;
}

function readNames(): Names {
  try {
    return JSON.parse(document.getElementById('embed-names')?.textContent ?? '') as Names;
  } catch {
    return { categories: {}, cities: {} };
  }
}

/**
 * The embed builder with JavaScript: the code and the preview follow the form without a reload, and the
 * code can be copied with one button. The server wrote the same code for the first view (embed-url.ts).
 */
export function initEmbedBuilder(form: HTMLFormElement, tr: Translator): void {
  const code = document.querySelector<HTMLTextAreaElement>('#embed-code');
  const preview = document.querySelector<HTMLIFrameElement>('#embed-preview');
  const copy = document.querySelector<HTMLButtonElement>('#embed-copy');
  const status = document.querySelector<HTMLElement>('#embed-copy-status');
  const names = readNames();
  const origin = form.dataset.origin || location.origin;

  const update = () => {
    const data = new FormData(form);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value : '';
    };
    const locale = text('locale');
    const choice: EmbedChoice = {
      category: text('category'),
      city: text('city'),
      locale: isLocale(locale) ? locale : tr.locale,
    };
    const sizeValue = text('size');
    const size = isEmbedSize(sizeValue) ? sizeValue : DEFAULT_EMBED_SIZE;
    const name = (texts: LocalizedText | undefined) => (texts ? pickText(texts, choice.locale) : '');
    const title = embedTitle(
      t(choice.locale).m.embed,
      name(names.categories[choice.category]),
      name(names.cities[choice.city]),
    );
    if (code) code.value = embedSnippet(origin, choice, size, title);
    if (preview) {
      const src = embedPath(choice);
      if (preview.getAttribute('src') !== src) preview.src = src;
      preview.title = title;
      preview.width = String(EMBED_SIZES[size].width);
      preview.height = String(EMBED_SIZES[size].height);
    }
    if (status) status.textContent = '';
    // The address keeps the choice, so a reload or a shared link shows the same code.
    const params = embedParams(choice);
    params.set('size', size);
    history.replaceState(history.state, '', `${location.pathname}?${params}`);
  };

  // The code follows every change, so the button that asks the server for it is not needed.
  const apply = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (apply) apply.hidden = true;
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });

  if (!code || !copy) return;
  copy.hidden = false;
  copy.addEventListener('click', async () => {
    code.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(code.value);
      copied = true;
    } catch {
      // Without clipboard permission the older command may still work; the code stays selected either way.
      copied = document.execCommand('copy');
    }
    if (status) status.textContent = copied ? tr.m.embed.copied : tr.m.embed.copyFailed;
  });
}
