/**
 * Folding for the basic text search: lower case, no diacritics, Serbian Cyrillic mapped to Latin, anything
 * that is not a letter or digit becomes a word break. The same function builds the stored search text and
 * the query's words, so both sides always agree.
 */
const SR_CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
};

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/đ/g, 'dj')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[а-яёђјљњћџ]/g, (ch) => SR_CYRILLIC_TO_LATIN[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Distinct folded words of a query, longest first, at most 8 (a query is a few words, not a document). */
export function searchWords(text: string): string[] {
  const words = [...new Set(foldText(text).split(' ').filter(Boolean))];
  return words.sort((a, b) => b.length - a.length).slice(0, 8);
}
