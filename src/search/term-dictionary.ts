/**
 * Typo tolerance and search-as-you-type over the vocabulary of search keys (termKey/stemKey values from
 * src/domain/search/normalise.ts). A query key that is not in the index is expanded here into the keys that
 * are, and only those go to the full-text backend, so SQLite and PostgreSQL see the same expanded terms.
 *
 * The vocabulary is a trie packed in flat typed arrays in depth-first order (about 10 bytes a node): a
 * node's first child is the next slot and its next sibling is `span` slots on, so a walk reads memory
 * forwards. A linked trie (nodes in insertion order) measured about 3.5x slower on 300k keys: cache misses. Fuzzy
 * lookup walks the trie with one row of the edit-distance table per depth and abandons a branch as soon as
 * the row's minimum exceeds the allowed edits: only the nodes near the key are ever visited.
 *
 * Terms added after construction wait in a small list, searched by brute force, and are packed into the
 * trie by the next lookup once there are REPACK_AFTER of them: build in bulk, then add as places change.
 */
import { allowedEdits, boundedDistance } from '../domain/search/edits.ts';

export { allowedEdits };

/** How a vocabulary key was reached from a query word; the ranking weighs them in this order. */
export type MatchKind = 'exact' | 'stem' | 'prefix' | 'fuzzy';

export interface Expansion {
  term: string;
  kind: MatchKind;
}

/** A query word as `queryTerms` in src/domain/search/normalise.ts returns it. */
export interface QueryWord {
  key: string;
  stem: string;
  prefix: boolean;
}

const ROOT = 0;
/** Default result caps: a query word expands to at most this many keys. */
const FUZZY_LIMIT = 64;
const PREFIX_LIMIT = 10;
/** Pending terms beyond which a lookup repacks the trie (about 0.1 s at 300k terms, so once per this many adds). */
const REPACK_AFTER = 512;

export class TermDictionary {
  // Node i (0 is the root): the UTF-16 code unit on the edge into it, the span of its subtree (its own
  // slot included), and the index in `packed` of the term ending there, or -1.
  private char = new Uint16Array(1);
  private span = new Int32Array([1]);
  private termOf = new Int32Array([-1]);
  /** The packed terms, sorted: the trie's answers, and the input of the next repack. */
  private packed: string[] = [];
  private pending = new Set<string>();

  constructor(terms: Iterable<string> = []) {
    const unique = new Set<string>();
    for (const term of terms) if (term.length > 0) unique.add(term);
    this.pack([...unique].sort(compare));
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.packed.length + this.pending.size;
  }

  /** Adds a term; returns false if it was already there or is empty. */
  add(term: string): boolean {
    if (term.length === 0 || this.has(term)) return false;
    this.pending.add(term);
    return true;
  }

  has(term: string): boolean {
    if (this.pending.has(term)) return true;
    const node = this.find(term);
    return node > ROOT && (this.termOf[node] as number) >= 0;
  }

  /**
   * The vocabulary keys one query word should match, best first, at most `limit`: its key and its stem if
   * present; completions of its key if it is the word being typed; then keys within allowedEdits of the key
   * or of the stem (a typo in an inflected word, frizerkom, is still one edit from the stem frizersk).
   * Empty when nothing in the vocabulary is close: the word matches no place.
   */
  expand(word: QueryWord, limit: number = FUZZY_LIMIT): Expansion[] {
    const out = new Map<string, MatchKind>();
    const put = (term: string, kind: MatchKind) => {
      if (out.size < limit && !out.has(term)) out.set(term, kind);
    };
    if (this.has(word.key)) put(word.key, 'exact');
    if (this.has(word.stem)) put(word.stem, 'stem');
    if (word.prefix) for (const term of this.prefix(word.key, limit)) put(term, 'prefix');
    for (const term of this.fuzzy(word.key, allowedEdits(word.key), limit)) put(term, 'fuzzy');
    if (word.stem !== word.key)
      for (const term of this.fuzzy(word.stem, allowedEdits(word.stem), limit)) put(term, 'fuzzy');
    return [...out].map(([term, kind]) => ({ term, kind }));
  }

