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
  /** The score, exact once `settled`; until then the lowest the place's other keys could leave it. */
  score: number;
  /** The highest score the place's other keys (description, address, tags) could give it. */
  maxScore: number;
  distanceM: number | null;
}

/**
 * Best match first: exact name > name word or prefix > category or synonym > description; then distance
 * from the reference point (the map centre or `near`); then id, so the order is total and stable.
 *
 * Candidates come without their other keys, which are long and weigh at most 1 a word: a word the name,
 * category or area already matches at 1 or more cannot gain from them. Where one could, the score is a
 * range, and `settle` asks for the keys of only the places whose range reaches into the page.
 */
export function rankCandidates(
  candidates: TextCandidate[],
  words: QueryWord[],
  origin: LonLat | null,
  taxonomy: TaxonomyTerms,
  intendedCategories: ReadonlySet<string> = new Set(),
): Ranked[] {
  const scorer = new Scorer(words, taxonomy, intendedCategories);
  const ranked = candidates.map((candidate) => {
    const { score, maxScore } = scorer.bounds(candidate);
    return {
      candidate,
      score,
      maxScore,
      distanceM: origin ? distanceMeters(origin, [candidate.lon, candidate.lat]) : null,
    };
  });
  return ranked.sort(byRelevance);
}

/**
 * Makes the order exact down to `pageEnd`: the places whose score range reaches the page get their exact
 * score from their other keys (`otherKeysOf`), and the list is sorted again. Places below stay in range order.
 */
export async function settle(
  ranked: Ranked[],
  pageEnd: number,
  order: 'relevance' | 'distance',
  words: QueryWord[],
  taxonomy: TaxonomyTerms,
  otherKeysOf: (ids: number[]) => Promise<Map<number, string[]>>,
): Promise<Ranked[]> {
  const compare = order === 'distance' ? byDistance : byRelevance;
  const sorted = order === 'distance' ? [...ranked].sort(byDistance) : ranked;
  const last = sorted[Math.min(pageEnd, sorted.length) - 1];
  if (!last) return sorted;
  // Relevance: a place whose best case ties or beats the page's last lowest score may belong on the page.
  // Distance: score only breaks ties, so places up to the page's last distance.
  const open = sorted.filter(
    (r) =>
      r.maxScore > r.score &&
      (order === 'distance' ? (r.distanceM ?? 0) <= (last.distanceM ?? 0) : r.maxScore >= last.score),
  );
  if (open.length === 0) return sorted;
  const keys = await otherKeysOf(open.map((r) => r.candidate.id));
  const scorer = new Scorer(words, taxonomy, new Set());
  for (const r of open) {
    const exact = r.score + scorer.otherGain(r.candidate, keys.get(r.candidate.id) ?? []);
    r.score = exact;
    r.maxScore = exact;
  }
  return sorted.sort(compare);
}

function byRelevance(a: Ranked, b: Ranked): number {
  return b.score - a.score || (a.distanceM ?? 0) - (b.distanceM ?? 0) || a.candidate.id - b.candidate.id;
}

/** Nearest first among matches (when the person sorted by distance); score and id break ties. */
function byDistance(a: Ranked, b: Ranked): number {
  return (a.distanceM ?? 0) - (b.distanceM ?? 0) || b.score - a.score || a.candidate.id - b.candidate.id;
}

/** Scores one query against many candidates; what depends only on a slug is worked out once per slug. */
class Scorer {
  private readonly categoryBest = new Map<string, number[]>();
  private readonly areaBest = new Map<string, number[]>();

  constructor(
    private readonly words: QueryWord[],
    private readonly taxonomy: TaxonomyTerms,
    private readonly intended: ReadonlySet<string>,
  ) {}

  /** The score without the other keys, and the most they could add. */
  bounds(candidate: TextCandidate): { score: number; maxScore: number } {
    const category = this.categoryQualities(candidate.category);
    const area = this.areaQualities(candidate.city, candidate.neighbourhood);
    let score = 0;
    let maxScore = 0;
    let nameHits = 0;
    this.words.forEach((word, i) => {
      const name = termQuality(candidate.nameKeys, word);
      // Only real words make an exact name; a typo correction alone does not.
      if (name >= 0.8) nameHits++;
      const best = Math.max(
        name * FIELD_WEIGHT.name,
        (category[i] as number) * FIELD_WEIGHT.category,
        (area[i] as number) * FIELD_WEIGHT.other,
      );
      // Every word matched somewhere: a word nothing above matches is in the other keys, at least a correction.
      score += best > 0 ? best : 0.05 * FIELD_WEIGHT.other;
      maxScore += Math.max(best, FIELD_WEIGHT.other);
    });
    // Every word found in the name, and the name is no longer than the query: the place was named exactly.
    let bonus = this.intended.has(candidate.category) ? CATEGORY_INTENT_BONUS : 0;
    if (nameHits === this.words.length && this.words.length > 0) {
      bonus += candidate.nameKeys.length <= this.words.length * 2 ? EXACT_NAME_BONUS : NAME_START_BONUS;
    }
    return { score: score + bonus, maxScore: maxScore + bonus };
  }

  /** What the other keys add to the lower bound `bounds` gave. */
  otherGain(candidate: TextCandidate, otherKeys: readonly string[]): number {
    const category = this.categoryQualities(candidate.category);
    const area = this.areaQualities(candidate.city, candidate.neighbourhood);
    let gain = 0;
    this.words.forEach((word, i) => {
      const best = Math.max(
        termQuality(candidate.nameKeys, word) * FIELD_WEIGHT.name,
        (category[i] as number) * FIELD_WEIGHT.category,
        (area[i] as number) * FIELD_WEIGHT.other,
      );
      const lower = best > 0 ? best : 0.05 * FIELD_WEIGHT.other;
      gain += Math.max(best, termQuality(otherKeys, word) * FIELD_WEIGHT.other) - lower;
    });
    return gain;
  }

  private categoryQualities(slug: string): number[] {
    let qualities = this.categoryBest.get(slug);
    if (!qualities) {
      const terms = this.taxonomy.categoryTerms(slug);
      qualities = this.words.map((word) => termQuality(terms, word));
      this.categoryBest.set(slug, qualities);
    }
    return qualities;
  }

  private areaQualities(city: string, neighbourhood: string | null): number[] {
    const key = `${city}\n${neighbourhood ?? ''}`;
    let qualities = this.areaBest.get(key);
    if (!qualities) {
      const terms = this.taxonomy.areaTerms(city, neighbourhood);
      qualities = this.words.map((word) => termQuality(terms, word));
      this.areaBest.set(key, qualities);
    }
    return qualities;
  }
}
