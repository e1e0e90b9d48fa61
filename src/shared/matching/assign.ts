import type { Objective } from '../model/mentoring';

/**
 * The assignment problem behind "match all", in plain arrays so it runs in a worker, in Node and
 * in the benchmark alike.
 *
 * n mentees, m mentors; `w[i * m + j]` is the score of mentee i with mentor j, or -Infinity where a
 * hard rule forbids the pair. Mentor j takes at most `capacity[j]` more mentees; the k-th extra one
 * (counting from `load[j]` already with the mentor) costs a load-spreading penalty of
 * `spread * (load[j] + k)`: the marginal value of another mentee for a busy mentor falls, so the
 * optimum fills quiet mentors first when it costs little score.
 *
 * Objective "score": maximise the sum of (score - penalty) over the chosen pairs; a mentee stays
 * unmatched when no pair is worth it. Objective "count": maximise the number of matched mentees
 * first, then the same sum.
 */
export interface AssignmentProblem {
  n: number;
  m: number;
  w: Float64Array;
  capacity: ArrayLike<number>;
  load?: ArrayLike<number>;
  spread?: number;
  objective?: Objective;
}

/**
 * Exact optimum by the Hungarian method with potentials (shortest augmenting paths, one mentee at
 * a time) on the mentors' capacity slots plus one always-free "unmatched" column. O(n · slots) per
 * mentee in the common case, O(n² · slots) in the worst. Returns the mentor index of each mentee, or -1.
 */
export function solveAssignment(p: AssignmentProblem, onProgress?: (done: number, total: number) => void): Int32Array {
  const { n, m, w } = p;
  const spread = p.spread ?? 0;
  const big = p.objective === 'count' ? bigFor(p) : 0;
  // Columns 1..S are slots, column S + 1 is "unmatched" (never full, so never traversed).
  const slotMentor: number[] = [];
  const slotPenalty: number[] = [];
  for (let j = 0; j < m; j++) {
    const start = p.load?.[j] ?? 0;
    for (let k = 0; k < p.capacity[j]!; k++) {
      slotMentor.push(j);
      slotPenalty.push(spread * (start + k));
    }
  }
  const S = slotMentor.length;
  const NONE = S + 1;
  const C = S + 2;
  const colMentor = Int32Array.from([-1, ...slotMentor, -1]);
  const colPenalty = Float64Array.from([0, ...slotPenalty, 0]);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(C);
  const owner = new Int32Array(C); // row (1-based) in each column, 0 = free
  const way = new Int32Array(C);
  const minv = new Float64Array(C);
  const used = new Uint8Array(C);
  const result = new Int32Array(n).fill(-1);
  const step = Math.max(1, Math.floor(n / 50));

  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = owner[j0]!;
      const base = (i0 - 1) * m;
      const ui = u[i0]!;
      let delta = Infinity;
      let j1 = NONE;
      for (let j = 1; j < C; j++) {
        if (used[j]) continue;
        const mj = colMentor[j]!;
        const cost = mj < 0 ? 0 : -(big + w[base + mj]!) + colPenalty[j]!;
        const cur = cost - ui - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        // Ties go to the free "unmatched" column last, to real slots first (fewer moves later).
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j < C; j++) {
        if (used[j]) {
          u[owner[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (j0 !== NONE && owner[j0] !== 0);
    do {
      const j1 = way[j0]!;
      owner[j0] = owner[j1]!;
      j0 = j1;
    } while (j0 !== 0);
    owner[NONE] = 0;
    if (onProgress && (i % step === 0 || i === n)) onProgress(i, n);
  }
  for (let j = 1; j <= S; j++) if (owner[j]! > 0) result[owner[j]! - 1] = colMentor[j]!;
  // A pair worth nothing (or forbidden) is no pair.
  for (let i = 0; i < n; i++) {
    const j = result[i]!;
    if (j >= 0 && !Number.isFinite(w[i * m + j]!)) result[i] = -1;
  }
  return result;
}

/** A bonus per matched mentee larger than any difference in total score, so count comes first. */
function bigFor(p: AssignmentProblem): number {
  let max = 0;
  for (let k = 0; k < p.w.length; k++) if (Number.isFinite(p.w[k]!) && Math.abs(p.w[k]!) > max) max = Math.abs(p.w[k]!);
  let slots = 0;
  let load = 0;
  for (let j = 0; j < p.m; j++) {
    slots += p.capacity[j]!;
    load = Math.max(load, (p.load?.[j] ?? 0) + p.capacity[j]!);
  }
  return 2 * (max + (p.spread ?? 0) * load) * Math.max(1, Math.min(p.n, slots)) + 1;
}

/** The sum of scores minus load penalties of an assignment, and how many are matched. */
export function evaluate(p: AssignmentProblem, assignment: ArrayLike<number>): { value: number; score: number; matched: number; feasible: boolean } {
  const used = new Array<number>(p.m).fill(0);
  let value = 0;
  let score = 0;
  let matched = 0;
  let feasible = true;
  for (let i = 0; i < p.n; i++) {
    const j = assignment[i]!;
    if (j < 0) continue;
    const s = p.w[i * p.m + j]!;
    if (!Number.isFinite(s)) feasible = false;
    value += s - (p.spread ?? 0) * ((p.load?.[j] ?? 0) + used[j]!);
    score += s;
    used[j]!++;
    matched++;
  }
  for (let j = 0; j < p.m; j++) if (used[j]! > p.capacity[j]!) feasible = false;
  return { value, score, matched, feasible };
}

/**
 * The obvious way, for comparison only: each mentee in turn takes the best mentor who still has a
 * place. It is fast and often wrong: mentee 1 takes the mentor mentee 2 needed more.
 */
export function greedyAssignment(p: AssignmentProblem): Int32Array {
  const left = Array.from({ length: p.m }, (_, j) => p.capacity[j]!);
  const taken = new Array<number>(p.m).fill(0);
  const result = new Int32Array(p.n).fill(-1);
  for (let i = 0; i < p.n; i++) {
    let best = -1;
    let bestValue = 0;
    for (let j = 0; j < p.m; j++) {
      if (left[j]! <= 0) continue;
      const value = p.w[i * p.m + j]! - (p.spread ?? 0) * ((p.load?.[j] ?? 0) + taken[j]!);
      if (value > bestValue || (p.objective === 'count' && best < 0 && Number.isFinite(value))) {
        best = j;
        bestValue = value;
      }
    }
    if (best >= 0) {
      result[i] = best;
      left[best]!--;
      taken[best]!++;
    }
  }
  return result;
}
