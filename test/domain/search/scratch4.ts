import { TermDictionary } from '../../../src/search/term-dictionary.ts';
let seed = 42; const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
const C = 'bcdfghklmnprstvz', V = 'aeiou';
const word = () => { let w = ''; const syl = 2 + Math.floor(rnd() * 3); for (let i = 0; i < syl; i++) w += C[Math.floor(rnd()*C.length)]! + V[Math.floor(rnd()*V.length)]! + (rnd() < 0.3 ? C[Math.floor(rnd()*C.length)]! : ''); return w; };
const set = new Set<string>(); while (set.size < 300_000) set.add(word());
const terms = [...set];
for (let r = 0; r < 3; r++) { const t = performance.now(); const d = new TermDictionary(terms); console.log('build ms', performance.now() - t, d.size, (d as any).nodes); }
const d = new TermDictionary(terms);
// count visits by monkeypatching pushChildren
let pushes = 0; const orig = (d as any).pushChildren.bind(d);
(d as any).pushChildren = (n: number, dep: number, s: number[], ds: number[]) => { const before = s.length; orig(n, dep, s, ds); pushes += s.length - before; };
const qs = terms.slice(0, 300).map(w => { const a = [...w]; const i = Math.floor(rnd()*(a.length-1)); [a[i], a[i+1]] = [a[i+1]!, a[i]!]; return a.join(''); });
for (const k of [1,2]) { pushes = 0; let len = 0; for (const q of qs) { d.fuzzy(q, k); len += q.length; } console.log('k', k, 'avg nodes visited', pushes / qs.length, 'avg len', len/qs.length); }
