/**
 * The one place where text becomes search keys. The same functions run when a place is indexed and when a
 * query arrives, for every storage backend, so whatever matches is decided here and nowhere else.
 *
 * A word gets two keys:
 * - `termKey`: its "skeleton": scripts folded to Latin, diacritics dropped, every romanisation of a sound
 *   reduced to one letter (see REDUCTIONS in tables.ts). Дорћол, Dorćol, Dorcol, dorchol → `dorcol`.
 * - `stemKey`: the skeleton of its Snowball stem, so that inflected forms meet (пекарня/пекарню → `pekarn`).
 * Keys are lower case and contain only letters and digits (for Latin and Cyrillic input [a-z0-9], save a
 * word that is a lone ъ or ь), so they are never FTS or SQL syntax, and they are fixed points of termKey.
 * Phone numbers get digits-only keys of their own (phoneKeys).
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { stemmer as serbianStemmer } from '@orama/stemmers/serbian';
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian';
import {
  CYRILLIC,
  DEFAULT_COUNTRY_CODE,
  INFORMAL_DIGITS,
  INTERNATIONAL_CALL_PREFIX,
  LATIN_LETTERS,
  NATIONAL_TRUNK_PREFIX,
  PHONE_PUNCTUATION,
  REDUCTIONS,
  RUSSIAN,
  SERBIAN_CYRILLIC_MARKERS,
  SERBIAN_LATIN_ASCII,
  SERBIAN_MACEDONIAN,
  UKRAINIAN_BELARUSIAN,
  UKRAINIAN_GHE,
  UKRAINIAN_MARKERS,
} from './tables.ts';

/** Bounds that keep hostile input cheap: a query is a few words, a field a few paragraphs. */
export const MAX_TOKENS = 64;
export const MAX_TOKEN_LENGTH = 40;
export const MAX_QUERY_TOKENS = 8;
export const MAX_INDEX_TOKENS = 256;
/** Characters scanned per allowed token; anything beyond cannot yield a token inside the cap anyway. */
const CHARS_PER_TOKEN = 64;

export interface QueryTerm {
  /** termKey of the word: exact and fuzzy matching. */
  key: string;
  /** stemKey of the word: inflected forms. Equal to `key` when the stemmer changes nothing. */
  stem: string;
  /** Search-as-you-type: the word may be unfinished, match keys that start with `key`. */
  prefix: boolean;
  /** The token as typed (lower case), for highlighting. */
  raw: string;
}

// Zero-width and bidi characters and soft hyphens hide inside words pasted from the web; they join, not split.
const FORMAT_CHARS = /\p{Cf}/gu;
const NON_ASCII = /[^ -~]/gu;
const MARKS = /\p{M}/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;

/** Lower-case words of `text`: at most `maxTokens`, each cut to MAX_TOKEN_LENGTH characters. Never throws. */
export function tokenize(text: string, maxTokens: number = MAX_TOKENS): string[] {
  if (typeof text !== 'string' || text.length === 0 || maxTokens <= 0) return [];
  const scanned =
    text.length > maxTokens * CHARS_PER_TOKEN ? text.slice(0, maxTokens * CHARS_PER_TOKEN) : text;
  const folded = scanned.normalize('NFKC').replace(FORMAT_CHARS, '').toLowerCase();
  const tokens: string[] = [];
  for (let at = 0; at < folded.length && tokens.length < maxTokens; ) {
    const end = wordEnd(folded, at);
    if (end === at) {
      at++;
      continue;
    }
    const word = folded.slice(at, end);
    tokens.push(word.length > MAX_TOKEN_LENGTH ? Array.from(word).slice(0, MAX_TOKEN_LENGTH).join('') : word);
    at = end;
  }
  return tokens;
}

