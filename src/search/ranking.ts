import { distanceMeters, type LonLat } from '../domain/geo.ts';
import type { TextCandidate } from '../storage/repositories.ts';
import { type TaxonomyTerms, termQuality } from './taxonomy-terms.ts';
import type { QueryWord } from './text-query.ts';

/** Field weights: a word in the name beats the category, which beats the description and address. */
const FIELD_WEIGHT = { name: 10, category: 4, other: 1 } as const;
const EXACT_NAME_BONUS = 40;
const NAME_START_BONUS = 5;
/** The query named the place's category ("детский сад", "frizer"): above places that only share a word. */
const CATEGORY_INTENT_BONUS = 25;

export interface Ranked {
  candidate: TextCandidate;
  score: number;
  distanceM: number | null;
}

/**
 * Best match first: exact name > name word or prefix > category or synonym > description; then distance
 * from the reference point (the map centre or `near`); then id, so the order is total and stable.
 */
export function rankCandidates(
  candidates: TextCandidate[],
  words: QueryWord[],
  origin: LonLat | null,
  taxonomy: TaxonomyTerms,
  intendedCategories: ReadonlySet<string> = new Set(),
): Ranked[] {
  const ranked = candidates.map((candidate) => ({
    candidate,
    score:
      score(candidate, words, taxonomy) +
      (intendedCategories.has(candidate.category) ? CATEGORY_INTENT_BONUS : 0),
    distanceM: origin ? distanceMeters(origin, [candidate.lon, candidate.lat]) : null,
  }));
  return ranked.sort(
    (a, b) => b.score - a.score || (a.distanceM ?? 0) - (b.distanceM ?? 0) || a.candidate.id - b.candidate.id,
  );
}

/** Nearest first among matches (when the person sorted by distance); score and id break ties. */
export function sortByDistance(ranked: Ranked[]): Ranked[] {
  return [...ranked].sort(
    (a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0) || b.score - a.score || a.candidate.id - b.candidate.id,
  );
}

function score(candidate: TextCandidate, words: QueryWord[], taxonomy: TaxonomyTerms): number {
  const fields = {
    name: candidate.nameKeys,
    category: taxonomy.categoryTerms(candidate.category),
    other: [...candidate.otherKeys, ...taxonomy.areaTerms(candidate.city, candidate.neighbourhood)],
  };
  let total = 0;
  let nameHits = 0;
  for (const word of words) {
    let best = 0;
    for (const field of ['name', 'category', 'other'] as const) {
      const quality = termQuality(fields[field], word);
      best = Math.max(best, quality * FIELD_WEIGHT[field]);
      // Only real words make an exact name; a typo correction alone does not.
      if (field === 'name' && quality >= 0.8) nameHits++;
    }
    total += best;
  }
  // Every word found in the name, and the name is no longer than the query: the place was named exactly.
  if (nameHits === words.length && words.length > 0) {
    total += candidate.nameKeys.length <= words.length * 2 ? EXACT_NAME_BONUS : NAME_START_BONUS;
  }
  return total;
}
