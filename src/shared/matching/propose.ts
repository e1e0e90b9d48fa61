import { DEFAULT_WEIGHTS, type MatchingWeights, type Objective } from '../model/mentoring';
import { solveAssignment } from './assign';
import { scorePair, type MenteeInput, type MentorInput, type Reason } from './score';

export interface FixedPair {
  menteeId: string;
  mentorId: string;
}

export interface ProposedPair {
  menteeId: string;
  mentorId: string;
  score: number;
  reasons: Reason[];
  /** Kept as the coordinator fixed it. */
  fixed: boolean;
}

export interface Proposal {
  pairs: ProposedPair[];
  /** Mentees (person ids) left without a mentor. */
  unmatched: string[];
  totalScore: number;
  objective: Objective;
}

export interface ProposeOptions {
  weights?: MatchingWeights;
  objective?: Objective;
  fixed?: readonly FixedPair[];
  onProgress?: (done: number, total: number) => void;
}

/**
 * "Match all": an optimal proposal for every mentee given, respecting every hard rule and every
 * capacity, keeping the fixed pairs. Pure: the caller saves what the coordinator accepts.
 */
export function proposeMatches(mentees: readonly MenteeInput[], mentors: readonly MentorInput[], opts: ProposeOptions = {}): Proposal {
  const weights = opts.weights ?? DEFAULT_WEIGHTS;
  const objective = opts.objective ?? 'score';
  const fixed = (opts.fixed ?? []).filter((f) => mentees.some((x) => x.id === f.menteeId) && mentors.some((x) => x.id === f.mentorId));
  const fixedMentees = new Set(fixed.map((f) => f.menteeId));
  const extraLoad = new Map<string, number>();
  for (const f of fixed) extraLoad.set(f.mentorId, (extraLoad.get(f.mentorId) ?? 0) + 1);

  const free = mentees.filter((x) => !fixedMentees.has(x.id));
  const n = free.length;
  const m = mentors.length;
  const w = new Float64Array(n * m);
  const details = new Map<number, ReturnType<typeof scorePair>>();
  free.forEach((mentee, i) =>
    mentors.forEach((mentor, j) => {
      const s = scorePair(mentor, mentee, weights);
      w[i * m + j] = s.eligible ? s.score : -Infinity;
      details.set(i * m + j, s);
    }),
  );
  const load = mentors.map((x) => x.load + (extraLoad.get(x.id) ?? 0));
  const capacity = mentors.map((x, j) => Math.max(0, x.capacity - load[j]!));
  const assignment = solveAssignment({ n, m, w, capacity, load, spread: weights.spread, objective }, opts.onProgress);

  const pairs: ProposedPair[] = fixed.map((f) => {
    const s = scorePair(
      mentors.find((x) => x.id === f.mentorId)!,
      mentees.find((x) => x.id === f.menteeId)!,
      weights,
    );
    return { ...f, score: s.score, reasons: s.reasons, fixed: true };
  });
  const unmatched: string[] = [];
  free.forEach((mentee, i) => {
    const j = assignment[i]!;
    if (j < 0) {
      unmatched.push(mentee.id);
      return;
    }
    const s = details.get(i * m + j)!;
    pairs.push({ menteeId: mentee.id, mentorId: mentors[j]!.id, score: s.score, reasons: s.reasons, fixed: false });
  });
  pairs.sort((a, b) => b.score - a.score);
  return { pairs, unmatched, totalScore: pairs.reduce((sum, x) => sum + x.score, 0), objective };
}
