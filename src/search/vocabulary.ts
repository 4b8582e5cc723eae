import type { Storage } from '../storage/repositories.ts';
import { TermDictionary } from './term-dictionary.ts';

/**
 * The typo dictionary of this process, kept in step with the shared `search_terms` vocabulary by reading
 * only the terms added since the last look (at most once a second).
 */
export class Vocabulary {
  private readonly dictionary = new TermDictionary([]);
  private lastId = 0;
  private checkedAt = 0;
  private syncing: Promise<void> | null = null;

  /** `fixedTerms`: words that are not in the places table but must be corrected too (the taxonomy's). */
  constructor(
    private readonly storage: Storage,
    fixedTerms: Iterable<string> = [],
    private readonly freshnessMs = 1000,
  ) {
    for (const term of fixedTerms) this.dictionary.add(term);
  }

  async current(): Promise<TermDictionary> {
    if (Date.now() - this.checkedAt >= this.freshnessMs) {
      this.syncing ??= this.sync().finally(() => {
        this.syncing = null;
      });
      await this.syncing;
    }
    return this.dictionary;
  }

  /**
   * Reads the whole vocabulary and builds the trie (about 8 s at 1M places): a server does it before it
   * listens, so that its first visitors do not wait for it (and queue everyone behind them).
   */
  async warm(): Promise<void> {
    (await this.current()).prepare();
  }

  private async sync(): Promise<void> {
    const { lastId, terms } = await this.storage.places.termsSince(this.lastId);
    for (const term of terms) this.dictionary.add(term);
    this.lastId = lastId;
    this.checkedAt = Date.now();
  }
}