/**
 * Where the word starting at `start` ends (`start` itself when none starts there). A word is letters, digits
 * and combining marks, with apostrophes allowed inside (GOST y' and e', BGN natal'ya, Ukrainian м'ясо):
 * splitting there would break one word into meaningless halves. The same as the Unicode regex
 * `[\p{L}\p{N}\p{M}]+(?:['’ʼ`][\p{L}\p{N}\p{M}]+)*` matched at `start`, but scanned by hand: running
 * that regex over every text was the largest single cost of indexing an import.
 */
function wordEnd(text: string, start: number): number {
  let at = runEnd(text, start);
  if (at === start) return start;
  while (at < text.length && APOSTROPHES.has(text.charCodeAt(at))) {
    const next = runEnd(text, at + 1);
    if (next === at + 1) break;
    at = next;
  }
  return at;
}

/** The end of the run of word characters (letters, digits, marks) from `start`. */
function runEnd(text: string, start: number): number {
  let at = start;
  while (at < text.length) {
    const unit = text.charCodeAt(at);
    const pair = unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(at) : undefined;
    if (pair !== undefined && pair > 0xffff) {
      if (!WORD_CHARACTER.test(String.fromCodePoint(pair))) break;
      at += 2;
    } else {
      if (!isWordUnit(unit)) break;
      at++;
    }
  }
  return at;
}

const APOSTROPHES = new Set(["'", '’', 'ʼ', '`'].map((c) => c.charCodeAt(0)));
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
// Whether each UTF-16 unit is a word character, asked of WORD_CHARACTER once: 0 unknown, 1 yes, 2 no.
const WORD_UNITS = new Uint8Array(0x10000);

function isWordUnit(unit: number): boolean {
  let known = WORD_UNITS[unit];
  if (!known) {
    known = WORD_CHARACTER.test(String.fromCharCode(unit)) ? 1 : 2;
    WORD_UNITS[unit] = known;
  }
  return known === 1;
}

// Indexing a million places sees the same few hundred thousand words again and again; a bounded memo turns
// the regex pipeline and the stemmer into one map lookup. Cleared wholesale when full: simple and bounded.
const MEMO_LIMIT = 200_000;
const termMemo = new Map<string, string>();
const stemMemo = new Map<string, string>();
const indexKeysMemo = new Map<string, readonly string[]>();

function memo<T>(table: Map<string, T>, word: string, compute: (w: string) => T): T {
  const hit = table.get(word);
  if (hit !== undefined) return hit;
  const value = compute(word);
  if (table.size >= MEMO_LIMIT) table.clear();
  table.set(word, value);
  return value;
}

/** The skeleton of one word (see the module comment). '' only when `word` has no letter or digit. */
export function termKey(word: string): string {
  if (typeof word !== 'string') return '';
  return memo(termMemo, word, computeTermKey);
}

function computeTermKey(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase();
  const ghe = UKRAINIAN_MARKERS.test(lower) ? UKRAINIAN_GHE : undefined;
  const latin = lower
    .replace(NON_ASCII, (ch) => (ch === 'г' && ghe !== undefined ? ghe : letterOf(ch)))
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(NOT_ALNUM, '');
  let key = informalDigits(latin);
  // Repeat until nothing changes (twice at most in practice): a reduction can bring letters together that
  // an earlier one would have merged (ć + х gives chh, which one pass leaves as ch). Keys are thereby fixed
  // points: termKey(termKey(w)) === termKey(w), so a key can safely be normalised again.
  for (let round = 0; round < 4; round++) {
    const before = key;
    for (const [pattern, replacement] of REDUCTIONS) key = key.replace(pattern, replacement);
    if (key === before) break;
  }
  if (key.length > 0) return key;
  // Only ъ/ь and apostrophes can vanish entirely; keep the bare letters rather than an empty key.
  return lower.normalize('NFKD').replace(MARKS, '').replace(NOT_ALNUM, '');
}

function letterOf(ch: string): string {
  return RUSSIAN[ch] ?? UKRAINIAN_BELARUSIAN[ch] ?? SERBIAN_MACEDONIAN[ch] ?? LATIN_LETTERS[ch] ?? ch;
}

