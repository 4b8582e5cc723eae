import { describe, expect, it } from 'vitest';
import {
  indexTerms,
  isPhoneQuery,
  phoneKeys,
  queryTerms,
  stemKey,
  termKey,
  tokenize,
} from '../../../src/domain/search/normalise.ts';
import { SEED_CATEGORIES } from '../../../src/domain/taxonomy/categories-data.ts';
import { TermDictionary } from '../../../src/search/term-dictionary.ts';

/** Keys of stored texts: what the index holds for one place. */
const bagOf = (stored: string | string[]) => new Set([stored].flat().flatMap((text) => indexTerms(text)));

/** Every query word shares a key or a stem with the stored text: no typo tolerance, no prefix. */
function sharesKeys(stored: string | string[], query: string): boolean {
  const bag = bagOf(stored);
  const words = queryTerms(query);
  return words.length > 0 && words.every((w) => bag.has(w.key) || bag.has(w.stem));
}

/** What the search does: every query word expands (exact, stem, prefix, typo) to a key of the text. */
function finds(stored: string | string[], query: string): boolean {
  const bag = bagOf(stored);
  const dictionary = new TermDictionary(bag);
  const words = queryTerms(query);
  return words.length > 0 && words.every((w) => dictionary.expand(w).length > 0);
}

const sameKey = (...spellings: string[]) => new Set(spellings.map((s) => termKey(s)));

describe('Serbian scripts', () => {
  it.each([
    ['Дорћол', 'Dorćol', 'Dorcol', 'dorchol', 'DORĆOL', 'дорчол'],
    ['Љубљана', 'Ljubljana', 'ljubljana'],
    ['Његош', 'Njegoš', 'Njegos', 'njegosh'],
    ['Џем', 'džem', 'dzem', 'dzhem'],
    ['Ђорђе', 'Đorđe', 'Djordje', 'Dorde'],
    ['Ćevapi', 'ćevapi', 'cevapi', 'Ћевапи', 'chevapi'],
    ['Šumadija', 'sumadija', 'Шумадија', 'shumadija'],
  ])('gives %s and its other spellings one key', (...spellings) => {
    expect(sameKey(...spellings).size).toBe(1);
  });

  it('finds Ćevapi by cevapi and Šumadija by sumadija, and the other way round', () => {
    expect(sharesKeys('Ćevapi kod Žike', 'cevapi')).toBe(true);
    expect(sharesKeys('Šumadija restoran', 'sumadija')).toBe(true);
    expect(sharesKeys('Dorcol Platz', 'Дорћол')).toBe(true);
    expect(sharesKeys('Kafana Ђорђе', 'djordje')).toBe(true);
  });
});

