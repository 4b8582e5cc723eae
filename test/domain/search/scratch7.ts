import { TermDictionary } from '../../../src/search/term-dictionary.ts';
let seed = 42; const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
const C = 'bcdfghklmnprstvz', V = 'aeiou';
const word = () => { let w = ''; const syl = 2 + Math.floor(rnd() * 3); for (let i = 0; i < syl; i++) w += C[Math.floor(rnd()*C.length)]! + V[Math.floor(rnd()*V.length)]! + (rnd() < 0.3 ? C[Math.floor(rnd()*C.length)]! : ''); return w; };
const set = new Set<string>(); while (set.size < 300_000) set.add(word());
const terms = [...set];
for (let r = 0; r < 3; r++) { const c0 = process.cpuUsage(); const d = new TermDictionary(terms); const c = process.cpuUsage(c0); console.log('build cpu ms', (c.user + c.system)/1000, d.size);
 const c1 = process.cpuUsage(); for (let i = 0; i < 600; i++) d.add('zz' + word()); d.fuzzy('kasotemu', 2); const c2 = process.cpuUsage(c1); console.log('600 adds + repack cpu ms', (c2.user+c2.system)/1000, d.size);
 const c3 = process.cpuUsage(); for (const p of ['b','ba','bak','z','zz','kaso']) d.prefix(p, 10); const c4 = process.cpuUsage(c3); console.log('6 prefix cpu ms', (c4.user+c4.system)/1000, d.prefix('b'), d.prefix('zz', 3));
}
