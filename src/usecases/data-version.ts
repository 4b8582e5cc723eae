import type { Storage } from '../storage/repositories.ts';

/**
 * The shared data version (moved by every write, in any process), read from the database at most once per
 * `freshnessMs`. Caches in this process compare against it, so another process's write reaches them within
 * that time without a query per request; a write in this process is seen at once.
 */
export class DataVersion {
  private value = -1;
  private checkedAt = 0;
  private localWrites = -1;
  private reading: Promise<number> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly freshnessMs = 1000,
  ) {}

  async current(): Promise<number> {
    const localWrites = this.storage.places.localWriteCount();
    const fresh = Date.now() - this.checkedAt < this.freshnessMs && localWrites === this.localWrites;
    if (this.value >= 0 && fresh) return this.value;
    this.localWrites = localWrites;
    this.reading ??= this.storage.places.dataVersion().then(
      (version) => {
        this.value = version;
        this.checkedAt = Date.now();
        this.reading = null;
        return version;
      },
      (error: unknown) => {
        this.reading = null;
        throw error;
      },
    );
    return this.reading;
  }
}
