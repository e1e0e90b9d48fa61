import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, greedyAssignment, solveAssignment, type AssignmentProblem } from '@shared/matching';
import { mulberry32 } from '@shared/random/mulberry32';

/** A small seeded generator (mulberry32) for instances bigger than fast-check should shrink. */
const rng = mulberry32;

/**
 * The independent exact method: try every way to give each mentee a mentor or nobody within the
 * capacities and keep the best by the objective. Exponential, fine for tiny instances.
 */
function bruteForce(p: AssignmentProblem): { value: number; matched: number } {
  let best = { value: -Infinity, matched: -1 };
  const current = new Int32Array(p.n).fill(-1);
  const left = Array.from({ length: p.m }, (_, j) => p.capacity[j]!);
  const better = (a: { value: number; matched: number }, b: { value: number; matched: number }) =>
    p.objective === 'count' ? a.matched > b.matched || (a.matched === b.matched && a.value > b.value + 1e-9) : a.value > b.value + 1e-9;
  const walk = (i: number) => {
    if (i === p.n) {
      const e = evaluate(p, current);
      if (e.feasible && better(e, best)) best = { value: e.value, matched: e.matched };
      return;
    }
    current[i] = -1;
    walk(i + 1);
    for (let j = 0; j < p.m; j++) {
      if (left[j]! <= 0 || !Number.isFinite(p.w[i * p.m + j]!)) continue;
      left[j]!--;
      current[i] = j;
      walk(i + 1);
      left[j]!++;
      current[i] = -1;
    }
  };
  walk(0);
  return best;
}

/**
 * A second exact method for instances too big to brute-force: the textbook Hungarian method (e-maxx
 * form, O(n² · slots)) on the fully expanded matrix, one column per capacity slot plus a shared
 * "unmatched" column. This was the solver before the per-mentor JV one; kept here as the reference.
 */
function referenceHungarian(p: AssignmentProblem): Int32Array {
  const { n, m, w } = p;
  const spread = p.spread ?? 0;
  let big = 0;
  if (p.objective === 'count') {
    let max = 0;
    for (const x of w) if (Number.isFinite(x) && Math.abs(x) > max) max = Math.abs(x);
    let slots = 0;
    let load = 0;
    for (let j = 0; j < m; j++) {
      slots += p.capacity[j]!;
      load = Math.max(load, (p.load?.[j] ?? 0) + p.capacity[j]!);
    }
    big = 2 * (max + spread * load) * Math.max(1, Math.min(n, slots)) + 1;
  }
  const colMentor = [-1];
  const colPenalty = [0];
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < p.capacity[j]!; k++) {
      colMentor.push(j);
      colPenalty.push(spread * ((p.load?.[j] ?? 0) + k));
    }
  }
  const NONE = colMentor.length;
  colMentor.push(-1);
  colPenalty.push(0);
  const C = NONE + 1;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(C);
  const owner = new Int32Array(C);
  const way = new Int32Array(C);
  const minv = new Float64Array(C);
  const used = new Uint8Array(C);
  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = owner[j0]!;
      let delta = Infinity;
      let j1 = NONE;
      for (let j = 1; j < C; j++) {
        if (used[j]) continue;
        const mj = colMentor[j]!;
        const cur = (mj < 0 ? 0 : -(big + w[(i0 - 1) * m + mj]!) + colPenalty[j]!) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j < C; j++) {
        if (used[j]) {
          u[owner[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (j0 !== NONE && owner[j0] !== 0);
    do {
      const j1 = way[j0]!;
      owner[j0] = owner[j1]!;
      j0 = j1;
    } while (j0 !== 0);
    owner[NONE] = 0;
  }
  const result = new Int32Array(n).fill(-1);
  for (let j = 1; j < NONE; j++) if (owner[j]! > 0 && Number.isFinite(w[(owner[j]! - 1) * m + colMentor[j]!]!)) result[owner[j]! - 1] = colMentor[j]!;
  return result;
}

const instance = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    m: fc.integer({ min: 1, max: 3 }),
    spread: fc.integer({ min: 0, max: 6 }),
    objective: fc.constantFrom('score' as const, 'count' as const),
    seed: fc.array(fc.integer({ min: -1, max: 40 }), { minLength: 18, maxLength: 18 }),
    caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    loads: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ n, m, spread, objective, seed, caps, loads }): AssignmentProblem => ({
    n,
    m,
    spread,
    objective,
    // -1 stands for a pair a hard rule forbids.
    w: Float64Array.from({ length: n * m }, (_, k) => (seed[k]! < 0 ? -Infinity : seed[k]!)),
    capacity: caps.slice(0, m),
    load: loads.slice(0, m),
  }));

