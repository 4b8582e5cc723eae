import { TermDictionary } from '../../../src/search/term-dictionary.ts';
let seed = 42; const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
const C = 'bcdfghklmnprstvz', V = 'aeiou';
const word = () => { let w = ''; const syl = 2 + Math.floor(rnd() * 3); for (let i = 0; i < syl; i++) w += C[Math.floor(rnd()*C.length)]! + V[Math.floor(rnd()*V.length)]! + (rnd() < 0.3 ? C[Math.floor(rnd()*C.length)]! : ''); return w; };
const set = new Set<string>(); while (set.size < 300_000) set.add(word());
const terms = [...set];
const d: any = new TermDictionary(terms);
for (let r = 0; r < 4; r++) {
  let c = process.cpuUsage(); const pt = d.packed; let e = process.cpuUsage(c); console.log('packedTerms', (e.user+e.system)/1000, pt.length);
  c = process.cpuUsage(); const s = [...pt].sort(); e = process.cpuUsage(c); console.log('sort sorted', (e.user+e.system)/1000);
  c = process.cpuUsage(); d.pack(pt); e = process.cpuUsage(c); console.log('pack', (e.user+e.system)/1000);
}
