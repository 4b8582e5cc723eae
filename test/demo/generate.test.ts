import { describe, expect, it } from 'vitest';
import { DEMO_HOURS, DEMO_PLACE_COUNT, generateDemoPlaces } from '../../src/demo/generate.ts';
import { checkHours } from '../../src/domain/hours.ts';
import { isSpokenLanguage } from '../../src/domain/languages.ts';
import { SEED_CATEGORIES } from '../../src/domain/taxonomy/categories-data.ts';
import { SEED_CITIES } from '../../src/domain/taxonomy/cities-data.ts';
import { cityBySlug, neighbourhoodOf } from '../../src/domain/taxonomy/neighbourhood-of.ts';

const places = [...generateDemoPlaces(DEMO_PLACE_COUNT)];
const leafCategories = SEED_CATEGORIES.filter((c) => c.parent !== null).map((c) => c.slug);

describe('generateDemoPlaces', () => {
  it('yields the requested number of places', () => {
    expect(places).toHaveLength(400);
  });

  it('is deterministic: the same seed gives the same places, a shorter run is a prefix of a longer one', () => {
    expect([...generateDemoPlaces(DEMO_PLACE_COUNT)]).toEqual(places);
    expect([...generateDemoPlaces(57)]).toEqual(places.slice(0, 57));
    expect([...generateDemoPlaces(10, 7)]).not.toEqual(places.slice(0, 10));
  });

  it('covers every category of the taxonomy at least five times in 400 places', () => {
    const counts = new Map<string, number>();
    for (const place of places) counts.set(place.category, (counts.get(place.category) ?? 0) + 1);
    for (const slug of leafCategories) expect(counts.get(slug) ?? 0, slug).toBeGreaterThanOrEqual(5);
    for (const place of places) {
      expect(leafCategories).toContain(place.category);
      for (const extra of place.extraCategories) expect(leafCategories).toContain(extra);
    }
  });

  it('puts about 70% of places in Belgrade and the rest in Novi Sad', () => {
    const inBelgrade = places.filter((p) => p.city === 'belgrade').length / places.length;
    expect(inBelgrade).toBeGreaterThan(0.6);
    expect(inBelgrade).toBeLessThan(0.8);
    expect(places.some((p) => p.city === 'novi-sad')).toBe(true);
  });

  it('uses only opening hours that pass checkHours', () => {
    for (const hours of DEMO_HOURS) expect(checkHours(hours), hours).toMatchObject({ ok: true });
    for (const place of places) if (place.hours !== null) expect(DEMO_HOURS).toContain(place.hours);
    expect(places.some((p) => p.hours === null)).toBe(true);
  });

  it('keeps every point inside the bounds of its city', () => {
    for (const place of places) {
      const city = cityBySlug(SEED_CITIES, place.city);
      expect(city, place.city).toBeDefined();
      const [minLon, minLat, maxLon, maxLat] = city?.bounds ?? [0, 0, 0, 0];
      expect(place.lon).toBeGreaterThanOrEqual(minLon);
      expect(place.lon).toBeLessThanOrEqual(maxLon);
      expect(place.lat).toBeGreaterThanOrEqual(minLat);
      expect(place.lat).toBeLessThanOrEqual(maxLat);
    }
  });

  it('names the neighbourhood that neighbourhoodOf derives from the point for at least 80% of places', () => {
    const agreeing = places.filter((p) => {
      const found = neighbourhoodOf(SEED_CITIES, p.lon, p.lat);
      return found?.city === p.city && found.neighbourhood === p.neighbourhood;
    });
    expect(agreeing.length / places.length).toBeGreaterThanOrEqual(0.8);
  });

  it('spreads places over every neighbourhood of both cities', () => {
    const used = new Set(places.map((p) => p.neighbourhood));
    for (const city of SEED_CITIES)
      for (const hood of city.neighbourhoods) expect(used, hood.slug).toContain(hood.slug);
  });

  it('names places in Russian Cyrillic and Serbian Latin, mostly originally in Russian', () => {
    for (const place of places) {
      expect(place.names.ru).toMatch(/[\u0400-\u04ff]/u);
      expect(place.names['sr-Latn']).not.toMatch(/[\u0400-\u04ff]/u);
      expect(place.descriptions.ru).toBeTruthy();
      expect(place.descriptions['sr-Latn']).toBeTruthy();
    }
    const serbianFirst = places.filter((p) => p.originalLocale === 'sr-Latn').length / places.length;
    expect(serbianFirst).toBeGreaterThan(0.15);
    expect(serbianFirst).toBeLessThan(0.35);
  });

  it('fills contacts in the expected formats and links only to reserved example domains', () => {
    for (const { contacts } of places) {
      if (contacts.phone) expect(contacts.phone).toMatch(/^\+381 6\d \d{3} \d{4}$/);
      if (contacts.website) expect(contacts.website).toMatch(/^https:\/\/[a-z0-9-]+\.rs\.example$/);
      if (contacts.email) expect(contacts.email).toMatch(/^info@[a-z0-9-]+\.rs\.example$/);
      if (contacts.telegram) expect(contacts.telegram).toMatch(/^@[a-z0-9_]{5,32}$/);
      if (contacts.instagram) expect(contacts.instagram).toMatch(/^@[a-z0-9._]+$/);
    }
    expect(places.some((p) => Object.keys(p.contacts).length < 3)).toBe(true);
  });

  it('marks places as demo data with demo provenance, mostly active, with languages and a few tags', () => {
    const sourceIds = new Set(places.map((p) => p.provenance.sourceId));
    expect(sourceIds.size).toBe(places.length);
    for (const place of places) {
      expect(place.isDemo).toBe(true);
      expect(place.provenance.source).toBe('demo');
      expect(['active', 'closed']).toContain(place.status);
      expect(place.languages.length).toBeGreaterThan(0);
      for (const code of place.languages) expect(isSpokenLanguage(code)).toBe(true);
      expect(place.tags.length).toBeGreaterThanOrEqual(1);
      expect(place.tags.length).toBeLessThanOrEqual(3);
    }
    expect(places.filter((p) => p.languages.includes('ru')).length / places.length).toBeGreaterThan(0.9);
    expect(places.filter((p) => p.status === 'closed').length / places.length).toBeLessThan(0.08);
  });

  it('never gives a home-based handyman a street address', () => {
    for (const place of places.filter((p) => p.category === 'handyman')) expect(place.address).toBeNull();
  });
});
