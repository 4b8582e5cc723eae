import { describe, expect, it } from 'vitest';
import {
  indexTerms,
  MAX_QUERY_TOKENS,
  MAX_TOKEN_LENGTH,
  MAX_TOKENS,
  phoneKeys,
  queryTerms,
  stemKey,
  termKey,
  tokenize,
} from '../../../src/domain/search/normalise.ts';

describe('queryTerms', () => {
  it('returns one entry per word with the last one a prefix', () => {
    expect(queryTerms('Сырники кофе')).toEqual([
      { key: 'sirniki', stem: 'sirnik', prefix: false, raw: 'сырники' },
      { key: 'kofe', stem: 'kof', prefix: true, raw: 'кофе' },
    ]);
  });

  it('treats a trailing space as a finished word', () => {
    expect(queryTerms('сыр ').map((w) => w.prefix)).toEqual([false]);
  });

  it('drops one-letter words unless the query is one letter', () => {
    expect(queryTerms('Сырники и кофе').map((w) => w.raw)).toEqual(['сырники', 'кофе']);
    expect(queryTerms('с')).toEqual([{ key: 's', stem: 's', prefix: true, raw: 'с' }]);
  });

  it('keeps at most eight words and merges repeated ones', () => {
    expect(queryTerms('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10').length).toBe(MAX_QUERY_TOKENS);
    expect(queryTerms('kafe кафе kafe').map((w) => w.key)).toEqual(['kafe']);
  });
});

describe('indexTerms', () => {
  it('holds every word key and, when different, its stem, once each', () => {
    expect(indexTerms('Пекарня пекарня Dorćol')).toEqual(['pekarnia', 'pekarn', 'dorcol']);
  });
});

describe('hostile input', () => {
  const junk = [
    '"',
    '*',
    'NEAR(',
    'NEAR(a b, 3)',
    'OR',
    'a OR b AND NOT c',
    '"unterminated',
    "'; DROP TABLE places; --",
    'title:foo {name desc}: bar ^baz',
    '\u0000\u0001\u0007\u001b[31m',
    '\u200b\u200d\u00ad\ufeff',
    '!!!???...',
    '🙂🙃🔥',
    '\ud800\udc00\ud800',
    'x'.repeat(1000),
    'слово '.repeat(1000),
    Array.from({ length: 1000 }, (_, i) => String.fromCharCode(i * 37)).join(''),
  ];

  it.each(junk.map((q) => [JSON.stringify(q).slice(0, 40), q]))(
    'turns %s into harmless plain keys',
    (_, q) => {
      const words = queryTerms(q);
      expect(words.length).toBeLessThanOrEqual(MAX_QUERY_TOKENS);
      for (const w of words) {
        expect(w.key).toMatch(/^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+$/u);
        expect(w.stem).toMatch(/^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+$/u);
      }
      const tokens = tokenize(q);
      expect(tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
      for (const t of tokens) expect(Array.from(t).length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
      expect(() => indexTerms(q)).not.toThrow();
      expect(() => phoneKeys(q)).not.toThrow();
    },
  );

  it('gives nothing for punctuation, symbols and control characters alone', () => {
    for (const q of ['"', '*', '!!!???...', '🙂🙃🔥', '\u0000\u0001', '', '   '])
      expect(queryTerms(q)).toEqual([]);
  });

  it('keeps FTS operators as lower-case plain words', () => {
    expect(queryTerms('NEAR( OR "x" AND').map((w) => w.key)).toEqual(['near', 'or', 'and']);
  });

  it('never throws on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      const q = value as unknown as string;
      expect(tokenize(q)).toEqual([]);
      expect(queryTerms(q)).toEqual([]);
      expect(termKey(q)).toBe('');
      expect(phoneKeys(q)).toEqual([]);
    }
  });

  it('stays fast and bounded on a megabyte of text', () => {
    const started = performance.now();
    const terms = indexTerms('Сырники и кофе, Dorćol; '.repeat(50_000));
    expect(terms.length).toBeLessThan(20);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('keeps Latin and Cyrillic keys to [a-z0-9] and never empty, digits included', () => {
    const text = 'Ъ ь ЬЪ Щёлково ЁЖ 064 Đ Ё ў Ї Ґ Dž lj X\u0301 ﬁ Ｆｕｌｌ ß Øresund Ærø Łódź İstanbul';
    for (const token of tokenize(text)) {
      expect(termKey(token), token).toMatch(/^[a-z0-9ьъ]+$/);
      expect(stemKey(token).length, token).toBeGreaterThan(0);
    }
    expect(termKey('064')).toBe('064');
    expect(termKey('ﬁ')).toBe('fi');
  });
});

describe('ё romanised as yo or jo', () => {
  it('indexes both readings so elki, yolki and jolki all find ёлки', () => {
    const stored = indexTerms('Ёлки-палки Ёжик');
    for (const q of ['elki', 'yolki', 'jolki', 'ёлки', 'елки', 'yozhik', 'ёжик']) {
      const [term] = queryTerms(`${q} `);
      expect(stored, q).toContain(term?.key);
    }
  });
});
