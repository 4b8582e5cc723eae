/**
 * How far a typed word may be from a stored one. Shared by the term dictionary (src/search) and anything
 * that compares two keys directly, so the tolerance rule exists once.
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

/** Damerau–Levenshtein (OSA) distance of two short strings, or `max + 1` as soon as it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  const rows = new Int32Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[i * width] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(
        (rows[(i - 1) * width + j] as number) + 1,
        (rows[i * width + j - 1] as number) + 1,
        (rows[(i - 1) * width + j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (rows[(i - 2) * width + j - 2] as number) + 1);
      }
      rows[i * width + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length * width + b.length] as number;
}
