import { describe, expect, it } from 'vitest';
import { SEED_CITIES } from '../../src/domain/taxonomy/cities-data.ts';
import { cityBySlug, neighbourhoodOf } from '../../src/domain/taxonomy/neighbourhood-of.ts';

describe('neighbourhoodOf', () => {
  it('puts Knez Mihailova street in Stari grad', () => {
    expect(neighbourhoodOf(SEED_CITIES, 20.4565, 44.8175)).toEqual({
      city: 'belgrade',
      neighbourhood: 'stari-grad',
    });
  });

  it('puts Cara Dušana at Dobračina in Dorćol', () => {
    expect(neighbourhoodOf(SEED_CITIES, 20.466, 44.8235)).toEqual({
      city: 'belgrade',
      neighbourhood: 'dorcol',
    });
  });

  it('finds Vračar at the Church of Saint Sava and Zemun at its old town', () => {
    expect(neighbourhoodOf(SEED_CITIES, 20.4689, 44.7981)?.neighbourhood).toBe('vracar');
    expect(neighbourhoodOf(SEED_CITIES, 20.411, 44.8435)?.neighbourhood).toBe('zemun');
  });

  it('puts the Petrovaradin fortress in Petrovaradin, Novi Sad', () => {
    expect(neighbourhoodOf(SEED_CITIES, 19.8634, 45.2527)).toEqual({
      city: 'novi-sad',
      neighbourhood: 'petrovaradin',
    });
  });

  it('puts the Novi Sad main square in Centar', () => {
    expect(neighbourhoodOf(SEED_CITIES, 19.8451, 45.2551)?.neighbourhood).toBe('centar');
  });

  it('returns null for a point in no city, such as Budapest', () => {
    expect(neighbourhoodOf(SEED_CITIES, 19.0402, 47.4979)).toBeNull();
  });

  it('returns null when no city is given', () => {
    expect(neighbourhoodOf([], 20.46, 44.82)).toBeNull();
  });
});

describe('cityBySlug', () => {
  it('finds a city by its slug and nothing for an unknown one', () => {
    expect(cityBySlug(SEED_CITIES, 'novi-sad')?.names.en).toBe('Novi Sad');
    expect(cityBySlug(SEED_CITIES, 'nis')).toBeUndefined();
  });
});
