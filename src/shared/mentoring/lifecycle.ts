import type { Closure, Match, MatchStatus, Outcome } from '../model';

/** Allowed moves of a match: proposed → active → paused ⇄ active → closed (a proposal can also be dropped, i.e. closed). */
export const TRANSITIONS: Record<MatchStatus, readonly MatchStatus[]> = {
  proposed: ['active', 'closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: [],
};

export function canTransition(from: MatchStatus, to: MatchStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class TransitionError extends Error {
  constructor(
    readonly from: MatchStatus,
    readonly to: MatchStatus,
  ) {
    super(`match cannot go from ${from} to ${to}`);
  }
}

type MatchChanges = Partial<Pick<Match, 'status' | 'startedOn' | 'pausedOn' | 'closedOn' | 'closure' | 'closeReason'>>;

/** The changes that move a match to `to` on `date` (yyyy-MM-dd); throws on a move the lifecycle forbids. */
export function transition(match: Pick<Match, 'status' | 'startedOn'>, to: MatchStatus, date: string, closure?: Closure): MatchChanges {
  if (!canTransition(match.status, to)) throw new TransitionError(match.status, to);
  switch (to) {
    case 'active':
      return { status: 'active', startedOn: match.startedOn ?? date, pausedOn: undefined };
    case 'paused':
      return { status: 'paused', pausedOn: date };
    case 'closed':
      if (match.status !== 'proposed' && !closure) throw new Error('closing a match needs a closure');
      return { status: 'closed', closedOn: date, closure };
    default:
      throw new TransitionError(match.status, to);
  }
}

/** Matches that hold one of the mentor's places. */
export const OCCUPIES_PLACE: readonly MatchStatus[] = ['active', 'paused'];

/** The participant's outcome record a closure implies, if any (dropped out, continuing or none write nothing). */
export function outcomeFromClosure(closure: Closure): { kind: Outcome['kind']; note?: string } | undefined {
  switch (closure.outcome) {
    case 'businessRegistered':
      return { kind: 'businessRegistered', note: [closure.legalForm, closure.jobsCreated ? `jobs:${closure.jobsCreated}` : undefined].filter(Boolean).join('; ') || undefined };
    case 'employed':
      return { kind: 'employed' };
    case 'selfEmployed':
      return { kind: 'selfEmployed', note: closure.jobsCreated ? `jobs:${closure.jobsCreated}` : undefined };
    case 'education':
      return { kind: 'education' };
    default:
      return undefined;
  }
}