  /**
   * Terms within `maxEdits` of `key` (Damerau–Levenshtein, optimal string alignment: insertion, deletion,
   * substitution, and a swap of two neighbours counts as one edit, the commonest slip on a phone keyboard).
   * Closest first, then alphabetical; at most `limit`. The key itself is included when present.
   */
  fuzzy(key: string, maxEdits: number, limit: number = FUZZY_LIMIT): string[] {
    if (key.length === 0 || limit <= 0) return [];
    if (maxEdits <= 0) return this.has(key) ? [key] : [];
    this.repackIfDue();
    const hits = this.walk(key, maxEdits);
    for (const term of this.pending) {
      const distance = boundedDistance(key, term, maxEdits);
      if (distance <= maxEdits) hits.push({ term, distance });
    }
    return hits
      .sort((a, b) => a.distance - b.distance || compare(a.term, b.term))
      .slice(0, limit)
      .map((hit) => hit.term);
  }

  /**
   * Up to `limit` terms that start with `key`, shortest first, then alphabetical: the likeliest
   * completions of an unfinished word are the short ones. Breadth-first, so a short prefix with a huge
   * subtree stops after the first levels.
   */
  prefix(key: string, limit: number = PREFIX_LIMIT): string[] {
    if (limit <= 0) return [];
    this.repackIfDue();
    const hits: string[] = [];
    for (const term of this.pending) if (term.startsWith(key)) hits.push(term);
    const start = this.find(key);
    let level = start < 0 ? [] : [start];
    let packedHits = 0;
    while (level.length > 0 && packedHits < limit) {
      const next: number[] = [];
      for (const node of level) {
        const index = this.termOf[node] as number;
        if (index >= 0) {
          hits.push(this.packed[index] as string);
          packedHits++;
        }
        const end = node + (this.span[node] as number);
        for (let child = node + 1; child < end; child += this.span[child] as number) next.push(child);
      }
      level = next;
    }
    return hits.sort((a, b) => a.length - b.length || compare(a, b)).slice(0, limit);
  }

  /** The trie walk behind `fuzzy`; see the class comment. */
  private walk(key: string, maxEdits: number): Array<{ term: string; distance: number }> {
    const n = key.length;
    const width = n + 1;
    const maxDepth = n + maxEdits;
    // Any count over the budget is stored as `over`: past the budget only "over or not" matters.
    const over = maxEdits + 1;
    const target = new Uint16Array(n);
    for (let j = 0; j < n; j++) target[j] = key.charCodeAt(j);
    // rows[d * width + j]: edits between the first d letters of the trie path and the first j of the key.
    // Only the band |d - j| <= maxEdits can be within budget, so only it is computed; its two neighbours
    // are set to `over` for the next row to read.
    const rows = new Int32Array((maxDepth + 1) * width).fill(over);
    for (let j = 0; j <= Math.min(n, maxEdits); j++) rows[j] = j;
    const path = new Uint16Array(maxDepth + 1);
    const hits: Array<{ term: string; distance: number }> = [];
    // Locals, not fields, in the hot loop, and an explicit stack of (node, depth) pairs.
    const { char, span, termOf, packed } = this;
    let stack: Int32Array = new Int32Array(512);
    let top = 0;
    for (let child = 1; child < (span[ROOT] as number); child += span[child] as number) {
      if (top + 2 > stack.length) stack = grow(stack);
      stack[top++] = child;
      stack[top++] = 1;
    }
    while (top > 0) {
      const d = stack[--top] as number;
      const node = stack[--top] as number;
      const c = char[node] as number;
      path[d] = c;
      const before = path[d - 1] as number;
      const cur = d * width;
      const prev = cur - width;
      const lo = Math.max(d - maxEdits, 1);
      const hi = Math.min(d + maxEdits, n);
      let rowMin = lo === 1 && d < over ? d : over;
      rows[cur + lo - 1] = rowMin;
      if (hi < n) rows[cur + hi + 1] = over;
      for (let j = lo; j <= hi; j++) {
        const kc = target[j - 1] as number;
        let v = (rows[prev + j - 1] as number) + (kc === c ? 0 : 1);
        const up = (rows[prev + j] as number) + 1;
        if (up < v) v = up;
        const left = (rows[cur + j - 1] as number) + 1;
        if (left < v) v = left;
        // A swap of the last two letters (path ...xc against key ...cx) is one edit.
        if (kc === before && d > 1 && j > 1 && target[j - 2] === c) {
          const swap = (rows[prev - width + j - 2] as number) + 1;
          if (swap < v) v = swap;
        }
        if (v > over) v = over;
        rows[cur + j] = v;
        if (v < rowMin) rowMin = v;
      }
      const distance = rows[cur + n] as number;
      const index = termOf[node] as number;
      if (index >= 0 && distance <= maxEdits) hits.push({ term: packed[index] as string, distance });
      // A swap reaches back two rows, but it never beats the substitution one row up, so once every cell
      // of this row is over the budget no descendant can come back under it.
      if (rowMin > maxEdits || d >= maxDepth) continue;
      const end = node + (span[node] as number);
      for (let child = node + 1; child < end; child += span[child] as number) {
        if (top + 2 > stack.length) stack = grow(stack);
        stack[top++] = child;
        stack[top++] = d + 1;
      }
    }
    return hits;
  }

