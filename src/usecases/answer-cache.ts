/**
 * Answers kept while what they were computed from stays the same: the shared data version (any process's
 * write moves it, see data-version.ts) and the taxonomy object (replaced on every taxonomy edit). Bounded:
 * when full, the oldest answer goes first.
 */
export class AnswerCache<T> {
  private basis: { version: number; taxonomy: object } | null = null;
  private readonly answers = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  async get(
    key: string,
    basis: { version: number; taxonomy: object },
    compute: () => Promise<T>,
  ): Promise<T> {
    if (this.basis?.version !== basis.version || this.basis.taxonomy !== basis.taxonomy) {
      this.answers.clear();
      this.basis = basis;
    }
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const computedOn = this.basis;
    const answer = await compute();
    // A write that landed while computing moved the basis on: this answer may already be stale.
    if (this.basis === computedOn) {
      const oldest = this.answers.keys().next();
      if (this.answers.size >= this.maxEntries && !oldest.done) this.answers.delete(oldest.value);
      this.answers.set(key, answer);
    }
    return answer;
  }
}
