import type { TableName } from '../model';

/**
 * THE privacy policy of bundles, in one place. Every table of TABLE_SCHEMAS is either exported
 * or not; every field of an exported table has a rule. tests/unit/bundle-privacy.test.ts fails
 * when a table or a field appears in the model without being classified here, so whoever adds
 * e.g. `address` to people must decide what happens to it at the lead.
 *
 * At the pseudonymised level a field travels only if its rule says so (unknown fields are
 * dropped: deny by default). At the full level every field travels as stored, but the
 * consent rules (who travels at all, special-category data) still apply.
 */
export const PRIVACY_LEVELS = ['aggregate', 'pseudonymised', 'full'] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];

export type FieldRule =
  /** Travels at the pseudonymised level. */
  | 'keep'
  /** Identifying or free text: never at the pseudonymised level. */
  | 'drop'
  /** A person's id: replaced by the pseudonymous id at the pseudonymised level. */
  | 'personRef'
  /** An array of person ids: each replaced (and ids of people who do not travel removed). */
  | 'personRefs'
  /** Special-category data (GDPR art. 9): travels, at any level, only while a consent covers it; else []. */
  | 'specialCategory';

const BASE = { id: 'keep', orgId: 'keep', createdAt: 'keep', updatedAt: 'keep' } as const satisfies Record<string, FieldRule>;

/** Tables that travel, in the order they are written, with the rule of every field. */
export const FIELD_POLICY = {
  // Sole traders and family farms carry their owner's name ("Kmetija Zupan", "obrt … vl. Ana K."):
  // organisation names stay home; the partner's own name travels in the manifest.
  organisations: {
    ...BASE, name: 'drop', country: 'keep', town: 'keep', role: 'keep', isSelf: 'keep', kind: 'keep', supportedOn: 'keep', jobsCreated: 'keep',
    // The partner's day travels as the manifest's indicatorsAsOf; the lead needs no zone of its own.
    timeZone: 'drop',
  },
  people: {
    ...BASE,
    id: 'personRef',
    kind: 'keep',
    firstName: 'drop',
    lastName: 'drop',
    gender: 'keep',
    birthYear: 'keep',
    municipality: 'keep',
    country: 'keep',
    phone: 'drop',
    email: 'drop',
    // ESF+ common indicators report labour-market status and education level on entry.
    employmentStatus: 'keep',
    educationLevel: 'keep',
    institution: 'drop',
    institutionType: 'keep',
    jobTitle: 'drop',
    targetGroups: 'specialCategory',
    notes: 'drop',
    nameKey: 'drop',
    anonymised: 'keep',
  },
  consents: {
    ...BASE, personId: 'personRef', legalBasis: 'keep', date: 'keep', noticeVersion: 'keep', processing: 'keep', specialCategories: 'keep',
    shareWithLead: 'keep', photos: 'keep', withdrawnAt: 'keep',
  },
  // Legal form and jobs created are a code and a count, nothing typed: they travel like the kind.
  outcomes: { ...BASE, personId: 'personRef', kind: 'keep', date: 'keep', legalForm: 'keep', jobsCreated: 'keep', note: 'drop' },
  programmes: {
    ...BASE, kind: 'keep', title: 'keep', funder: 'keep', projectCode: 'keep', startDate: 'keep', endDate: 'keep', partnerOrgIds: 'keep',
    completionRule: 'keep', partners: 'keep', certificatePrefix: 'keep',
  },
  // Trainers are named people and agendas name them: both stay home.
  events: { ...BASE, programmeId: 'keep', kind: 'keep', number: 'keep', title: 'keep', topic: 'keep', trainers: 'drop', capacity: 'keep', agenda: 'drop' },
  sessions: { ...BASE, eventId: 'keep', date: 'keep', start: 'keep', end: 'keep', venue: 'keep', town: 'keep', country: 'keep' },
  enrolments: { ...BASE, eventId: 'keep', personId: 'personRef', status: 'keep', waitPosition: 'keep', enrolledOn: 'keep', withdrawnOn: 'keep' },
  attendance: { ...BASE, sessionId: 'keep', personId: 'personRef', status: 'keep' },
  // A certificate number is printed on the certificate the person holds: it would identify her.
  certificates: { ...BASE, eventId: 'keep', personId: 'personRef', kind: 'keep', number: 'drop', issuedOn: 'keep', programmeId: 'keep', sequence: 'drop' },
  evaluations: { ...BASE, eventId: 'keep', personId: 'personRef', scores: 'keep', comment: 'drop' },
  // Scanned sign-in sheets carry names and signatures: full level only (see FULL_ONLY_TABLES).
  attachments: { ...BASE, sessionId: 'keep', fileName: 'drop', mimeType: 'drop', size: 'drop', dataBase64: 'drop' },
  mentors: {
    ...BASE, personId: 'personRef', expertise: 'keep', sectors: 'keep', languages: 'keep', region: 'keep', remote: 'keep', capacity: 'keep',
    availability: 'drop', active: 'keep',
  },
  matches: {
    ...BASE, mentorId: 'keep', menteeId: 'personRef', status: 'keep', proposedOn: 'keep', startedOn: 'keep', pausedOn: 'keep', closedOn: 'keep',
    closeReason: 'drop', score: 'keep', goals: 'drop', checks: 'drop', closure: 'keep',
  },
  mentoringSessions: {
    ...BASE, matchId: 'keep', date: 'keep', time: 'keep', status: 'keep', minutes: 'keep', mode: 'keep', services: 'keep', topics: 'drop', note: 'drop',
    nextSteps: 'drop', followUpOn: 'keep', followUpDone: 'keep',
  },
  menteeProfiles: {
    ...BASE, personId: 'personRef', stage: 'keep', sector: 'keep', needs: 'keep', languages: 'keep', region: 'keep', remote: 'keep', mentorGender: 'keep',
    avoidPersonIds: 'personRefs', notes: 'drop',
  },
} as const satisfies Partial<Record<TableName, Record<string, FieldRule>>>;

