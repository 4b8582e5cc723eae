/**
 * Typo tolerance and search-as-you-type over the vocabulary of search keys (termKey/stemKey values from
 * src/domain/search/normalise.ts). A query key that is not in the index is expanded here into the keys that
 * are, and only those go to the full-text backend, so SQLite and PostgreSQL see the same expanded terms.
 *
 * The vocabulary is a trie in flat typed arrays (first-child / next-sibling), about 15 bytes a node, so a
 * few hundred thousand keys cost a few megabytes and no per-node objects. Fuzzy lookup walks the trie with
 * one row of the edit-distance table per depth and abandons a branch as soon as the row's minimum exceeds
 * the allowed edits: only the few thousand nodes near the key are ever visited.
 */

/**
 * Edits a key may be off by (the search issue's rule): none under 4 letters, where one edit turns a word
 * into a different word; 1 for 4 to 7; 2 from 8 on. Counted in characters of the key, not of the raw text.
 */
export function allowedEdits(key: string): number {
  const length = Array.from(key).length;
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

const ROOT = 0;
const NONE = -1;
const INITIAL_CAPACITY = 1024;
/** Default result caps: a query word expands to at most this many keys. */
const FUZZY_LIMIT = 64;
const PREFIX_LIMIT = 10;

export class TermDictionary {
  // Node i: the code unit on the edge into it, its first child, next sibling and parent, and whether a
  // term ends there. Node 0 is the root.
  private char = new Uint16Array(INITIAL_CAPACITY);
  private firstChild = new Int32Array(INITIAL_CAPACITY).fill(NONE);
  private nextSibling = new Int32Array(INITIAL_CAPACITY).fill(NONE);
  private parent = new Int32Array(INITIAL_CAPACITY).fill(NONE);
  private terminal = new Uint8Array(INITIAL_CAPACITY);
  private nodes = 1;
  private terms = 0;

  constructor(terms: Iterable<string> = []) {
    for (const term of terms) this.add(term);
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.terms;
  }

  /** Adds a term; returns false if it was already there or is empty. */
  add(term: string): boolean {
    if (term.length === 0) return false;
    let node = ROOT;
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      let child = this.child(node, code);
      if (child === NONE) child = this.newNode(node, code);
      node = child;
    }
    if (this.terminal[node] === 1) return false;
    this.terminal[node] = 1;
    this.terms++;
    return true;
  }

  has(term: string): boolean {
    const node = this.find(term);
    return node !== NONE && node !== ROOT && this.terminal[node] === 1;
  }

  /**
   * Terms within `maxEdits` of `key` (Damerau–Levenshtein, optimal string alignment: insertion, deletion,
   * substitution, and a swap of two neighbours counts as one edit, the commonest slip on a phone keyboard).
   * Closest first, then alphabetical; at most `limit`. The key itself is included when present.
   */
  fuzzy(key: string, maxEdits: number, limit: number = FUZZY_LIMIT): string[] {
    if (key.length === 0 || limit <= 0) return [];
    if (maxEdits <= 0) return this.has(key) ? [key] : [];
    const n = key.length;
    const width = n + 1;
    const maxDepth = n + maxEdits;
    // Any count over the budget is stored as `over`: only "within budget or not" matters past that point.
    const over = maxEdits + 1;
    const target = new Uint16Array(n);
    for (let j = 0; j < n; j++) target[j] = key.charCodeAt(j);
    // rows[d * width + j]: edits between the first d letters of the trie path and the first j of the key.
    // Only the band |d - j| <= maxEdits can be within budget, so only it is computed; its two neighbours
    // are set to `over` for the next row to read.
    const rows = new Int32Array((maxDepth + 1) * width).fill(over);
    for (let j = 0; j <= Math.min(n, maxEdits); j++) rows[j] = j;
    const path = new Uint16Array(maxDepth + 1);
    const found: Array<{ node: number; distance: number }> = [];
    // Locals, not fields, in the hot loop: V8 then keeps the arrays in registers.
    const { char, terminal, firstChild, nextSibling } = this;
    // Explicit stack of (node, depth) pairs; a node is pushed at most once, so 2 * nodes bounds it.
    let stack = new Int32Array(256);
    let top = 0;
    for (let child = firstChild[ROOT] as number; child !== NONE; child = nextSibling[child] as number) {
      if (top + 2 > stack.length) stack = growStack(stack);
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
      const prevPrev = prev - width;
      const lo = d > maxEdits ? d - maxEdits : 1;
      const hi = d + maxEdits < n ? d + maxEdits : n;
      let rowMin = lo === 1 ? (d < over ? d : over) : over;
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
          const swap = (rows[prevPrev + j - 2] as number) + 1;
          if (swap < v) v = swap;
        }
        if (v > over) v = over;
        rows[cur + j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (terminal[node] === 1 && (rows[cur + n] as number) <= maxEdits) {
        found.push({ node, distance: rows[cur + n] as number });
      }
      // A swap reaches back two rows, but it never beats the substitution one row up, so once every cell
      // of this row is over the budget no descendant can come back under it.
      if (rowMin > maxEdits || d >= maxDepth) continue;
      for (let child = firstChild[node] as number; child !== NONE; child = nextSibling[child] as number) {
        if (top + 2 > stack.length) stack = growStack(stack);
        stack[top++] = child;
        stack[top++] = d + 1;
      }
    }
    return found
      .map(({ node, distance }) => ({ term: this.termAt(node), distance }))
      .sort((a, b) => a.distance - b.distance || compare(a.term, b.term))
      .slice(0, limit)
      .map((hit) => hit.term);
  }

  /**
   * Up to `limit` terms that start with `key`, shortest first (then alphabetical): the likeliest
   * completions of an unfinished word are the short ones. Breadth-first, finishing the level where the
   * limit is reached so the choice does not depend on insertion order.
   */
  prefix(key: string, limit: number = PREFIX_LIMIT): string[] {
    if (limit <= 0) return [];
    const start = this.find(key);
    if (start === NONE) return [];
    const hits: string[] = [];
    let level = [start];
    while (level.length > 0 && hits.length < limit) {
      const next: number[] = [];
      const found: string[] = [];
      for (const node of level) {
        if (node !== ROOT && this.terminal[node] === 1) found.push(this.termAt(node));
        for (let child = this.firstChild[node] as number; child !== NONE; child = this.nextSibling[child] as number) {
          next.push(child);
        }
      }
      hits.push(...found.sort(compare));
      level = next;
    }
    return hits.slice(0, limit);
  }

  private find(term: string): number {
    let node = ROOT;
    for (let i = 0; i < term.length && node !== NONE; i++) node = this.child(node, term.charCodeAt(i));
    return node;
  }

  private child(node: number, code: number): number {
    let child = this.firstChild[node] as number;
    while (child !== NONE && this.char[child] !== code) child = this.nextSibling[child] as number;
    return child;
  }

  private newNode(parent: number, code: number): number {
    if (this.nodes === this.char.length) this.grow();
    const node = this.nodes++;
    this.char[node] = code;
    this.parent[node] = parent;
    this.nextSibling[node] = this.firstChild[parent] as number;
    this.firstChild[parent] = node;
    return node;
  }

  private grow(): void {
    const capacity = this.char.length * 2;
    this.char = copyInto(new Uint16Array(capacity), this.char);
    this.firstChild = copyInto(new Int32Array(capacity).fill(NONE), this.firstChild);
    this.nextSibling = copyInto(new Int32Array(capacity).fill(NONE), this.nextSibling);
    this.parent = copyInto(new Int32Array(capacity).fill(NONE), this.parent);
    this.terminal = copyInto(new Uint8Array(capacity), this.terminal);
  }

  private termAt(node: number): string {
    const codes: number[] = [];
    for (let at = node; at !== ROOT && at !== NONE; at = this.parent[at] as number) codes.push(this.char[at] as number);
    return String.fromCharCode(...codes.reverse());
  }
}

function growStack(stack: Int32Array): Int32Array {
  const bigger = new Int32Array(stack.length * 2);
  bigger.set(stack);
  return bigger;
}

function copyInto<T extends Uint8Array | Uint16Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