// 4ebureki, ka4alka, 6aurma: a lone 4 or 6 inside a Latin word of at least three letters. Not at the end and
// never beside another digit, so that numbers, house numbers (4a), models (ps4, win64, iphone6) stay digits.
const INFORMAL_WORD = /^(?:[a-z]*[46](?=[a-z]))+[a-z]*$/;
function informalDigits(word: string): string {
  if (!INFORMAL_WORD.test(word) || word.replace(/[46]/g, '').length < 3) return word;
  return word.replace(/[46]/g, (d) => INFORMAL_DIGITS[d] ?? d);
}

/**
 * The skeleton of the word's Snowball stem. The stemmer is chosen from the letters alone, because a word
 * carries no language tag and index and query must choose the same way:
 * - Cyrillic without Serbian letters: Russian, this community's language, or Ukrainian when the word has
 *   і ї є ґ ў (there is no Snowball Belarusian; Ukrainian endings are the closest). Serbian Cyrillic words
 *   without ђ ј љ њ ћ џ (школа, пекара) lose the same -а/-е/-у endings in the Russian stemmer.
 * - Everything else, Latin and Serbian Cyrillic: Serbian (it reads both scripts, and the Latin text of a
 *   place in Serbia is mostly Serbian: frizerskom → frizersk), then English on the result with diacritics
 *   dropped (salons → salon, kindergartens → kindergarten). Dropping them first makes ćevapčići and
 *   cevapcici, Niš and Nis stem alike. English also trims some Serbian stems (prodavnic → prodavn); index
 *   and query take the same path, so that only makes a stem coarser, never inconsistent.
 * Romanised Russian goes the Serbian way too: the two languages share most endings (syrnikov → sirnik, as
 * сырников); where they differ, the typo tolerance on the word's key still finds it.
 * Stems shorter than three letters are too ambiguous to be a key (еда → ед); the word's own key is used.
 */
export function stemKey(word: string): string {
  if (typeof word !== 'string') return '';
  return memo(stemMemo, word, computeStemKey);
}

function computeStemKey(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase();
  const whole = termKey(lower);
  if (!/\p{L}/u.test(lower)) return whole;
  const stemKeyOfWord = termKey(stemOf(lower));
  return stemKeyOfWord.length >= 3 ? stemKeyOfWord : whole;
}

function stemOf(lower: string): string {
  if (CYRILLIC.test(lower) && !SERBIAN_CYRILLIC_MARKERS.test(lower)) {
    return UKRAINIAN_MARKERS.test(lower) ? ukrainianStemmer(lower) : russianStemmer(lower);
  }
  const serbian = serbianStemmer(lower).replace(NON_ASCII, (ch) => SERBIAN_LATIN_ASCII[ch] ?? ch);
  return englishStemmer(serbian);
}

/** Distinct keys of a field's text: every token's termKey, and its stemKey when different. */
export function indexTerms(text: string, maxTokens: number = MAX_INDEX_TOKENS): string[] {
  const keys = new Set<string>();
  for (const token of tokenize(text, maxTokens)) {
    // One memo lookup per token rather than one per key: indexing an import makes millions of them.
    for (const key of memo(indexKeysMemo, token, tokenIndexKeys)) keys.add(key);
  }
  return [...keys];
}

function tokenIndexKeys(token: string): readonly string[] {
  const key = termKey(token);
  if (key.length === 0) return [];
  // ё is written е by most, but romanised yo/jo (GOST, BGN, informal): index the йо reading too, so
  // ёлки is found by elki, yolki and jolki alike.
  if (!token.includes('ё')) return [key, stemKey(token)];
  const yo = token.replace(/ё/g, 'йо');
  return [key, stemKey(token), termKey(yo), stemKey(yo)];
}

