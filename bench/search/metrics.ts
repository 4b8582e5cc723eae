/** Recall@5 and MRR@10 of ranked keys against judged keys, per query and averaged per group. */
import type { JudgedQuery } from '../../test/fixtures/search/build-queries.ts';

export const RECALL_AT = 5;

export interface QueryOutcome {
  query: JudgedQuery;
  /** Keys returned, best first (up to DEPTH). */
  got: string[];
  recall: number;
  reciprocalRank: number;
  /** Why the engine returned nothing, when it threw. */
  error?: string;
}

/**
 * Share of the relevant places found in the top 5. When more than five are relevant (every hair salon for
 * "frizer"), any five of them fill the top 5, so the denominator is capped at 5.
 */
export function recallAt5(relevant: readonly string[], got: readonly string[]): number {
  const top = new Set(got.slice(0, RECALL_AT));
  const found = relevant.filter((key) => top.has(key)).length;
  return found / Math.min(RECALL_AT, relevant.length);
}

/** 1 / rank of the first relevant place in the results read (top 10), 0 when none is there. */
export function reciprocalRank(relevant: readonly string[], got: readonly string[]): number {
  const wanted = new Set(relevant);
  const rank = got.findIndex((key) => wanted.has(key));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

export function outcome(query: JudgedQuery, got: string[], error?: string): QueryOutcome {
  return {
    query,
    got,
    recall: recallAt5(query.relevant, got),
    reciprocalRank: reciprocalRank(query.relevant, got),
    ...(error !== undefined ? { error } : {}),
  };
}

export interface Score {
  n: number;
  recall: number;
  mrr: number;
}

export function score(outcomes: readonly QueryOutcome[]): Score {
  const n = outcomes.length;
  const mean = (f: (o: QueryOutcome) => number) => (n ? outcomes.reduce((s, o) => s + f(o), 0) / n : 0);
  return { n, recall: mean((o) => o.recall), mrr: mean((o) => o.reciprocalRank) };
}
