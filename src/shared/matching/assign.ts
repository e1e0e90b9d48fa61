import type { Objective } from '../model/mentoring';
import { solveSlots } from './lap';

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
 * Exact optimum: shortest augmenting paths with prices (Jonker–Volgenant row reduction, then rounds
 * of one multi-source Dijkstra plus a search for every tight path) on the mentors' capacity slots
 * plus a private "unmatched" column per mentee, scanning per mentor, not per slot (see `./lap`).
 * Reports progress (done out of n, never backwards). Returns the mentor index of each mentee, or -1.
 */
export function solveAssignment(p: AssignmentProblem, onProgress?: (done: number, total: number) => void): Int32Array {
  const { n, m, w } = p;
  const spread = p.spread ?? 0;
  const big = p.objective === 'count' ? bigFor(p) : 0;
  // Only mentors with a free place take part.
  const mentors: number[] = [];
  for (let j = 0; j < m; j++) if (p.capacity[j]! > 0) mentors.push(j);
  const mm = mentors.length;
  const capacity = new Int32Array(mm);
  let slots = 0;
  for (let a = 0; a < mm; a++) slots += capacity[a] = p.capacity[mentors[a]!]!;
  const penalty = new Float64Array(slots);
  for (let a = 0, s = 0; a < mm; a++) {
    const start = p.load?.[mentors[a]!] ?? 0;
    for (let k = 0; k < capacity[a]!; k++) penalty[s++] = spread * (start + k);
  }
  // Cost = -(bonus + score); a forbidden pair (-Infinity) costs +Infinity and is never taken.
  const cost = mm === m ? toCost(w, big) : toCost(pickColumns(w, n, m, Int32Array.from(mentors)), big);
  const solved = solveSlots({ n, m: mm, cost, capacity, penalty }, onProgress);
  const result = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = solved[i]!;
    // A forbidden pair is no pair (it never is chosen; this is belt and braces).
    result[i] = a >= 0 && Number.isFinite(w[i * m + mentors[a]!]!) ? mentors[a]! : -1;
  }
  return result;
}

/** Costs to minimise: -(bonus + score); a forbidden pair (-Infinity, or NaN) costs +Infinity. */
function toCost(w: Float64Array, big: number): Float64Array {
  const cost = new Float64Array(w.length);
  for (let k = 0; k < w.length; k++) {
    const s = w[k]!;
    cost[k] = s > -Infinity ? -(big + s) : Infinity;
  }
  return cost;
}

/** The columns `cols` of an n × m row-major matrix. */
function pickColumns(w: Float64Array, n: number, m: number, cols: Int32Array): Float64Array {
  const out = new Float64Array(n * cols.length);
  for (let i = 0, k = 0; i < n; i++) for (let a = 0; a < cols.length; a++) out[k++] = w[i * m + cols[a]!]!;
  return out;
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
