import { TermDictionary } from '../../../src/search/term-dictionary.ts';
let seed = 42; const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
const C = 'bcdfghklmnprstvz', V = 'aeiou';
const word = () => { let w = ''; const syl = 2 + Math.floor(rnd() * 3); for (let i = 0; i < syl; i++) w += C[Math.floor(rnd()*C.length)]! + V[Math.floor(rnd()*V.length)]! + (rnd() < 0.3 ? C[Math.floor(rnd()*C.length)]! : ''); return w; };
const set = new Set<string>(); while (set.size < 300_000) set.add(word());
const terms = [...set];
let t = performance.now(); const d = new TermDictionary(terms); console.log('build ms', performance.now() - t, d.size);
const qs = terms.slice(0, 2000).map(w => { const a = [...w]; const i = Math.floor(rnd()*(a.length-1)); [a[i], a[i+1]] = [a[i+1]!, a[i]!]; return a.join(''); });
for (const edits of [1, 2]) {
  const times: number[] = []; let total = 0;
  for (const q of qs) { const s = performance.now(); total += d.fuzzy(q, edits).length; times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log('edits', edits, 'p50', times[1000], 'p99', times[1980], 'avg hits', total / qs.length);
}
const times: number[] = [];
for (const q of ['b', 'ba', 'bak', 'z', 'kaso']) { const s = performance.now(); d.prefix(q, 10); times.push(performance.now() - s); }
console.log('prefix', times);
console.log(process.memoryUsage().heapUsed / 1e6);