describe('Russian romanisations', () => {
  it('finds Сырники и кофе by syrniki, sirniki and сырники', () => {
    for (const q of ['syrniki', 'sirniki', 'сырники', "sy'rniki"])
      expect(sharesKeys('Сырники и кофе', q)).toBe(true);
  });

  it('finds Щука by shchuka, schuka, ščuka and GOST shhuka', () => {
    for (const q of ['shchuka', 'schuka', 'ščuka', 'shhuka']) expect(sharesKeys('Щука', q)).toBe(true);
  });

  it('finds Хлебная лавка by khlebnaya, hlebnaya, hlebnaja, ICAO khlebnaia and GOST xlebnaya', () => {
    for (const q of ['khlebnaya', 'hlebnaya', 'hlebnaja', 'khlebnaia', 'xlebnaya lavka']) {
      expect(sharesKeys('Хлебная лавка', q)).toBe(true);
    }
  });

  it('finds Юла by yula, jula and iula', () => {
    for (const q of ['yula', 'jula', 'iula']) expect(sharesKeys('Юла', q)).toBe(true);
  });

  it('finds Жар-птица by zhar ptica and žar ptica (the hyphen splits the words)', () => {
    expect(tokenize('Жар-птица')).toEqual(['жар', 'птица']);
    for (const q of ['zhar ptica', 'žar ptica', 'zhar-ptitsa', 'жар птица'])
      expect(sharesKeys('Жар-птица', q)).toBe(true);
  });

  // One Russian word per row, spelt by ICAO Doc 9303, GOST 7.79-2000 B, BGN/PCGN and informal typing.
  it.each([
    ['Чайхана', 'Chaikhana', 'Chajxana', 'Chaykhana', 'chajhana'],
    ['Цветы', 'Tsvety', "Czvety'", 'Tsvety', 'cvety'],
    ['Семья', 'Semia', 'Sem`ya', "Sem'ya", 'semja'],
    ['Эксперт', 'Ekspert', 'E`kspert', 'Ekspert', 'expert'],
    ['Юрий', 'Iurii', 'Yurij', 'Yuriy', 'Jurij'],
    ['Мясницкая', 'Miasnitskaia', 'Myasnickaya', 'Myasnitskaya', 'mjasnickaja'],
    ['Большой', 'Bolshoi', 'Bol`shoj', "Bol'shoy", 'bolshoj'],
    ['Дыня', 'Dynia', 'Dy`nya', 'Dynya', 'dynja'],
    ['Щи', 'Shchi', 'Shhi', 'Shchi', 'schi'],
    ['Вареники', 'Vareniki', 'Vareniki', 'Vareniki', 'wareniki'],
    ['Чебуреки', 'Chebureki', 'Chebureki', 'Chebureki', '4ebureki'],
    ['Шаурма', 'Shaurma', 'Shaurma', 'Shaurma', '6aurma'],
  ])('gives %s one key in ICAO, GOST, BGN and informal spelling', (...spellings) => {
    expect(sameKey(...spellings).size).toBe(1);
  });

  it('handles the Ukrainian letters і ї є ґ (KMU 2010 romanisation, г as h)', () => {
    expect(sameKey('Київ', 'Kyiv', 'Kijiv').size).toBe(1);
    expect(sameKey('Харків', 'Kharkiv').size).toBe(1);
    expect(sameKey('Гліб', 'Hlib').size).toBe(1);
    expect(sameKey('Євгенія', 'Yevheniia', 'Jevhenija').size).toBe(1);
    expect(sameKey('Ґанок', 'ganok').size).toBe(1);
    expect(sameKey('Їжак', 'Yizhak').size).toBe(1);
    expect(sameKey("М'ясо", 'мясо', 'myaso').size).toBe(1);
    expect(sharesKeys('Перукарня «Київ»', 'perukarnia kyiv')).toBe(true);
  });

  it('handles the Belarusian ў (Łacinka ŭ, BGN w) as the в it stands for', () => {
    expect(sameKey('Праўда', 'Praŭda', 'Prawda', 'Правда').size).toBe(1);
  });

  it('merges BGN ye and Ukrainian є with plain е at the start of a word', () => {
    expect(sameKey('Елена', 'Yelena', 'Jelena').size).toBe(1);
  });
});

describe('across scripts both ways', () => {
  it('finds the Latin name Bistro Dorćol by бистро дорчол and бистро дорћол', () => {
    expect(sharesKeys('Bistro Dorćol', 'бистро дорчол')).toBe(true);
    expect(sharesKeys('Bistro Dorćol', 'бистро дорћол')).toBe(true);
  });

  it('finds a Cyrillic name by its Latin spelling', () => {
    expect(sharesKeys('Бистро Дорћол', 'bistro dorcol')).toBe(true);
    expect(sharesKeys('Чайхана «Самарканд»', 'chaikhana samarkand')).toBe(true);
  });
});

describe('word forms', () => {
  it('lets пекарня, пекарни and пекарню find each other', () => {
    const forms = ['пекарня', 'пекарни', 'пекарню'];
    for (const stored of forms) for (const q of forms) expect(sharesKeys(`Уютная ${stored}`, q)).toBe(true);
  });

  it('lets frizerski salon and frizerskom salonu find each other', () => {
    expect(sharesKeys('Frizerski salon Ana', 'frizerskom salonu')).toBe(true);
    expect(sharesKeys('U frizerskom salonu', 'frizerski salon')).toBe(true);
  });

  it('lets сырники and сырников find each other, also from Latin', () => {
    expect(sharesKeys('Сырники и кофе', 'сырников')).toBe(true);
    expect(sharesKeys('Много сырников', 'сырники')).toBe(true);
    expect(sharesKeys('Сырники и кофе', 'syrnikov')).toBe(true);
  });

  it('stems Serbian across its two scripts and English plurals', () => {
    expect(stemKey('Дорћолу')).toBe(stemKey('Dorćol'));
    expect(stemKey('salons')).toBe(stemKey('salon'));
    expect(stemKey('pharmacies')).toBe(stemKey('pharmacy'));
  });

  it('stems a Serbian word alike with and without diacritics, in either script', () => {
    expect(new Set(['ćevapčići', 'cevapcici', 'ћевапчићи'].map(stemKey)).size).toBe(1);
    expect(stemKey('menjačnici')).toBe(stemKey('menjacnici'));
  });

  it('keeps a stem of at least three letters', () => {
    expect(stemKey('еда').length).toBeGreaterThanOrEqual(3);
  });
});

