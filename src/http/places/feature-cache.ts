import { createHash } from 'node:crypto';

interface Entry {
  body: string;
  etag: string;
  version: number;
  expiresAt: number;
}

/**
 * Serialised place features by id and locale: reading one place is the most frequent request, and a hit
 * costs no query, no presenting and no JSON serialisation. An entry is valid for one data version and until
 * its open/closed state next changes (at most a minute), so "open now" is never stale.
 */
export class FeatureCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 20_000) {}

  get(key: string, version: number, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, body: string, version: number, expiresAt: number): Entry {
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: dropping the oldest tenth keeps this O(1) amortised.
      let drop = Math.ceil(this.maxEntries / 10);
      for (const k of this.entries.keys()) {
        this.entries.delete(k);
        if (--drop === 0) break;
      }
    }
    const entry = {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      version,
      expiresAt,
    };
    this.entries.set(key, entry);
    return entry;
  }
}
