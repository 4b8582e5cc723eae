import { describe, expect, it } from 'vitest';
import { latinToCyrillic } from '../../src/domain/locales.ts';
import { SEED_CATEGORIES } from '../../src/domain/taxonomy/categories-data.ts';
import { SEED_CITIES } from '../../src/domain/taxonomy/cities-data.ts';

const NAME_LOCALES = ['ru', 'sr-Latn', 'en', 'uk'] as const;
const SYNONYM_LANGUAGES = ['ru', 'sr', 'en', 'uk'] as const;
const ASCII_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('seed categories', () => {
  it('names every group and category in ru, sr-Latn, en and uk, and leaves sr-Cyrl to be derived', () => {
    for (const category of SEED_CATEGORIES) {
      for (const locale of NAME_LOCALES)
        expect(category.names[locale], `${category.slug} ${locale}`).toBeTruthy();
      expect(category.names['sr-Cyrl']).toBeUndefined();
      expect(latinToCyrillic(category.names['sr-Latn'] ?? '')).toMatch(/^[\u0400-\u04ff0-9 &,-]+$/u);
    }
  });

  it('gives 3 to 6 search synonyms per language to every group and category', () => {
    for (const category of SEED_CATEGORIES) {
      for (const language of SYNONYM_LANGUAGES) {
        const words = category.synonyms[language] ?? [];
        expect(words.length, `${category.slug} ${language}`).toBeGreaterThanOrEqual(3);
        expect(words.length, `${category.slug} ${language}`).toBeLessThanOrEqual(6);
        expect(new Set(words).size).toBe(words.length);
      }
    }
  });

  it('uses unique ASCII slugs', () => {
    const slugs = SEED_CATEGORIES.map((c) => c.slug);
    for (const slug of slugs) expect(slug).toMatch(ASCII_SLUG);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('puts every category under an existing group, one level deep', () => {
    const groups = new Set(SEED_CATEGORIES.filter((c) => c.parent === null).map((c) => c.slug));
    expect([...groups]).toEqual([
      'food-drink',
      'shops',
      'children',
      'beauty',
      'health',
      'services',
      'culture',
      'sport',
      'community',
    ]);
    for (const category of SEED_CATEGORIES.filter((c) => c.parent !== null)) {
      expect(groups.has(category.parent ?? ''), category.slug).toBe(true);
    }
  });

  it('has the categories the product brief names, including the ones the API examples use', () => {
    const slugs = new Set(SEED_CATEGORIES.filter((c) => c.parent !== null).map((c) => c.slug));
    expect(slugs.size).toBe(33);
    for (const slug of ['cafe', 'kindergarten', 'hair-salon', 'legal-residence', 'coworking']) {
      expect(slugs.has(slug)).toBe(true);
    }
  });

  it('colours groups distinctly, categories like their group, with white text at 4.5:1 or more', () => {
    const byGroup = new Map(SEED_CATEGORIES.filter((c) => c.parent === null).map((c) => [c.slug, c.color]));
    expect(new Set(byGroup.values()).size).toBe(byGroup.size);
    for (const category of SEED_CATEGORIES) {
      expect(category.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(category.color), category.slug).toBeGreaterThanOrEqual(4.5);
      if (category.parent) expect(category.color).toBe(byGroup.get(category.parent));
    }
  });

  it('lists categories in ascending sort order, each group before its categories', () => {
    const sorts = SEED_CATEGORIES.map((c) => c.sort);
    expect(sorts).toEqual([...sorts].sort((a, b) => a - b));
    expect(new Set(sorts).size).toBe(sorts.length);
  });
});

describe('seed cities', () => {
  it('has Belgrade and Novi Sad with neighbourhoods named in every locale and centred inside the city', () => {
    expect(SEED_CITIES.map((c) => c.slug)).toEqual(['belgrade', 'novi-sad']);
    for (const city of SEED_CITIES) {
      expect(city.timeZone).toBe('Europe/Belgrade');
      const [minLon, minLat, maxLon, maxLat] = city.bounds;
      for (const hood of [city, ...city.neighbourhoods]) {
        for (const locale of NAME_LOCALES) expect(hood.names[locale], `${hood.slug} ${locale}`).toBeTruthy();
        expect(hood.slug).toMatch(ASCII_SLUG);
        expect(hood.centre[0]).toBeGreaterThan(minLon);
        expect(hood.centre[0]).toBeLessThan(maxLon);
        expect(hood.centre[1]).toBeGreaterThan(minLat);
        expect(hood.centre[1]).toBeLessThan(maxLat);
      }
      for (const hood of city.neighbourhoods) expect(hood.city).toBe(city.slug);
    }
    const [belgrade, noviSad] = SEED_CITIES;
    expect(belgrade?.neighbourhoods.length).toBeGreaterThanOrEqual(14);
    expect(noviSad?.neighbourhoods.length).toBeGreaterThanOrEqual(9);
    const slugs = SEED_CITIES.flatMap((c) => c.neighbourhoods.map((h) => h.slug));
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
