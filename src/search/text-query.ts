import { type QueryTerm, queryTerms } from '../domain/search/normalise.ts';
import type { TextMatch } from '../storage/repositories.ts';
import type { TaxonomyTerms } from './taxonomy-terms.ts';
import { allowedEdits, type TermDictionary } from './term-dictionary.ts';

/** One query word and every index term it may stand for, each with how well it matches. */
export interface QueryWord {
  raw: string;
  /**
   * term → match quality: 1 exact key, 0.9 same stem, 0.8 prefix; typo corrections only 0.08 (one edit) and
   * 0.05 (two): a correction is a fallback that must not outrank a real word anywhere in the place.
   */
  variants: Map<string, number>;
  /** Set for the last word: any indexed term starting with this key matches (search as you type). */
  prefix: string | null;
}

export interface TextQuery {
  words: QueryWord[];
  terms: QueryTerm[];
  match: TextMatch;
}

// Enough corrections for real typos; more only slows the index lookup down.
const MAX_FUZZY_VARIANTS = 24;

/** Turns what a person typed into index terms: normalised keys, stems, typo corrections and a prefix. */
export function buildTextQuery(
  q: string,
  dictionary: TermDictionary,
  taxonomy: TaxonomyTerms,
): TextQuery | null {
  const terms = queryTerms(q);
  if (terms.length === 0) return null;
  const words: QueryWord[] = terms.map((term) => {
    const variants = new Map<string, number>([[term.key, 1]]);
    if (term.stem && term.stem !== term.key) variants.set(term.stem, 0.9);
    for (const source of [term.key, term.stem]) {
      if (!source) continue;
      const edits = allowedEdits(source);
      if (edits === 0) continue;
      for (const candidate of dictionary.fuzzy(source, edits).slice(0, MAX_FUZZY_VARIANTS)) {
        if (variants.has(candidate)) continue;
        variants.set(candidate, editDistanceWithin(source, candidate, 1) ? 0.08 : 0.05);
      }
    }
    return { raw: term.raw, variants, prefix: term.prefix && term.key.length >= 2 ? term.key : null };
  });
  const match: TextMatch = {
    groups: words.map((w) => ({
      terms: [...w.variants.keys(), ...(w.prefix ? [`${w.prefix}*`] : [])],
      ...taxonomy.slugsMatching(w),
    })),
  };
  return { words, terms, match };
}

/** True when a and b differ by at most `max` edits (cheap check used only to grade corrections). */
function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = row;
  }
  return (previous[b.length] ?? Number.POSITIVE_INFINITY) <= max;
}
