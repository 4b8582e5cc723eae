import { type QueryTerm, queryTerms } from '../domain/search/normalise.ts';
import type { Category } from '../domain/taxonomy.ts';

interface Phrase {
  words: Array<{ key: string; stem: string }>;
  categories: string[];
  isGroup: boolean;
}

/**
 * Which categories a query asks for by name: "детский сад", "frizer", "hair salon", "перукарня" name a
 * category in some language (its names and synonyms, from the taxonomy data). A query containing such a
 * phrase, in any inflection or script, ranks that category's places above places that merely share a word.
 */
export class CategoryIntent {
  private readonly phrases: Phrase[] = [];

  constructor(categories: readonly Category[]) {
    for (const category of categories) {
      const members =
        category.parent === null
          ? [category.slug, ...categories.filter((c) => c.parent === category.slug).map((c) => c.slug)]
          : [category.slug];
      const texts = [...Object.values(category.names), ...Object.values(category.synonyms).flat()];
      for (const text of texts) {
        const words = queryTerms(`${text} `).map((t) => ({ key: t.key, stem: t.stem }));
        if (words.length > 0)
          this.phrases.push({ words, categories: members, isGroup: category.parent === null });
      }
    }
  }

  /**
   * Category slugs whose name or synonym occurs in the query as a run of words. The most specific reading
   * wins: the longest phrase ("детский сад" over "детское"), and a category over its group.
   */
  categoriesIn(terms: readonly QueryTerm[]): Set<string> {
    const matched = this.phrases.filter((phrase) => occursIn(phrase.words, terms));
    const longest = Math.max(0, ...matched.map((p) => p.words.length));
    const best = matched.filter((p) => p.words.length === longest);
    const specific = best.some((p) => !p.isGroup) ? best.filter((p) => !p.isGroup) : best;
    return new Set(specific.flatMap((p) => p.categories));
  }

  /** See `firstCategoryIn`. */
  firstIn(terms: readonly QueryTerm[]): string | undefined {
    let best: { start: number; length: number; category: string } | undefined;
    for (const phrase of this.phrases) {
      if (phrase.isGroup) continue;
      const start = startOf(phrase.words, terms);
      if (start < 0) continue;
      if (!best || start < best.start || (start === best.start && phrase.words.length > best.length)) {
        best = { start, length: phrase.words.length, category: phrase.categories[0] ?? '' };
      }
    }
    return best?.category;
  }
}

/**
 * The category a short label names first — a My Maps layer ("Кафе и рестораны"), a spreadsheet's category
 * cell ("Frizer") — in any language or script: the phrase that starts earliest, the longest at a tie.
 * Groups are not categories a place can have, so only their member categories count.
 */
export function firstCategoryIn(intent: CategoryIntent, label: string): string | undefined {
  return intent.firstIn(queryTerms(`${label} `));
}

function startOf(phrase: Phrase['words'], terms: readonly QueryTerm[]): number {
  for (let start = 0; start + phrase.length <= terms.length; start++) {
    if (phrase.every((word, i) => sameWord(word, terms[start + i]))) return start;
  }
  return -1;
}

function occursIn(phrase: Phrase['words'], terms: readonly QueryTerm[]): boolean {
  return startOf(phrase, terms) >= 0;
}

function sameWord(word: { key: string; stem: string }, term: QueryTerm | undefined): boolean {
  if (!term) return false;
  return word.key === term.key || word.stem === term.stem || word.key === term.stem || word.stem === term.key;
}
