import type { Closure, LegalForm, Match, MatchStatus, Outcome } from '../model';
import { isBusinessOutcome } from '../people/outcomes';

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

/**
 * The participant's outcome record a closure implies, if any. Only an outcome the coordinator
 * chose writes one (continuing, dropped out, none or no choice write nothing); a business of her
 * own carries the legal form and jobs she entered, as fields.
 */
export function outcomeFromClosure(closure: Closure): Pick<Outcome, 'kind' | 'legalForm' | 'jobsCreated'> | undefined {
  switch (closure.outcome) {
    case 'businessRegistered':
    case 'selfEmployed':
      return withoutUndefined({ kind: closure.outcome, legalForm: closure.legalForm, jobsCreated: closure.jobsCreated });
    case 'employed':
    case 'education':
      return { kind: closure.outcome };
    default:
      return undefined;
  }
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** What the coordinator chose in the close dialog; null is "not chosen". */
export interface CloseChoices {
  reason: Closure['reason'] | null;
  rating: number | null;
  outcome: NonNullable<Closure['outcome']> | null;
  legalForm: LegalForm | null;
  jobsCreated: number | null;
}

/** The close dialog opens with nothing chosen: no outcome, rating or job count is assumed. */
export const NO_CLOSE_CHOICES: Readonly<CloseChoices> = Object.freeze({ reason: null, rating: null, outcome: null, legalForm: null, jobsCreated: null });

/**
 * The closure the choices make, with only what was chosen (a legal form and jobs only for a
 * business of her own); undefined while no reason is chosen, the one thing closing needs.
 */
export function closureFromChoices(c: CloseChoices): Closure | undefined {
  if (!c.reason) return undefined;
  const business = isBusinessOutcome(c.outcome ?? undefined);
  return withoutUndefined({
    reason: c.reason,
    rating: c.rating && c.rating >= 1 ? c.rating : undefined,
    outcome: c.outcome ?? undefined,
    legalForm: business ? (c.legalForm ?? undefined) : undefined,
    jobsCreated: business ? (c.jobsCreated ?? undefined) : undefined,
  });
}
