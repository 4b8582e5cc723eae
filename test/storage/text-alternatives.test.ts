import { describe, expect, it } from 'vitest';
import { possibleAlternatives, textAlternatives } from '../../src/storage/kysely/text-alternatives.ts';

const group = (
  terms: string[],
  categories: string[] = [],
  neighbourhoods: string[] = [],
  cities: string[] = [],
) => ({
  terms,
  categories,
  neighbourhoods,
  cities,
});

describe('text alternatives', () => {
  it('keeps a query of plain words as one full-text match', () => {
    expect(textAlternatives({ groups: [group(['bistro']), group(['dorcol'])] }, 12)).toEqual([
      { textGroups: [['bistro'], ['dorcol']], columns: [] },
    ]);
  });

  it('gives each word that names a category or an area its own way to match', () => {
    const alternatives = textAlternatives(
      { groups: [group(['kafe'], ['cafe']), group(['vracar'], [], ['vracar'])] },
      12,
    );
    expect(alternatives).toEqual([
      { textGroups: [['kafe'], ['vracar']], columns: [] },
      { textGroups: [['kafe']], columns: [{ column: 'neighbourhood', slugs: ['vracar'] }] },
      { textGroups: [['vracar']], columns: [{ column: 'category', slugs: ['cafe'] }] },
      {
        textGroups: [],
        columns: [
          { column: 'category', slugs: ['cafe'] },
          { column: 'neighbourhood', slugs: ['vracar'] },
        ],
      },
    ]);
  });

  it('gives up past the limit, so the caller can use the set form', () => {
    const word = group(['x'], ['a'], ['b'], ['c']);
    expect(textAlternatives({ groups: [word, word] }, 12)).toBeNull();
  });

  it('drops what the filter rules out', () => {
    const alternatives = textAlternatives({ groups: [group(['sad'], [], [], ['novi-sad'])] }, 12) ?? [];
    expect(possibleAlternatives(alternatives, { city: 'belgrade' })).toEqual([
      { textGroups: [['sad']], columns: [] },
    ]);
    expect(possibleAlternatives(alternatives, { city: 'novi-sad' })).toHaveLength(2);
  });
});
