/**
 * Languages a place serves in. Each known language has one bit, so a language filter is a single integer
 * test in SQL and in the in-memory index (fast at a million places).
 */
export const SPOKEN_LANGUAGES = [
  'ru',
  'sr',
  'en',
  'uk',
  'be',
  'de',
  'fr',
  'it',
  'es',
  'tr',
  'hy',
  'ka',
  'he',
  'zh',
  'ar',
  'pl',
  'hu',
  'ro',
  'bg',
  'mk',
  'hr',
  'sl',
  'kk',
  'uz',
  'az',
  'fa',
  'el',
  'pt',
  'ja',
  'ko',
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export function isSpokenLanguage(code: string): code is SpokenLanguage {
  return (SPOKEN_LANGUAGES as readonly string[]).includes(code);
}

export function languageMask(codes: readonly string[]): number {
  let mask = 0;
  for (const code of codes) {
    const bit = (SPOKEN_LANGUAGES as readonly string[]).indexOf(code);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

export function languagesFromMask(mask: number): SpokenLanguage[] {
  return SPOKEN_LANGUAGES.filter((_code, bit) => (mask & (1 << bit)) !== 0);
}
