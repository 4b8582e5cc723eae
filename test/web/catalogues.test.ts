import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../src/domain/errors.ts';
import { LOCALES } from '../../src/domain/locales.ts';
import { messages, t, VERBATIM } from '../../src/web/i18n/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every string of a catalogue by its path; the forms of a plural (`one`, `few`, …) each under the plural's path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    // A plural: its forms differ between languages, but each says the same placeholders as English's `other`.
    if ('other' in value) return entries.map(([, form]) => [path, String(form)] as [string, string]);
    return entries.flatMap(([key, item]) => strings(item, path ? `${path}.${key}` : key));
  }
  return [];
}

describe('message catalogues', () => {
  const english = new Map(strings(messages('en')));

  it.each(LOCALES)(
    '%s says every English message, with the same placeholders and nothing empty',
    (locale) => {
      const found = strings(messages(locale));
      expect(new Set(found.map(([path]) => path))).toEqual(new Set(english.keys()));
      for (const [path, text] of found) {
        expect(text.trim(), `${locale} ${path}`).not.toBe('');
        expect(placeholders(text), `${locale} ${path}: ${text}`).toEqual(
          placeholders(english.get(path) ?? ''),
        );
      }
    },
  );

  it.each(LOCALES)('%s has a sentence for every problem a form can refuse', (locale) => {
    const problems = messages(locale).problems as Record<string, string>;
    for (const code of PROBLEM_CODES) expect(problems[code], `${locale} ${code}`).toMatch(/\S/);
  });

  it('keeps what people type verbatim in Serbian Cyrillic: examples go in through placeholders', () => {
    // Serbian Cyrillic is transliterated from the Latin catalogue: a literal example there would be mangled.
    for (const [path, text] of strings(messages('sr-Latn'))) {
      for (const value of Object.values(VERBATIM)) expect(text, path).not.toContain(value);
    }
    const cyrillic = t('sr-Cyrl');
    expect(cyrillic.format(cyrillic.m.problems.hours, {})).toContain('Mo-Fr 09:00-18:00; Sa 10:00-14:00');
    expect(cyrillic.format(cyrillic.m.problems.website, {})).toContain('https://');
    expect(cyrillic.format(cyrillic.m.events.subscribe, {})).toContain('(iCal)');
  });
});