describe('optimal assignment', () => {
  it('equals the brute-force optimum on small random instances (both objectives, with load spreading)', () => {
    fc.assert(
      fc.property(instance, (p) => {
        const mine = evaluate(p, solveAssignment(p));
        const exact = bruteForce(p);
        expect(mine.feasible).toBe(true);
        if (p.objective === 'count') expect(mine.matched).toBe(exact.matched);
        expect(mine.value).toBeCloseTo(exact.value, 6);
      }),
      { numRuns: 600, seed: 20260501 },
    );
  });

  it('never breaks a capacity or uses a forbidden pair', () => {
    fc.assert(
      fc.property(instance, (p) => {
        const a = solveAssignment(p);
        const used = new Array<number>(p.m).fill(0);
        a.forEach((j, i) => {
          if (j < 0) return;
          expect(Number.isFinite(p.w[i * p.m + j]!)).toBe(true);
          used[j]!++;
        });
        used.forEach((u, j) => expect(u).toBeLessThanOrEqual(p.capacity[j]!));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('beats greedy where greedy gives mentee 1 the mentor mentee 2 needed more', () => {
    // Mentee 1 likes A (10) a bit more than B (9); mentee 2 can only have A (8).
    const p: AssignmentProblem = { n: 2, m: 2, w: Float64Array.from([10, 9, 8, -Infinity]), capacity: [1, 1] };
    const greedy = evaluate(p, greedyAssignment(p));
    const optimal = evaluate(p, solveAssignment(p));
    expect(greedy).toMatchObject({ score: 10, matched: 1 });
    expect(optimal).toMatchObject({ score: 17, matched: 2 });
  });

  it('"most people matched" matches more people than "best total score" when they disagree', () => {
    // Mentee 1 is a great fit for A (50) and a poor one for B (1); mentee 2 only fits A (45)... and B is paused for her.
    // Best total: 1→A and 2 unmatched is 50; 1→B, 2→A is 46: score mode keeps 50, count mode matches both.
    const p = (objective: 'score' | 'count'): AssignmentProblem => ({ n: 2, m: 2, w: Float64Array.from([50, 1, 45, -Infinity]), capacity: [1, 1], objective });
    const byScore = evaluate(p('score'), solveAssignment(p('score')));
    const byCount = evaluate(p('count'), solveAssignment(p('count')));
    expect(byScore).toMatchObject({ score: 50, matched: 1 });
    expect(byCount).toMatchObject({ score: 46, matched: 2 });
  });

  it('spreads load: with a penalty the second mentee goes to a quiet mentor of almost the same score', () => {
    const p = (spread: number): AssignmentProblem => ({ n: 2, m: 2, w: Float64Array.from([30, 28, 30, 28]), capacity: [2, 2], spread });
    expect([...solveAssignment(p(0))].filter((j) => j === 0).length).toBeGreaterThanOrEqual(1);
    const spreadOut = solveAssignment(p(5));
    expect(new Set(spreadOut).size).toBe(2);
  });

  it('equals the reference Hungarian on medium instances: ties, forbidden pairs, loads, idle mentors, both shapes', () => {
    const medium = fc
      .record({
        n: fc.integer({ min: 0, max: 45 }),
        m: fc.integer({ min: 1, max: 12 }),
        spread: fc.integer({ min: 0, max: 6 }),
        objective: fc.constantFrom('score' as const, 'count' as const),
        // A narrow score range makes ties everywhere; a wide one makes them rare.
        range: fc.constantFrom(1, 3, 10, 100),
        forbid: fc.constantFrom(0, 0.2, 0.6, 0.95),
        maxCap: fc.constantFrom(1, 2, 5, 12),
        seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      })
      .map(({ n, m, spread, objective, range, forbid, maxCap, seed }): AssignmentProblem => {
        const r = rng(seed);
        return {
          n,
          m,
          spread,
          objective,
          w: Float64Array.from({ length: n * m }, () => (r() < forbid ? -Infinity : Math.floor(r() * (range + 1)))),
          capacity: Array.from({ length: m }, () => Math.floor(r() * (maxCap + 1))),
          load: Array.from({ length: m }, () => Math.floor(r() * 3)),
        };
      });
    fc.assert(
      fc.property(medium, (p) => {
        const mine = evaluate(p, solveAssignment(p));
        const ref = evaluate(p, referenceHungarian(p));
        expect(mine.feasible).toBe(true);
        if (p.objective === 'count') expect(mine.matched).toBe(ref.matched);
        expect(mine.value).toBeCloseTo(ref.value, 6);
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it('stays optimal with fractional scores (no exact ties to lean on)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom('score' as const, 'count' as const), (seed, objective) => {
        const r = rng(seed);
        const n = 1 + Math.floor(r() * 30);
        const m = 1 + Math.floor(r() * 8);
        const p: AssignmentProblem = {
          n,
          m,
          objective,
          spread: r() * 4,
          w: Float64Array.from({ length: n * m }, () => (r() < 0.15 ? -Infinity : r() * 10 - 1)),
          capacity: Array.from({ length: m }, () => Math.floor(r() * 5)),
          load: Array.from({ length: m }, () => Math.floor(r() * 2)),
        };
        const mine = evaluate(p, solveAssignment(p));
        const ref = evaluate(p, referenceHungarian(p));
        expect(mine.feasible).toBe(true);
        if (objective === 'count') expect(mine.matched).toBe(ref.matched);
        expect(mine.value).toBeCloseTo(ref.value, 6);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('handles the edge shapes: nobody, no places, a mentee with no allowed mentor, far more mentees than places and the reverse', () => {
    expect([...solveAssignment({ n: 0, m: 3, w: new Float64Array(0), capacity: [1, 2, 3] })]).toEqual([]);
    expect([...solveAssignment({ n: 2, m: 2, w: Float64Array.from([5, 6, 7, 8]), capacity: [0, 0] })]).toEqual([-1, -1]);
    // Mentee 1 may have nobody; the others still get the optimum.
    const blocked: AssignmentProblem = { n: 3, m: 2, w: Float64Array.from([9, 1, -Infinity, -Infinity, 8, 7]), capacity: [1, 1], objective: 'count' };
    expect([...solveAssignment(blocked)]).toEqual([0, -1, 1]);
    // 60 mentees, 2 places: the two best pairs win.
    const many: AssignmentProblem = { n: 60, m: 1, w: Float64Array.from({ length: 60 }, (_, i) => (i === 17 ? 90 : i === 42 ? 80 : i % 7)), capacity: [2] };
    const a = solveAssignment(many);
    expect([...a.keys()].filter((i) => a[i]! >= 0)).toEqual([17, 42]);
    // 2 mentees, 40 places: each gets her best mentor, the penalty keeps them apart when it must.
    const few: AssignmentProblem = {
      n: 2,
      m: 10,
      w: Float64Array.from({ length: 20 }, (_, k) => (k % 10 === 3 ? 50 : k % 10 === 4 ? 49 : 10)),
      capacity: new Array(10).fill(4),
      spread: 2,
    };
    expect([...solveAssignment(few)].sort()).toEqual([3, 4]);
  });

  it('with equal scores everywhere, matches as many as there are places and spreads them evenly', () => {
    const p: AssignmentProblem = { n: 40, m: 8, w: new Float64Array(320).fill(20), capacity: new Array(8).fill(6), spread: 1 };
    const a = solveAssignment(p);
    const per = new Array<number>(8).fill(0);
    a.forEach((j) => j >= 0 && per[j]!++);
    expect(per).toEqual(new Array(8).fill(5));
    expect(evaluate(p, a).value).toBeCloseTo(evaluate(p, referenceHungarian(p)).value, 9);
  });

  it('matches the reference on a larger instance with many ties (several rounds of augmenting paths)', () => {
    const r = rng(99);
    const n = 300;
    const m = 60;
    for (const objective of ['score', 'count'] as const) {
      const p: AssignmentProblem = {
        n,
        m,
        objective,
        spread: 3,
        w: Float64Array.from({ length: n * m }, () => (r() < 0.1 ? -Infinity : Math.floor(r() * 30))),
        capacity: new Array(m).fill(4),
      };
      const mine = evaluate(p, solveAssignment(p));
      const ref = evaluate(p, referenceHungarian(p));
      expect(mine.matched).toBe(ref.matched);
      expect(mine.value).toBe(ref.value);
    }
  });

  it('reports progress up to the last mentee', () => {
    const calls: number[] = [];
    solveAssignment({ n: 120, m: 10, w: Float64Array.from({ length: 1200 }, (_, k) => (k * 37) % 50), capacity: new Array(10).fill(12) }, (done) =>
      calls.push(done),
    );
    expect(calls.at(-1)).toBe(120);
    expect(calls.length).toBeGreaterThan(10);
    // Never backwards.
    expect(calls.every((x, k) => k === 0 || x >= calls[k - 1]!)).toBe(true);
  });
});
