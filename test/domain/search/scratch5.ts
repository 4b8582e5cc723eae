import { TermDictionary, allowedEdits } from '../../../src/search/term-dictionary.ts';
let seed = 42; const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
const C = 'bcdfghklmnprstvz', V = 'aeiou';
const word = () => { let w = ''; const syl = 2 + Math.floor(rnd() * 3); for (let i = 0; i < syl; i++) w += C[Math.floor(rnd()*C.length)]! + V[Math.floor(rnd()*V.length)]! + (rnd() < 0.3 ? C[Math.floor(rnd()*C.length)]! : ''); return w; };
const set = new Set<string>(); while (set.size < 300_000) set.add(word());
const terms = [...set];
const d = new TermDictionary(terms);
// brute-force check
function osa(a: string, b: string): number { const m=a.length,n=b.length; const D: number[][] = []; for (let i=0;i<=m;i++){D.push(new Array(n+1).fill(0)); D[i]![0]=i;} for (let j=0;j<=n;j++) D[0]![j]=j;
 for (let i=1;i<=m;i++) for (let j=1;j<=n;j++){ let v=Math.min(D[i-1]![j]!+1,D[i]![j-1]!+1,D[i-1]![j-1]!+(a[i-1]===b[j-1]?0:1)); if(i>1&&j>1&&a[i-1]===b[j-2]&&a[i-2]===b[j-1]) v=Math.min(v,D[i-2]![j-2]!+1); D[i]![j]=v;} return D[m]![n]!; }
const small = terms.slice(0, 20000); const ds = new TermDictionary(small);
for (let r = 0; r < 30; r++) { const q = word(); for (const k of [1,2]) { const got = ds.fuzzy(q, k, 1e9).sort(); const want = small.filter(t => osa(q,t) <= k).sort(); if (JSON.stringify(got)!==JSON.stringify(want)) console.log('MISMATCH', q, k, got, want); } }
const mutate = (w: string) => { const a = [...w]; const op = Math.floor(rnd()*3); const i = Math.floor(rnd()*(a.length-1)); if (op===0) [a[i], a[i+1]] = [a[i+1]!, a[i]!]; else if (op===1) a.splice(i,1); else a[i] = 'aeioubkt'[Math.floor(rnd()*8)]!; return a.join(''); };
const qs = terms.slice(0, 3000).map(mutate);
for (let round = 0; round < 3; round++) {
  const times: number[] = [];
  for (const q of qs) { const s = performance.now(); d.fuzzy(q, allowedEdits(q)); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  const long = qs.filter(q => allowedEdits(q) === 2); const lt: number[] = [];
  for (const q of long) { const s = performance.now(); d.fuzzy(q, 2); lt.push(performance.now() - s); } lt.sort((a,b)=>a-b);
  console.log('rule p50', times[1500]?.toFixed(3), 'p99', times[2970]?.toFixed(3), '| 2-edit keys', long.length, 'p50', lt[lt.length>>1]?.toFixed(3), 'p99', lt[Math.floor(lt.length*0.99)]?.toFixed(3));
}
const ts: number[] = []; for (const q of qs.slice(0,500)) { const s = performance.now(); d.fuzzy(q, 2); ts.push(performance.now() - s); } ts.sort((a,b)=>a-b); console.log('forced k=2 on all p50', ts[250], 'p99', ts[495]);
{
  const long = qs.filter(q => allowedEdits(q) === 2);
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage(); for (const q of long) d.fuzzy(q, 2); const c1 = process.cpuUsage(c0);
    console.log('cpu per 2-edit query ms', (c1.user + c1.system) / 1000 / long.length);
    const c2 = process.cpuUsage(); for (const q of qs) d.fuzzy(q, allowedEdits(q)); const c3 = process.cpuUsage(c2);
    console.log('cpu per rule query ms', (c3.user + c3.system) / 1000 / qs.length);
  }
}
{ const long = qs.filter(q => allowedEdits(q) === 2); let hits = 0; for (const q of long) hits += d.fuzzy(q, 2).length; console.log('visits per 2-edit query', (globalThis as any).VISITS / long.length, 'hits', hits/long.length, 'avg len', long.reduce((a,q)=>a+q.length,0)/long.length); }
