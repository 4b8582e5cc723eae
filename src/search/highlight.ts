import { stemKey, termKey } from '../domain/search/normalise.ts';
import type { QueryWord } from './text-query.ts';

/** [start, end) character ranges of a label's words that a query word matches: what the UI marks. */
export function highlightRanges(label: string, words: QueryWord[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of label.matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0];
    const key = termKey(token);
    const stem = stemKey(token);
    if (
      words.some(
        (w) => w.variants.has(key) || w.variants.has(stem) || (w.prefix !== null && key.startsWith(w.prefix)),
      )
    ) {
      ranges.push([match.index, match.index + token.length]);
    }
  }
  return ranges;
}