export type BundleTable = keyof typeof FIELD_POLICY;
export const BUNDLE_TABLES = Object.keys(FIELD_POLICY) as BundleTable[];

/** Tables that travel only at the full level. */
export const FULL_ONLY_TABLES: readonly BundleTable[] = ['attachments'];

/**
 * Tables that never travel, and why. Tombstones travel separately (tombstones.ndjson).
 */
export const LOCAL_ONLY_TABLES = {
  tombstones: 'travel as tombstones.ndjson, not as a data table',
  users: 'local accounts and passphrase hashes',
  auditLog: 'local audit trail',
  settings: 'local preferences',
  importHistory: 'local import history',
  importMappings: 'local import column mappings',
  targets: 'local indicator targets (each organisation sets its own)',
  exchange: 'local keys and project membership',
  partnerSlices: 'the lead\'s consolidated partner data',
} as const satisfies Partial<Record<TableName, string>>;

/** Tables that travel at a level. */
export function tablesAt(level: PrivacyLevel): BundleTable[] {
  if (level === 'aggregate') return [];
  return BUNDLE_TABLES.filter((t) => level === 'full' || !FULL_ONLY_TABLES.includes(t));
}

/** The rule of a field; unclassified fields count as 'drop'. */
export function fieldRule(table: BundleTable, field: string): FieldRule {
  return (FIELD_POLICY[table] as Record<string, FieldRule>)[field] ?? 'drop';
}

/**
 * References between tables, for dropping the rows of people who do not travel: a row whose
 * `cascade` reference points at a dropped row is dropped too. A match whose mentor does not
 * travel stays (it is the mentee's record; mentorId is only a record id).
 */
export const REFERENCES: ReadonlyArray<{ table: BundleTable; field: string; target: BundleTable; cascade: boolean }> = [
  { table: 'consents', field: 'personId', target: 'people', cascade: true },
  { table: 'outcomes', field: 'personId', target: 'people', cascade: true },
  { table: 'enrolments', field: 'personId', target: 'people', cascade: true },
  { table: 'attendance', field: 'personId', target: 'people', cascade: true },
  { table: 'certificates', field: 'personId', target: 'people', cascade: true },
  { table: 'evaluations', field: 'personId', target: 'people', cascade: true },
  { table: 'mentors', field: 'personId', target: 'people', cascade: true },
  { table: 'menteeProfiles', field: 'personId', target: 'people', cascade: true },
  { table: 'matches', field: 'menteeId', target: 'people', cascade: true },
  { table: 'matches', field: 'mentorId', target: 'mentors', cascade: false },
  { table: 'mentoringSessions', field: 'matchId', target: 'matches', cascade: true },
];

/** Extra field on people rows at the pseudonymised and full levels. */
export const PSEUDO_KEY_FIELD = 'pseudoKey';
