// packed DFS-preorder experiment
let seed = 42; const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
const C = 'bcdfghklmnprstvz', V = 'aeiou';
const word = () => { let w = ''; const syl = 2 + Math.floor(rnd() * 3); for (let i = 0; i < syl; i++) w += C[Math.floor(rnd()*C.length)]! + V[Math.floor(rnd()*V.length)]! + (rnd() < 0.3 ? C[Math.floor(rnd()*C.length)]! : ''); return w; };
const set = new Set<string>(); while (set.size < 300_000) set.add(word());
const terms = [...set].sort();
// build packed from sorted terms: DFS preorder = sorted order of prefixes
const char: number[] = [0], size: number[] = [1], term: number[] = [0];
let t0 = performance.now();
const stackNodes = [0]; let prev = '';
for (const w of terms) {
  let l = 0; while (l < prev.length && l < w.length && prev[l] === w[l]) l++;
  // pop to depth l
  while (stackNodes.length - 1 > l) { const n = stackNodes.pop()!; }
  for (let i = l; i < w.length; i++) { char.push(w.charCodeAt(i)); size.push(0); term.push(0); stackNodes.push(char.length - 1); }
  term[stackNodes[stackNodes.length - 1]!] = 1; prev = w;
}
// compute sizes via depth tracking: recompute using parent stack
const N = char.length; const sz = new Int32Array(N); 
{ // rebuild with parents
}
console.log('nodes', N);
