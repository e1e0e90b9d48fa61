import { describe } from 'vitest';
import { solveAssignment } from '@shared/matching';
function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
describe('t', () => {
  const r = rng(2);
  const p = { n: 2000, m: 500, w: Float64Array.from({ length: 2000 * 500 }, () => Math.floor(r() * 101)), capacity: new Array(500).fill(4), spread: 3 };
  for (let k = 0; k < 4; k++) { const t0 = performance.now(); solveAssignment(p, () => {}); console.log('solve', performance.now() - t0); }
});
