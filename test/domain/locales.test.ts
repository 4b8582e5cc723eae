import { describe, expect, it } from 'vitest';
import { latinToCyrillic, negotiateLocale, pickText } from '../../src/domain/locales.ts';
import { slugify } from '../../src/domain/places/place.ts';

describe('Serbian Latin to Cyrillic', () => {
  it('maps letters and digraphs one to one', () => {
    expect(latinToCyrillic('Ljubljana Njegoševa Džervis Đurđevdan Ćevapi')).toBe(
      'Љубљана Његошева Џервис Ђурђевдан Ћевапи',
    );
  });
  it('keeps placeholders, tags, URLs and e-mail addresses as they are', () => {
    expect(latinToCyrillic('{count} mesta <a href="/x">ovde</a> https://a.rs/b kontakt@a.rs')).toBe(
      '{count} места <a href="/x">овде</a> https://a.rs/b kontakt@a.rs',
    );
  });
});

describe('choosing a text', () => {
  it('derives Serbian Cyrillic and falls back to the original locale', () => {
    expect(pickText({ 'sr-Latn': 'Pekara' }, 'sr-Cyrl')).toBe('Пекара');
    expect(pickText({ ru: 'Пекарня', 'sr-Latn': 'Pekara' }, 'en', 'ru')).toBe('Пекарня');
    expect(pickText({ ru: 'Пекарня' }, 'uk')).toBe('Пекарня');
  });
  it('follows Accept-Language', () => {
    expect(negotiateLocale('sr-Cyrl-RS,sr;q=0.9')).toBe('sr-Cyrl');
    expect(negotiateLocale('uk-UA,uk;q=0.9,ru;q=0.8')).toBe('uk');
    expect(negotiateLocale('de-DE,en;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('ru');
  });
  it('makes ASCII slugs from any script', () => {
    expect(slugify('Кофейня «Сырники и кофе»')).toBe('kofeynya-syrniki-i-kofe');
    expect(slugify('Kafić Dorćol')).toBe('kafic-dorcol');
    expect(slugify('Ђурђевак')).toBe('djurdjevak');
  });
});
