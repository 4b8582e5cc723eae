import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../src/domain/search/edits.ts';
import { allowedEdits, TermDictionary } from '../../src/search/term-dictionary.ts';

const VOCABULARY = [
  'dorcol',
  'dorcolski',
  'frizer',
  'frizersk',
  'frizerski',
  'sirnik',
  'sirniki',
  'kindergarten',
  'sir',
];

/** A deterministic generator of pronounceable keys, dense like a real vocabulary of skeletons. */
function syntheticKeys(count: number, seed = 42): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * n);
  };
  const consonants = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  const keys = new Set<string>();
  while (keys.size < count) {
    let key = '';
    for (let s = 2 + next(3); s > 0; s--) {
      key += consonants[next(16)] + (vowels[next(5)] as string);
      if (next(10) < 3) key += consonants[next(16)];
    }
    keys.add(key);
  }
  return [...keys];
}

describe('allowedEdits', () => {
  it('allows none under 4 letters, 1 for 4 to 7, 2 from 8 on', () => {
    expect(['sir', 'dorc', 'sirniki', 'dorcolsk'].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(allowedEdits('𝒶𝒷𝒸')).toBe(0);
  });
});

describe('TermDictionary', () => {
  const dictionary = new TermDictionary(VOCABULARY);

  it('knows its terms', () => {
    expect(dictionary.size).toBe(VOCABULARY.length);
    expect(dictionary.has('frizer')).toBe(true);
    expect(dictionary.has('friz')).toBe(false);
    expect(dictionary.has('')).toBe(false);
    expect(dictionary.fuzzy('frizer', 0)).toEqual(['frizer']);
  });

  it('finds terms one substitution, insertion or deletion away', () => {
    expect(dictionary.fuzzy('dorkol', 1)).toEqual(['dorcol']);
    expect(dictionary.fuzzy('dorcl', 1)).toEqual(['dorcol']);
    expect(dictionary.fuzzy('dorcoll', 1)).toEqual(['dorcol']);
  });

  it('finds terms two edits away only when allowed two', () => {
    expect(dictionary.fuzzy('kindregarden', 1)).toEqual([]);
    expect(dictionary.fuzzy('kindregarden', 2)).toEqual(['kindergarten']);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(dictionary.fuzzy('firzer', 1)).toEqual(['frizer']);
    expect(dictionary.fuzzy('dorocl', 1)).toEqual(['dorcol']);
  });

  it('lists the closest terms first, then alphabetically, up to the limit', () => {
    expect(dictionary.fuzzy('frizersk', 2)).toEqual(['frizersk', 'frizerski', 'frizer']);
    expect(dictionary.fuzzy('frizersk', 2, 2)).toEqual(['frizersk', 'frizerski']);
    expect(dictionary.fuzzy('dorcolsk', 2)).toEqual(['dorcolski', 'dorcol']);
  });

  it('completes a prefix with the shortest terms first', () => {
    expect(dictionary.prefix('friz')).toEqual(['frizer', 'frizersk', 'frizerski']);
    expect(dictionary.prefix('sir', 2)).toEqual(['sir', 'sirnik']);
    expect(dictionary.prefix('xyz')).toEqual([]);
  });

  it('returns nothing for an empty key or a zero limit', () => {
    expect(dictionary.fuzzy('', 2)).toEqual([]);
    expect(dictionary.fuzzy('dorcol', 1, 0)).toEqual([]);
    expect(dictionary.prefix('dor', 0)).toEqual([]);
  });

  it('handles keys outside ASCII', () => {
    const cyrillic = new TermDictionary(['ъ', 'кафе', 'кафана']);
    expect(cyrillic.fuzzy('кафа', 1)).toEqual(['кафе']);
    expect(cyrillic.prefix('каф')).toEqual(['кафе', 'кафана']);
  });

  it('expands a query word into matching keys, labelled by how they matched', () => {
    expect(dictionary.expand({ key: 'frizerskom', stem: 'frizersk', prefix: false })).toEqual([
      { term: 'frizersk', kind: 'stem' },
      { term: 'frizerski', kind: 'fuzzy' },
      { term: 'frizer', kind: 'fuzzy' },
    ]);
    expect(dictionary.expand({ key: 'sir', stem: 'sir', prefix: true })).toEqual([
      { term: 'sir', kind: 'exact' },
      { term: 'sirnik', kind: 'prefix' },
      { term: 'sirniki', kind: 'prefix' },
    ]);
    expect(dictionary.expand({ key: 'bar', stem: 'bar', prefix: false })).toEqual([]);
  });

  it('takes terms added later, before and after they are packed into the trie', () => {
    const growing = new TermDictionary(['alpha']);
    expect(growing.add('alpha')).toBe(false);
    expect(growing.add('')).toBe(false);
    expect(growing.add('beta')).toBe(true);
    expect(growing.fuzzy('betta', 1)).toEqual(['beta']);
    const more = syntheticKeys(2000, 7);
    for (const key of more) growing.add(key);
    expect(growing.size).toBe(new Set(['alpha', 'beta', ...more]).size);
    for (const key of more.slice(0, 50)) expect(growing.fuzzy(key, 1)).toContain(key);
    expect(growing.prefix('alph')).toEqual(['alpha']);
    expect(growing.has('beta')).toBe(true);
  });

  it('agrees with a brute-force Damerau–Levenshtein (OSA) scan', () => {
    const keys = syntheticKeys(5000, 3);
    const small = new TermDictionary(keys);
    for (const query of syntheticKeys(40, 99)) {
      for (const edits of [1, 2]) {
        const expected = keys.filter((k) => boundedDistance(query, k, edits) <= edits).sort();
        expect(small.fuzzy(query, edits, Number.POSITIVE_INFINITY).sort(), `${query} ±${edits}`).toEqual(
          expected,
        );
      }
    }
  });

  it('looks up 300k keys within the allowed edits in about a millisecond', () => {
    const keys = syntheticKeys(300_000);
    const big = new TermDictionary(keys);
    // Misspell existing keys by swapping two letters; time the CPU, which other processes cannot inflate.
    const queries = keys.slice(0, 400).map((k) => `${k.slice(0, 2)}${k[3]}${k[2]}${k.slice(4)}`);
    for (const q of queries.slice(0, 50)) big.fuzzy(q, 2);
    const times: number[] = [];
    for (const q of queries) {
      const started = process.cpuUsage();
      const hits = big.fuzzy(q, Math.max(allowedEdits(q), 1));
      const used = process.cpuUsage(started);
      times.push((used.user + used.system) / 1000);
      expect(hits.length).toBeGreaterThan(0);
    }
    times.sort((a, b) => a - b);
    // The issue asks for well under 2 ms; the bound leaves room for a slow CI machine.
    expect(times[times.length >> 1]).toBeLessThan(5);
  });
});
