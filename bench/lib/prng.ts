// The demo generator's PRNG: seeded, so every run asks the same questions.
export { mulberry32 } from '../../src/demo/generate.ts';

export function pickFrom<T>(random: () => number, list: readonly T[]): T {
  if (list.length === 0) throw new Error('pickFrom: the list is empty');
  return list[Math.floor(random() * list.length)] as T;
}
