/** The five interface locales. Serbian Cyrillic is never translated: it is derived from Serbian Latin. */
export const LOCALES = ['ru', 'sr-Latn', 'sr-Cyrl', 'en', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';

/** Text given per locale. `sr-Cyrl` is optional: it is derived from `sr-Latn` when absent. */
export type LocalizedText = Partial<Record<Locale, string>>;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Exact 1:1 Serbian Latin → Cyrillic mapping (Vuk's alphabet / Gaj's Latin). Digraphs first. */
const LATIN_DIGRAPHS: Record<string, string> = {
  Lj: 'Љ',
  LJ: 'Љ',
  lj: 'љ',
  Nj: 'Њ',
  NJ: 'Њ',
  nj: 'њ',
  Dž: 'Џ',
  DŽ: 'Џ',
  dž: 'џ',
};
const LATIN_LETTERS: Record<string, string> = {
  A: 'А',
  B: 'Б',
  V: 'В',
  G: 'Г',
  D: 'Д',
  Đ: 'Ђ',
  E: 'Е',
  Ž: 'Ж',
  Z: 'З',
  I: 'И',
  J: 'Ј',
  K: 'К',
  L: 'Л',
  M: 'М',
  N: 'Н',
  O: 'О',
  P: 'П',
  R: 'Р',
  S: 'С',
  T: 'Т',
  Ć: 'Ћ',
  U: 'У',
  F: 'Ф',
  H: 'Х',
  C: 'Ц',
  Č: 'Ч',
  Š: 'Ш',
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  ž: 'ж',
  z: 'з',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  ć: 'ћ',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  č: 'ч',
  š: 'ш',
};

/**
 * Serbian Latin → Cyrillic. Text inside {braces}, URLs, e-mail addresses and HTML-ish tags is kept as it is,
 * so message placeholders and links survive. Letters outside the Serbian alphabet (q, w, x, y) stay Latin.
 */
export function latinToCyrillic(text: string): string {
  return text
    .split(KEEP_AS_IS)
    .map((part, index) => (index % 2 === 1 ? part : convertPlain(part)))
    .join('');
}

/** Placeholders, tags, URLs and e-mail addresses: a capturing group, so split() keeps them at odd indexes. */
const KEEP_AS_IS = /(\{[^}]*\}|<[^>]*>|https?:\/\/\S+|[\w.+-]+@[\w.-]+|&[a-z]+;)/u;

function convertPlain(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    const digraph = LATIN_DIGRAPHS[pair];
    if (digraph !== undefined) {
      out += digraph;
      i++;
      continue;
    }
    const ch = text[i] as string;
    out += LATIN_LETTERS[ch] ?? ch;
  }
  return out;
}

/** Picks the text for a locale: exact, then Serbian Cyrillic derived from Latin, then fallbacks, then any. */
export function pickText(text: LocalizedText, locale: Locale, original?: Locale): string {
  const exact = text[locale];
  if (exact) return exact;
  if (locale === 'sr-Cyrl' && text['sr-Latn']) return latinToCyrillic(text['sr-Latn']);
  if (locale === 'sr-Latn' && text['sr-Cyrl']) return text['sr-Cyrl'];
  const fallbacks: Locale[] = [
    ...(original ? [original] : []),
    ...(locale === 'uk' ? (['ru'] as Locale[]) : []),
    ...(locale === 'sr-Cyrl' ? (['sr-Latn'] as Locale[]) : []),
    'en',
    'sr-Latn',
    'ru',
    'uk',
    'sr-Cyrl',
  ];
  for (const candidate of fallbacks) {
    const value = text[candidate];
    if (value) return value;
  }
  return '';
}

/** Parses an Accept-Language header and returns the best supported locale. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('sr')) return tag.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('uk')) return 'uk';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('be')) return 'ru';
    if (tag.startsWith('hr') || tag.startsWith('bs') || tag.startsWith('me') || tag.startsWith('sh'))
      return 'sr-Latn';
  }
  return DEFAULT_LOCALE;
}
