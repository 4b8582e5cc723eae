/**
 * Transliteration and folding tables for search keys, kept as data so they can be read, reviewed and
 * extended without touching the pipeline in `normalise.ts`.
 *
 * Every table maps into one canonical, scholarly-style Latin (the one Serbian Latin uses: č š ž as
 * `ch sh zh`, ц as `c`, й/ј as `j`). The romanisations people actually type (ICAO, GOST, BGN/PCGN,
 * informal) are not listed one by one: they are all merged afterwards by `REDUCTIONS`, which rewrite
 * every spelling of a sound to one skeleton letter. So a new romanisation usually needs no table change.
 */

/**
 * Russian Cyrillic → canonical Latin. Close to ISO 9 / scientific transliteration with the diacritics
 * spelt out as digraphs (ж zh, ш sh, щ shch); ICAO Doc 9303, GOST 7.79-2000 B and BGN/PCGN spellings are
 * merged later by REDUCTIONS. ё → e because Russian text usually writes ё as е, and both must meet; ъ and ь
 * vanish (ICAO drops ь, GOST and BGN write them as ` and ', which the pipeline strips).
 */
export const RUSSIAN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
};

/**
 * Ukrainian and Belarusian letters (Ukrainian national standard KMU 2010; Belarusian Łacinka / BGN).
 * ў → v: it stands where Russian has в or л (праўда/правда), BGN and informal typing write it `w`, which
 * REDUCTIONS turn into v as well, and Łacinka's ŭ is mapped to v in LATIN_LETTERS for the same reason.
 */
export const UKRAINIAN_BELARUSIAN: Readonly<Record<string, string>> = {
  і: 'i',
  ї: 'ji',
  є: 'je',
  ґ: 'g',
  ў: 'v',
};

/**
 * In Ukrainian and Belarusian г is a voiced h (Київ, Харків, Гліб → Hlib in KMU 2010 and BGN), so a word
 * that shows one of these letters takes г → h. A Ukrainian word without them keeps г → g; it still meets
 * its own spellings, only the Latin `h` form then needs the typo tolerance.
 */
export const UKRAINIAN_MARKERS = /[іїєґў]/u;
export const UKRAINIAN_GHE = 'h';

/**
 * Serbian (Vuk's alphabet; the official Latin is its 1:1 mirror) and Macedonian Cyrillic. ђ is spelt `dj`
 * as Serbs type it without diacritics (Djokovic); ћ and ч both become `ch`, because Serbian Latin ć and č
 * are typed interchangeably and often as plain c. Macedonian ѓ/ќ follow their Latin ǵ/ḱ with the accent
 * folded, ѕ is dz.
 */
export const SERBIAN_MACEDONIAN: Readonly<Record<string, string>> = {
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'ch',
  џ: 'dzh',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
};

/** Letters that make a Cyrillic word Serbian or Macedonian for the stemmer's choice. */
export const SERBIAN_CYRILLIC_MARKERS = /[ђјљњћџѓќѕ]/u;

/**
 * Latin letters whose diacritic carries a sound that a romanisation spells with a digraph: Serbo-Croatian
 * (Gaj's alphabet) č ć š ž đ, Belarusian Łacinka ŭ, plus Western European letters that Unicode does not
 * decompose (ß ø æ œ ł đ ð þ ı). Everything else with a diacritic (é ü å ñ ç ő ...) is folded by Unicode
 * decomposition in the pipeline.
 */
export const LATIN_LETTERS: Readonly<Record<string, string>> = {
  č: 'ch',
  ć: 'ch',
  š: 'sh',
  ž: 'zh',
  đ: 'dj',
  ŭ: 'v',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
};

/** Any Cyrillic letter: the word is stemmed as Russian, Ukrainian or Serbian Cyrillic. */
export const CYRILLIC = /[\u0400-\u04ff]/u;

/**
 * Serbian Latin as typed without diacritics (ASCII keyboards, SMS habits): č ć → c, š → s, ž → z, đ → dj.
 * The stemmer pipeline uses it so that a word stems alike with and without its diacritics.
 */
export const SERBIAN_LATIN_ASCII: Readonly<Record<string, string>> = {
  č: 'c',
  ć: 'c',
  š: 's',
  ž: 'z',
  đ: 'dj',
};

/**
 * Ordered rewrites from canonical or typed Latin to the skeleton, applied one after another (and the whole
 * list again until nothing changes) to a lower-case ASCII word. Order matters: `kh` and `x` go first so that
 * с+х (`skh`, `sx`) reads like the Cyrillic `sh`; the long щ spellings before `sh`/`ch`; `dj` before j/y
 * turn into i.
 *
 * Sources of the variants merged:
 * - ICAO Doc 9303 (passports): ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю iu, я ia, й i, ы y, ъ ie.
 * - GOST 7.79-2000 system B: ц cz/c, щ shh, ю yu, я ya, х x, ы y', э e', ъ ``, ь ` (marks stripped earlier).
 * - BGN/PCGN: е ye, ё yë, й y, ы y, ю yu, я ya, ь ', ъ ".
 * - Serbian Latin without diacritics, and dj/dz for đ/dž; informal Russian: ja/ju, w for в, x for х, sch
 *   for щ, tz for ц.
 */
export const REDUCTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  // х: kh (ICAO, BGN), x (GOST, informal). ks joins them so that такси = taksi = taxi and текст = text.
  [/kh|ks|x/g, 'h'],
  // щ: shch (ICAO, BGN), shh (GOST), sch (informal, German); šč arrives here as shch. Merged with ш and с.
  [/shch|shh|sch/g, 's'],
  // ж/ž zh → z, ч/č/ć ch → c, ш/š sh → s: the diacritic-less spelling every Serbian types anyway.
  [/zh/g, 'z'],
  [/ch/g, 'c'],
  [/sh/g, 's'],
  // ц: ts (ICAO, BGN), tz (German), cz (GOST before e/i/y/j), tc (the t of English tch once ch became c).
  [/ts|tz|cz|tc/g, 'c'],
  // đ/ђ: dj, and the plain d that diacritic-less Serbian often writes (Đorđe = Djordje = Dorde).
  [/dj/g, 'd'],
  // w for в (informal, German-style), and ў.
  [/w/g, 'v'],
  // й j/i/y, ы y/i, ю ju/iu/yu, я ja/ia/ya, Serbian j: one letter i, so every iotation spelling meets.
  [/[jy]/g, 'i'],
  // BGN's word-initial ye (Yelena) and Ukrainian є (Yevhen) meet plain e (Елена): ie after a vowel or at
  // the start is e.
  [/(^|[aeiou])i+e/g, '$1e'],
  // Doubled letters (Rossiya/Rosija, -ii/-iy/-yy endings after the i merge) collapse; digits never do.
  [/([a-z])\1+/g, '$1'],
];

/**
 * Informal "translit" typing borrows digits that look like Cyrillic letters: 4 for ч (4ebureki), 6 for ш
 * (6aurma). Applied only inside Latin words that are mostly letters, never to numbers (see normalise.ts).
 */
export const INFORMAL_DIGITS: Readonly<Record<string, string>> = { '4': 'ch', '6': 'sh' };

/** Separators people put inside phone numbers; a query of digits and these alone is a phone number. */
export const PHONE_PUNCTUATION = /[\s+\-()./]/g;

/** Serbia's country calling code and national trunk prefix (ITU-T E.164; Serbian numbering plan). */
export const DEFAULT_COUNTRY_CODE = '381';
export const NATIONAL_TRUNK_PREFIX = '0';
export const INTERNATIONAL_CALL_PREFIX = '00';
