/** mulberry32, as in src/demo/generate.ts: seeded, so every run asks the same questions. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickFrom<T>(random: () => number, list: readonly T[]): T {
  if (list.length === 0) throw new Error('pickFrom: the list is empty');
  return list[Math.floor(random() * list.length)] as T;
}
