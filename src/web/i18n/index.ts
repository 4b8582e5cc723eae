import { LOCALES, type Locale, latinToCyrillic } from '../../domain/locales.ts';
import { en, type Messages } from './en.ts';
import { ru } from './ru.ts';
import { srLatn } from './sr-Latn.ts';
import type { Plural } from './types.ts';
import { uk } from './uk.ts';

export type { Messages } from './en.ts';
export type { Plural, Week } from './types.ts';

/** Each locale's name in its own language, for the locale switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  ru: 'Русский',
  'sr-Latn': 'Srpski',
  'sr-Cyrl': latinToCyrillic('Srpski'),
  en: 'English',
  uk: 'Українська',
};

/** Deep-maps every string of a catalogue; the shape (and so the type) stays the same. */
function mapStrings<T>(value: T, convert: (text: string) => string): T {
  if (typeof value === 'string') return convert(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, convert)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, convert)])) as T;
  }
  return value;
}

const CATALOGUES: Record<Locale, Messages> = {
  ru,
  'sr-Latn': srLatn,
  // Serbian Cyrillic is the Latin catalogue transliterated by the exact 1:1 mapping, never translated twice.
  'sr-Cyrl': mapStrings(srLatn, latinToCyrillic),
  en,
  uk,
};

export function messages(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/**
 * What people type or name exactly as it is, whatever the script of the page — examples of input and names
 * of formats. Catalogues say them through placeholders, so Serbian Cyrillic never transliterates them.
 */
export const VERBATIM: Readonly<Record<string, string>> = {
  hoursExample: 'Mo-Fr 09:00-18:00; Sa 10:00-14:00',
  https: 'https://',
  http: 'http://',
  handle: '@kvartal',
  emailExample: 'name@example.org',
  placeLink: '/ru/p/12-kafe',
  osm: 'OpenStreetMap',
  json: 'JSON',
  ical: 'iCal',
};

/** Fills `{name}` placeholders; unknown placeholders are left visible so that a mistake shows. */
export function format(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name] ?? VERBATIM[name];
    return value === undefined ? whole : String(value);
  });
}

/** Messages of one locale plus the formatting that depends on the locale. */
export class Translator {
  readonly m: Messages;
  private readonly pluralRules: Intl.PluralRules;
  private readonly languageNames: Intl.DisplayNames;
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly monthFormat: Intl.DateTimeFormat;

  constructor(readonly locale: Locale) {
    this.m = messages(locale);
    this.pluralRules = new Intl.PluralRules(locale);
    this.languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Belgrade' });
    this.monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  format(template: string, vars: Record<string, string | number>): string {
    return format(template, vars);
  }

  plural(forms: Plural, count: number, vars: Record<string, string | number> = {}): string {
    const category = this.pluralRules.select(count);
    return format(forms[category] ?? forms.other, { count, ...vars });
  }

  /** A spoken language's name (`ru` → "Russian"), capitalised for use as a label. */
  languageName(code: string): string {
    const name = this.languageNames.of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(this.locale) + name.slice(1);
  }

  /** `2023-04` → "April 2023"; a whole date → the long date. */
  month(isoMonthOrDate: string): string {
    if (!/^\d{4}-\d{2}$/.test(isoMonthOrDate)) return this.date(isoMonthOrDate);
    const date = new Date(`${isoMonthOrDate}-01T12:00:00Z`);
    return Number.isNaN(date.getTime()) ? isoMonthOrDate : this.monthFormat.format(date);
  }

  date(isoDate: string): string {
    const date = new Date(isoDate);
    return Number.isNaN(date.getTime()) ? isoDate : this.dateFormat.format(date);
  }
}

const translators = new Map<Locale, Translator>(LOCALES.map((locale) => [locale, new Translator(locale)]));

export function t(locale: Locale): Translator {
  return translators.get(locale) ?? new Translator(locale);
}
