import type { TableName } from '../model';

/**
 * THE minimisation policy of mentor packs: what a volunteer mentor's Mreža receives about her
 * mentees. Every field of every table that travels has a rule; tests/unit/mentor-pack.test.ts
 * fails when the model gains a field this list does not classify. Unknown fields never travel.
 */
export type PackRule =
  /** Travels. */
  | 'keep'
  /** Stays with the coordinator. */
  | 'drop'
  /** Phone and e-mail: only while the person has a processing consent that is not withdrawn. */
  | 'contact';

const BASE = { id: 'keep', orgId: 'keep', createdAt: 'keep', updatedAt: 'keep' } as const satisfies Record<string, PackRule>;

export const PACK_POLICY = {
  // The mentor's own person row and her mentees': name, contact, municipality. Gender stays because
  // the person schema needs it (she meets them anyway); nothing about work, education, target
  // groups (GDPR art. 9) or notes.
  people: {
    ...BASE,
    kind: 'keep',
    firstName: 'keep',
    lastName: 'keep',
    gender: 'keep',
    birthYear: 'drop',
    municipality: 'keep',
    country: 'keep',
    phone: 'contact',
    email: 'contact',
    employmentStatus: 'drop',
    educationLevel: 'drop',
    institution: 'drop',
    institutionType: 'drop',
    jobTitle: 'drop',
    targetGroups: 'drop',
    notes: 'drop',
    nameKey: 'drop',
    anonymised: 'keep',
  },
  mentors: {
    ...BASE,
    personId: 'keep',
    expertise: 'keep',
    sectors: 'keep',
    languages: 'keep',
    region: 'keep',
    remote: 'keep',
    capacity: 'keep',
    availability: 'keep',
    active: 'keep',
  },
  // Goals are what the pair works on; the coordinator's checks, scores and closing notes stay home.
  matches: {
    ...BASE,
    mentorId: 'keep',
    menteeId: 'keep',
    status: 'keep',
    proposedOn: 'keep',
    startedOn: 'keep',
    pausedOn: 'keep',
    closedOn: 'drop',
    closeReason: 'drop',
    score: 'drop',
    goals: 'keep',
    checks: 'drop',
    closure: 'drop',
  },
  // Her needs, not the coordinator's notes, the mentor-gender preference or the conflict list (it names other people).
  menteeProfiles: {
    ...BASE,
    personId: 'keep',
    stage: 'keep',
    sector: 'keep',
    needs: 'keep',
    languages: 'keep',
    region: 'keep',
    remote: 'keep',
    mentorGender: 'drop',
    avoidPersonIds: 'drop',
    notes: 'drop',
  },
  // Earlier logs for continuity; the confidential note may be someone else's and stays home.
  mentoringSessions: {
    ...BASE,
    matchId: 'keep',
    date: 'keep',
    time: 'keep',
    status: 'keep',
    minutes: 'keep',
    mode: 'keep',
    services: 'keep',
    topics: 'keep',
    note: 'drop',
    nextSteps: 'keep',
    followUpOn: 'keep',
    followUpDone: 'keep',
  },
} as const satisfies Partial<Record<TableName, Record<string, PackRule>>>;

export type PackTable = keyof typeof PACK_POLICY;
export const PACK_TABLES = Object.keys(PACK_POLICY) as PackTable[];

export function packRule(table: PackTable, field: string): PackRule {
  return (PACK_POLICY[table] as Record<string, PackRule>)[field] ?? 'drop';
}

/** Fields of session logs the pack leaves out: a returned log without them keeps the coordinator's value. */
export const SESSION_FIELDS_KEPT_HOME = Object.entries(PACK_POLICY.mentoringSessions)
  .filter(([, rule]) => rule === 'drop')
  .map(([field]) => field);