  /** Packs the terms added since the last lookup into the trie now rather than on the next lookup. */
  prepare(): void {
    this.repackIfDue();
  }

  private repackIfDue(): void {
    if (this.pending.size < REPACK_AFTER) return;
    const added = [...this.pending].sort(compare);
    this.pending = new Set();
    this.pack(merge(this.packed, added));
  }

  /**
   * Builds the depth-first layout from sorted, distinct terms: each term shares its longest common prefix
   * with the one before, so only the rest becomes new nodes, appended in order.
   */
  private pack(sorted: string[]): void {
    let nodes = 1;
    for (let i = 0; i < sorted.length; i++) {
      nodes += (sorted[i] as string).length - commonPrefix(sorted[i - 1] ?? '', sorted[i] as string);
    }
    const char = new Uint16Array(nodes);
    const span = new Int32Array(nodes);
    const termOf = new Int32Array(nodes).fill(-1);
    const open = [ROOT]; // open[d]: the node at depth d on the current path
    let next = 1;
    let previous = '';
    const close = (depth: number) => {
      while (open.length - 1 > depth) {
        const node = open.pop() as number;
        span[node] = next - node;
      }
    };
    sorted.forEach((term, index) => {
      const shared = commonPrefix(previous, term);
      close(shared);
      for (let i = shared; i < term.length; i++) {
        char[next] = term.charCodeAt(i);
        open.push(next++);
      }
      termOf[open[open.length - 1] as number] = index;
      previous = term;
    });
    close(0);
    span[ROOT] = next;
    this.char = char;
    this.span = span;
    this.termOf = termOf;
    this.packed = sorted;
  }

  private find(term: string): number {
    let node = ROOT;
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      const end = node + (this.span[node] as number);
      let child = node + 1;
      while (child < end && this.char[child] !== code) child += this.span[child] as number;
      if (child >= end) return -1;
      node = child;
    }
    return node;
  }
}

/** Merges two sorted lists of distinct strings that share no element. */
function merge(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(compare(a[i] as string, b[j] as string) < 0 ? (a[i++] as string) : (b[j++] as string));
  while (i < a.length) out.push(a[i++] as string);
  while (j < b.length) out.push(b[j++] as string);
  return out;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function grow(stack: Int32Array): Int32Array {
  const bigger = new Int32Array(stack.length * 2);
  bigger.set(stack);
  return bigger;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
