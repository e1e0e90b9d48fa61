import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, greedyAssignment, solveAssignment, type AssignmentProblem } from '@shared/matching';

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

  it('reports progress up to the last mentee', () => {
    const calls: number[] = [];
    solveAssignment({ n: 120, m: 10, w: Float64Array.from({ length: 1200 }, (_, k) => (k * 37) % 50), capacity: new Array(10).fill(12) }, (done) => calls.push(done));
    expect(calls.at(-1)).toBe(120);
    expect(calls.length).toBeGreaterThan(10);
  });
});