describe('typos and prefixes', () => {
  it('allows one edit in words of 4 to 7 letters', () => {
    expect(finds('Dorćol', 'dorcl')).toBe(true);
    expect(finds('Сырники', 'сырнки')).toBe(true);
    expect(finds('Сырники', 'сарнаки')).toBe(false);
  });

  it('allows two edits from 8 letters on, a swap of neighbours counting as one', () => {
    expect(finds('Kindergarten', 'kindregarden')).toBe(true);
    expect(finds('Парикмахерская', 'парикмахреская')).toBe(true);
    expect(finds('Frizer', 'firzer')).toBe(true);
  });

  it('allows no edit under 4 letters', () => {
    expect(finds('Бор', 'бар')).toBe(false);
  });

  it('completes the word being typed: сыр finds Сырники', () => {
    expect(finds('Сырники и кофе', 'сыр')).toBe(true);
    expect(finds('Сырники и кофе', 'кофе syr')).toBe(true);
    expect(finds('Bistro Dorćol', 'bistro дорћ')).toBe(true);
  });
});

describe('categories in every language (synonyms from the taxonomy data)', () => {
  const textOf = (slug: string) => {
    const category = SEED_CATEGORIES.find((c) => c.slug === slug);
    if (category === undefined) throw new Error(`no category ${slug}`);
    return [...Object.values(category.names), ...Object.values(category.synonyms).flat()];
  };

  it('finds hair salons by frizer, парикмахерская, перукарня, hair salon and стрижка, inflected too', () => {
    const queries = ['frizer', 'парикмахерская', 'перукарня', 'hair salon', 'стрижка'];
    for (const q of [...queries, 'парикмахерскую', 'hair salons', 'стрижки', 'frizerskom salonu']) {
      expect(finds(textOf('hair-salon'), q), q).toBe(true);
    }
    for (const q of queries) expect(finds(textOf('kindergarten'), q), q).toBe(false);
  });

  it('finds kindergartens by vrtić, детский сад, садик and kindergarten', () => {
    for (const q of [
      'vrtić',
      'vrtic',
      'детский сад',
      'садик',
      'kindergarten',
      'kindergartens',
      'detskiy sad',
    ]) {
      expect(finds(textOf('kindergarten'), q), q).toBe(true);
    }
  });
});

describe('other fields', () => {
  it('finds descriptions, addresses and neighbourhoods in either script', () => {
    expect(sharesKeys('Домашняя выпечка, торты на заказ', 'торт')).toBe(true);
    expect(sharesKeys('Cara Dušana 12, Beograd', 'цара душана 12')).toBe(true);
    expect(sharesKeys('Vračar', 'Врачар')).toBe(true);
  });

  it('gives a phone number the same keys in every usual form', () => {
    const expected = ['381641234567', '0641234567'];
    for (const form of [
      '+381 64 123 4567',
      '064 123 4567',
      '0641234567',
      '381641234567',
      '00381 64 123 45 67',
      '+381 (0)64 123-4567',
      '064/123-45-67',
    ]) {
      expect(phoneKeys(form), form).toEqual(expected);
    }
    expect(phoneKeys('011 123 456; +7 912 345-67-89')).toEqual(['38111123456', '011123456', '79123456789']);
  });

  it('reads a query of digits and phone punctuation as one phone key, also while typing', () => {
    const index = new TermDictionary(phoneKeys('+381 64 123 4567'));
    for (const q of ['064 123 4567', '+381641234567', '064 12', '+381 64']) {
      expect(isPhoneQuery(q), q).toBe(true);
      const [word, ...rest] = queryTerms(q);
      expect(rest).toEqual([]);
      expect(word && index.expand(word).length > 0, q).toBe(true);
    }
  });

  it('leaves postcodes, house numbers and years as words', () => {
    expect(isPhoneQuery('11000')).toBe(false);
    expect(queryTerms('11000').map((w) => w.key)).toEqual(['11000']);
    expect(termKey('12а')).toBe('12a');
    expect(termKey('4a')).toBe('4a');
    expect(termKey('win64')).toBe('vin64');
  });
});

describe('tokenize', () => {
  // The definition of a word, which tokenize scans for by hand because the regex was too slow for imports.
  const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ`][\p{L}\p{N}\p{M}]+)*/gu;
  const byRegex = (text: string) => {
    const folded = text
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .toLowerCase();
    return [...folded.matchAll(WORD)].map((m) => m[0]);
  };

  it('finds the words the Unicode regex finds, for every character of the Basic Multilingual Plane', () => {
    const differing: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      const text = `a${c}b ${c}'x y’${c} ${c}${c}`;
      if (JSON.stringify(tokenize(text)) !== JSON.stringify(byRegex(text))) differing.push(unit.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('reads characters beyond it (surrogate pairs) as the regex does', () => {
    for (const text of ['𝐀𝐁c d', 'a😀b', 'x\ud800y', '𠀀字 ok', "𝐀'𝐁 '😀'"]) {
      expect(tokenize(text), text).toEqual(byRegex(text));
    }
  });
});