/**
 * One entry per distinct query word, at most MAX_QUERY_TOKENS. One-letter words (и, в, i, a) are dropped
 * unless the query is that one letter. The last word is a prefix while the user is typing it; a trailing
 * space or punctuation says it is finished. A query that is a phone number becomes one phone key.
 */
export function queryTerms(q: string): QueryTerm[] {
  if (typeof q !== 'string') return [];
  const phone = phoneQueryKey(q);
  if (phone !== undefined) return [{ key: phone, stem: phone, prefix: true, raw: q.trim() }];
  const all = tokenize(q, MAX_TOKENS);
  const words = all.length > 1 ? all.filter((t) => Array.from(t).length > 1) : all;
  const kept = words.slice(0, MAX_QUERY_TOKENS);
  const last = kept[kept.length - 1];
  const typing = last !== undefined && words.length <= MAX_QUERY_TOKENS && /[\p{L}\p{N}\p{M}]$/u.test(q);
  const terms = new Map<string, QueryTerm>();
  for (const raw of kept) {
    const key = termKey(raw);
    if (key.length === 0) continue;
    const prefix = typing && raw === last;
    const seen = terms.get(key);
    if (seen !== undefined) seen.prefix ||= prefix;
    else terms.set(key, { key, stem: stemKey(raw), prefix, raw });
  }
  return [...terms.values()];
}

/** A query made only of digits and phone punctuation: a full or partial phone number. */
export function isPhoneQuery(q: string): boolean {
  return phoneQueryKey(q) !== undefined;
}

// Serbian numbers are typed from their start: +381..., 00381..., 0xx... (three digits are enough to be a
// prefix, 011 is Belgrade). Other digit runs need eight digits, so postcodes (11000) and years stay words.
function phoneQueryKey(q: string): string | undefined {
  if (typeof q !== 'string' || q.length > 40 || /[^\d\s+\-()./]/.test(q)) return undefined;
  const digits = q.replace(PHONE_PUNCTUATION, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const dialled = /^\s*\+/.test(q) || digits.startsWith(NATIONAL_TRUNK_PREFIX);
  if (digits.length < (dialled ? 3 : 8)) return undefined;
  return phoneKeys(q)[0];
}

/**
 * Digits-only keys of one or more phone numbers (separated by , or ;): for each its international form
 * (country code first, no +) and, for numbers of `countryCode`, its national form with the trunk 0.
 * +381 64 123 4567, 00381641234567, 064/123-4567 and 0641234567 all give 381641234567 and 0641234567.
 * The international key comes first: a query uses it alone, since the index holds both.
 */
export function phoneKeys(phone: string, countryCode: string = DEFAULT_COUNTRY_CODE): string[] {
  if (typeof phone !== 'string') return [];
  const keys = new Set<string>();
  for (const part of phone.slice(0, 200).split(/[,;]/)) {
    const digits = part.replace(/\D/g, '').slice(0, 20);
    if (digits.length === 0) continue;
    let international: string;
    if (/^\s*\+/.test(part)) international = digits;
    else if (digits.startsWith(INTERNATIONAL_CALL_PREFIX)) international = digits.slice(2);
    else if (digits.startsWith(NATIONAL_TRUNK_PREFIX)) international = countryCode + digits.slice(1);
    else if (digits.startsWith(countryCode) && digits.length >= countryCode.length + 6)
      international = digits;
    // No prefix at all (64 123 4567): a national number without its trunk 0.
    else international = countryCode + digits;
    if (!international.startsWith(countryCode)) {
      keys.add(international);
      continue;
    }
    // +381 (0)64 ...: the trunk 0 written inside an international number is not dialled.
    let subscriber = international.slice(countryCode.length);
    if (subscriber.startsWith(NATIONAL_TRUNK_PREFIX)) subscriber = subscriber.slice(1);
    keys.add(countryCode + subscriber);
    if (subscriber.length > 0) keys.add(NATIONAL_TRUNK_PREFIX + subscriber);
  }
  return [...keys];
}
