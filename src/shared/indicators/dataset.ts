import type {
  Attendance,
  Certificate,
  Enrolment,
  EventSession,
  Match,
  MentoringSession,
  Organisation,
  Outcome,
  Person,
  Programme,
  ProgrammeEvent,
  Referral,
} from '../model';

export const AGE_BANDS = ['under15', '15-24', '25-34', '35-44', '45-54', '55-64', '65plus', 'unknown'] as const;

/**
 * Everything the indicators are computed from, as plain arrays: a partner's own tables, or at
 * the lead the consolidated tables of all partners. Records only need the fields used here, so
 * pseudonymised bundle rows (no names) work as well as full records.
 */
export interface Dataset {
  /** `ageBand`: pseudonymised rows at the lead carry the band on the partner's export day instead of `birthYear`. */
  people: Array<
    Pick<Person, 'id' | 'orgId' | 'kind' | 'gender' | 'birthYear' | 'municipality' | 'country' | 'targetGroups'> & { ageBand?: (typeof AGE_BANDS)[number] }
  >;
  programmes: Pick<Programme, 'id' | 'orgId' | 'kind'>[];
  events: Pick<ProgrammeEvent, 'id' | 'orgId' | 'programmeId'>[];
  sessions: Pick<EventSession, 'id' | 'orgId' | 'eventId' | 'date' | 'country'>[];
  enrolments: Pick<Enrolment, 'id' | 'orgId' | 'eventId' | 'personId' | 'status'>[];
  attendance: Pick<Attendance, 'id' | 'orgId' | 'sessionId' | 'personId' | 'status'>[];
  certificates: Pick<Certificate, 'id' | 'orgId' | 'eventId' | 'personId' | 'issuedOn'>[];
  matches: Pick<Match, 'id' | 'orgId' | 'mentorId' | 'menteeId' | 'status' | 'startedOn' | 'closedOn'>[];
  mentoringSessions: Pick<MentoringSession, 'id' | 'orgId' | 'matchId' | 'date' | 'status' | 'minutes' | 'services'>[];
  outcomes: Array<Pick<Outcome, 'id' | 'orgId' | 'personId' | 'kind' | 'date'> & Partial<Pick<Outcome, 'employerId'>>>;
  organisations: Array<Pick<Organisation, 'id' | 'orgId' | 'kind' | 'supportedOn' | 'country' | 'isSelf'> & Partial<Pick<Organisation, 'jobsCreated'>>>;
  /**
   * Referrals to institutions (#21). Absent where the records do not come with them (a partner's
   * bundle, the consolidation): then there are no referral figures at all, rather than false zeros.
   */
  referrals?: Array<Pick<Referral, 'id' | 'orgId' | 'personId' | 'kind' | 'date' | 'history'>>;
}

export interface IndicatorFilter {
  /** Inclusive calendar days (yyyy-MM-dd); absent means "project to date". */
  from?: string;
  to?: string;
  programmeId?: string;
  /** The partner organisation whose records count (at the lead). */
  orgId?: string;
  /** The country of the partner organisation (at the lead). */
  country?: string;
  /**
   * The key that makes a person unique. Locally the record id; at the lead the pseudonymous key
   * the partners' bundles carry, so a woman served by two partners counts once.
   */
  personKey?: (personId: string) => string;
}

export function inPeriod(date: string | undefined, f: Pick<IndicatorFilter, 'from' | 'to'>): boolean {
  if (!date) return false;
  const day = date.length > 10 ? date.slice(0, 10) : date;
  return (!f.from || day >= f.from) && (!f.to || day <= f.to);
}

export const EMPTY_DATASET: Dataset = {
  people: [],
  programmes: [],
  events: [],
  sessions: [],
  enrolments: [],
  attendance: [],
  certificates: [],
  matches: [],
  mentoringSessions: [],
  outcomes: [],
  organisations: [],
};
