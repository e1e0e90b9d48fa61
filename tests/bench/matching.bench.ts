/**
 * "Match all" at scale: 2,000 mentees × 500 mentors of capacity 4, on realistic scores (from the
 * real scoring with hard rules) and on random ones. Prints time and total score for our exact
 * solver, greedy, and the `munkres` npm package on the same instance in the same run, with our time
 * as a multiple of munkres' (below 1× is the target) and the objective as a share of the optimum.
 * At full size each solver runs once, cold (as in a fresh worker); munkres' time excludes building
 * its matrix.
 * Not part of `npm test` (vitest includes only *.test.ts). Run:
 *   npx vitest bench --run tests/bench/matching.bench.ts
 * `npm run bench` runs it with BENCH_SIZE=default (a tenth: 200 × 50) or full, and BENCH_OUT=<file>
 * to collect the figures as JSON for its table.
 */
import { appendFileSync } from 'node:fs';
import munkres from 'munkres';
import { describe } from 'vitest';
import { EXPERTISE_AREAS } from '@shared/model';
import { evaluate, greedyAssignment, scorePair, solveAssignment, type AssignmentProblem, type MenteeInput, type MentorInput } from '@shared/matching';
import { mulberry32 } from '@shared/random/mulberry32';

const rng = mulberry32;

const SMALL = process.env.BENCH_SIZE === 'default';
const N = SMALL ? 200 : 2000;
const M = SMALL ? 50 : 500;
const CAP = 4;
const SPREAD = 3;

function realistic(seed: number): AssignmentProblem {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[], k: number) => [...new Set(Array.from({ length: k }, () => pick(xs)))];
  const towns = Array.from({ length: 40 }, (_, i) => `town${i}`);
  const region = (t: string) => `region${Number(t.slice(4)) % 8}`;
  const sectors = ['trade', 'crafts', 'tourism', 'agriculture', 'it', 'care', 'food', 'textiles'];
  const langs = () => (r() < 0.08 ? ['hu', 'hr'] : r() < 0.1 ? ['sl', 'hr'] : r() < 0.05 ? ['rom', 'hr'] : ['hr']);
  const mentors: MentorInput[] = Array.from({ length: M }, (_, j) => {
    const town = pick(towns);
    return {
      id: `m${j}`,
      personId: `pm${j}`,
      gender: r() < 0.7 ? 'woman' : 'man',
      municipality: town,
      region: region(town),
      expertise: some(EXPERTISE_AREAS, 1 + Math.floor(r() * 3)),
      sectors: some(sectors, 1 + Math.floor(r() * 2)),
      languages: r() < 0.3 ? [...langs(), 'en'] : langs(),
      remote: r() < 0.6,
      capacity: CAP,
      load: 0,
      active: r() > 0.03,
    };
  });
  const mentees: MenteeInput[] = Array.from({ length: N }, (_, i) => {
    const town = pick(towns);
    return {
      id: `p${i}`,
      municipality: town,
      region: region(town),
      sector: pick(sectors),
      needs: some(EXPERTISE_AREAS, 1 + Math.floor(r() * 4)),
      languages: langs(),
      remote: r() < 0.5,
      mentorGender: r() < 0.15 ? 'woman' : 'any',
      avoidPersonIds: r() < 0.1 ? [`pm${Math.floor(r() * M)}`] : [],
    };
  });
  const w = new Float64Array(N * M);
  mentees.forEach((e, i) =>
    mentors.forEach((m, j) => {
      const s = scorePair(m, e);
      w[i * M + j] = s.eligible ? s.score : -Infinity;
    }),
  );
  return { n: N, m: M, w, capacity: new Array(M).fill(CAP), spread: SPREAD };
}

function random(seed: number): AssignmentProblem {
  const r = rng(seed);
  return { n: N, m: M, w: Float64Array.from({ length: N * M }, () => Math.floor(r() * 101)), capacity: new Array(M).fill(CAP), spread: SPREAD };
}

function viaMunkres(p: AssignmentProblem): { ms: number; assignment: Int32Array } {
  // Rows: mentees; columns: capacity slots; utility clipped at 0 (a 0 is "nobody"), so the
  // square optimum equals the optional-assignment optimum.
  const slots: Array<{ j: number; pen: number }> = [];
  for (let j = 0; j < p.m; j++) for (let k = 0; k < p.capacity[j]!; k++) slots.push({ j, pen: (p.spread ?? 0) * k });
  const cost = Array.from({ length: p.n }, (_, i) =>
    slots.map(({ j, pen }) => -Math.max(0, (Number.isFinite(p.w[i * p.m + j]!) ? p.w[i * p.m + j]! : 0) - pen)),
  );
  const t0 = performance.now();
  const pairs = munkres(cost);
  const ms = performance.now() - t0;
  const assignment = new Int32Array(p.n).fill(-1);
  for (const [y, x] of pairs) if (cost[y]![x]! < 0) assignment[y] = slots[x]!.j;
  return { ms, assignment };
}

/** Small instances run in a few ms, so there they are timed REPEAT times and the fastest kept. */
const REPEAT = SMALL ? 5 : 1;
function fastest<T>(f: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let k = 0; k < REPEAT; k++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

function row(name: string, p: AssignmentProblem) {
  const out: Record<string, string | number>[] = [];
  let progressCalls = 0;
  const solved = fastest(() => solveAssignment(p, () => progressCalls++));
  const ours = solved.value;
  const oursMs = solved.ms;
  const g = fastest(() => greedyAssignment(p));
  const greedy = g.value;
  const greedyMs = g.ms;
  let mk = viaMunkres(p);
  for (let k = 1; k < REPEAT; k++) {
    const again = viaMunkres(p);
    if (again.ms < mk.ms) mk = again;
  }
  const e = { ours: evaluate(p, ours), greedy: evaluate(p, greedy), munkres: evaluate(p, mk.assignment) };
  const add = (method: string, ms: number, ev: ReturnType<typeof evaluate>) =>
    out.push({
      instance: name,
      method,
      ms: Math.round(ms),
      'time vs munkres': `${(ms / mk.ms).toFixed(2)}×`,
      objective: ev.value,
      score: ev.score,
      matched: ev.matched,
      feasible: String(ev.feasible),
      'vs optimum': `${((100 * ev.value) / e.ours.value).toFixed(2)}%`,
    });
  add('mreza (JV rounds, per-mentor slots)', oursMs, e.ours);
  add('greedy', greedyMs, e.greedy);
  add('munkres npm', mk.ms, e.munkres);
  console.table(out);
  const same = Math.abs(e.ours.value - e.munkres.value) < 1e-6;
  console.log(
    `${name}: ${same ? 'same optimum as munkres' : 'DIFFERENT OBJECTIVE FROM MUNKRES'}; ${oursMs <= mk.ms ? 'faster' : 'SLOWER'} than munkres (${Math.round(oursMs)} vs ${Math.round(mk.ms)} ms); progress reported ${progressCalls} times`,
  );
  if (process.env.BENCH_OUT) {
    const result = {
      instance: name,
      n: N,
      m: M,
      capacity: CAP,
      ours: { ms: oursMs, ...e.ours },
      greedy: { ms: greedyMs, ...e.greedy },
      munkres: { ms: mk.ms, ...e.munkres },
    };
    appendFileSync(process.env.BENCH_OUT, `${JSON.stringify(result)}\n`);
  }
}

// Runs while vitest collects the file (vitest 5 has no bench() here); the tables are the output.
describe(`match all, ${N} mentees × ${M} mentors of capacity ${CAP}`, () => {
  row('realistic', realistic(1));
  row('random', random(2));
});
