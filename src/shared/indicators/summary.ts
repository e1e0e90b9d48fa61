import type { Match, MentoringSession, Outcome, Person } from '../model';

export interface Summary {
  beneficiaries: number;
  professionals: number;
  women: number;
  /** Women among all people reached, 0..1; null when nobody has been reached yet. */
  womenShare: number | null;
  activeMatches: number;
  mentoringSessions: number;
  mentoringHours: number;
  outcomes: number;
}

/** The headline figures a coordinator checks first; the full indicator set builds on the same arrays. */
export function summarise(people: readonly Person[], matches: readonly Match[], sessions: readonly MentoringSession[], outcomes: readonly Outcome[]): Summary {
  const beneficiaries = people.filter((p) => p.kind === 'beneficiary').length;
  const women = people.filter((p) => p.gender === 'woman').length;
  return {
    beneficiaries,
    professionals: people.length - beneficiaries,
    women,
    womenShare: people.length ? women / people.length : null,
    activeMatches: matches.filter((m) => m.status === 'active').length,
    mentoringSessions: sessions.length,
    mentoringHours: Math.round((sessions.reduce((sum, s) => sum + s.minutes, 0) / 60) * 10) / 10,
    outcomes: outcomes.length,
  };
}
