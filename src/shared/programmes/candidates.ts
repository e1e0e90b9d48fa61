import type { PROGRAMME_KINDS, Person, TARGET_GROUPS } from '../model';

type TargetGroup = (typeof TARGET_GROUPS)[number];
type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/**
 * Who may be enrolled, by kind: a mentor (anyone with a mentor record), else a professional, else
 * a participant (a beneficiary). One kind per person, so the three filters split the registry.
 */
export const CANDIDATE_KINDS = ['participant', 'mentor', 'professional'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export interface CandidateFilter {
  kind?: CandidateKind;
  targetGroup?: TargetGroup;
}

type Candidate = Pick<Person, 'id' | 'kind'> & { targetGroups?: readonly TargetGroup[] };

export function candidateKind(person: Candidate, mentorPersonIds: ReadonlySet<string>): CandidateKind {
  if (mentorPersonIds.has(person.id)) return 'mentor';
  return person.kind === 'professional' ? 'professional' : 'participant';
}

export function matchesCandidateFilter(person: Candidate, filter: CandidateFilter, mentorPersonIds: ReadonlySet<string>): boolean {
  if (filter.kind && candidateKind(person, mentorPersonIds) !== filter.kind) return false;
  return !filter.targetGroup || (person.targetGroups ?? []).includes(filter.targetGroup);
}

/** A BADGE cycle is for the women it trains: its enrolment starts with participants only. */
export function defaultCandidateFilter(programmeKind: ProgrammeKind): CandidateFilter {
  return programmeKind === 'badge' ? { kind: 'participant' } : {};
}
