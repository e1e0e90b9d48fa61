import type { TableName } from '../model';

/**
 * THE privacy policy of bundles, in one place. Every table of TABLE_SCHEMAS is either exported
 * or not; every field of an exported table has a rule. tests/unit/bundle-privacy.test.ts fails
 * when a table or a field appears in the model without being classified here, so whoever adds
 * e.g. `address` to people must decide what happens to it at the lead.
 *
 * At the pseudonymised level a field travels only if its rule says so (unknown fields are
 * dropped: deny by default), and no free text travels: names, titles, topics, venues, towns,
 * sectors and regions are typed by people and say what consent withheld ("survivors' group", a
 * venue at a shelter). Only ids, dates, numbers, and values from fixed lists go; the one place
 * name is the person's municipality, which the by-municipality breakdown needs. At the full level
 * every field travels as stored except confidential notes ('never'), and the consent rules (who
 * travels at all, special-category data) still apply.
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
  /**
   * Special-category data (GDPR art. 9) about a person, or data that reveals it (psychosocial support
   * or legal advice given): travels, at any level, only while that person's consent covers it; else [].
   */
  | 'specialCategory'
  /** Confidential notes: never leave the organisation, not even at the full level. */
  | 'never';

const BASE = { id: 'keep', orgId: 'keep', createdAt: 'keep', updatedAt: 'keep' } as const satisfies Record<string, FieldRule>;

/** Tables that travel, in the order they are written, with the rule of every field. */
export const FIELD_POLICY = {
  // Sole traders and family farms carry their owner's name ("Kmetija Zupan", "obrt … vl. Ana K."):
  // organisation names stay home; the partner's own name travels in the manifest.
  organisations: {
    ...BASE,
    name: 'drop',
    country: 'keep',
    town: 'drop',
    role: 'keep',
    isSelf: 'keep',
    kind: 'keep',
    supportedOn: 'keep',
    jobsCreated: 'keep',
    // Typed by people, and a sector with a contact names a sole trader: they stay home.
    sector: 'drop',
    contactPerson: 'drop',
    support: 'drop',
    // The partner's day travels as the manifest's indicatorsAsOf; the lead needs no zone of its own.
    timeZone: 'drop',
    // Paperwork, not data: up to half a megabyte that no indicator reads.
    logo: 'never',
  },
  people: {
    ...BASE,
    id: 'personRef',
    kind: 'keep',
    firstName: 'drop',
    lastName: 'drop',
    gender: 'keep',
    // With the name, the birth year is what makes a person findable; the age band the indicators
    // need travels instead (AGE_BAND_FIELD, computed by the partner on the export day).
    birthYear: 'drop',
    // The by-municipality breakdown needs it (the only place name that travels).
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
    notes: 'never',
    nameKey: 'drop',
    anonymised: 'keep',
  },
  consents: {
    ...BASE,
    personId: 'personRef',
    legalBasis: 'keep',
    date: 'keep',
    noticeVersion: 'drop',
    processing: 'keep',
    specialCategories: 'keep',
    shareWithLead: 'keep',
    photos: 'keep',
    withdrawnAt: 'keep',
    // A staff member's name, typed: it travels only at the full level (listed in its confirmation).
    recordedBy: 'drop',
  },
  // Legal form and jobs created are a code and a count, nothing typed: they travel like the kind.
  outcomes: { ...BASE, personId: 'personRef', kind: 'keep', date: 'keep', legalForm: 'keep', jobsCreated: 'keep', employerId: 'keep', note: 'never' },
  // Titles say what a programme is for ("Survivors' group"): the lead names a partner's programme
  // by its kind and a number instead (consolidate/programmeTitles.ts).
  programmes: {
    ...BASE,
    kind: 'keep',
    title: 'drop',
    funder: 'drop',
    projectCode: 'drop',
    startDate: 'keep',
    endDate: 'keep',
    partnerOrgIds: 'keep',
    completionRule: 'keep',
    partners: 'drop',
    certificatePrefix: 'drop',
    // Paperwork, not data (see organisations.logo); what the lead needs of funding is the funder's name at the full level.
    funderLogos: 'never',
    euFunded: 'drop',
  },
  // Trainers are named people and agendas name them: both stay home. So do titles and topics.
  events: { ...BASE, programmeId: 'keep', kind: 'keep', number: 'keep', title: 'drop', topic: 'drop', trainers: 'drop', capacity: 'keep', agenda: 'drop' },
  // A venue ("Safe house, 2nd floor") or a small town says who was there.
  sessions: { ...BASE, eventId: 'keep', date: 'keep', start: 'keep', end: 'keep', venue: 'drop', town: 'drop', country: 'keep' },
  enrolments: { ...BASE, eventId: 'keep', personId: 'personRef', status: 'keep', waitPosition: 'keep', enrolledOn: 'keep', withdrawnOn: 'keep' },
  attendance: { ...BASE, sessionId: 'keep', personId: 'personRef', status: 'keep' },
  // A certificate number is printed on the certificate the person holds: it would identify her.
  certificates: { ...BASE, eventId: 'keep', personId: 'personRef', kind: 'keep', number: 'drop', issuedOn: 'keep', programmeId: 'keep', sequence: 'drop' },
  // An anonymous response has no personId and travels like a named one; answers in words stay home.
  evaluations: { ...BASE, eventId: 'keep', personId: 'personRef', questionSetId: 'keep', scores: 'keep', answers: 'drop', comment: 'drop', receivedAt: 'drop' },
  // Scanned sign-in sheets carry names and signatures: full level only (see FULL_ONLY_TABLES).
  attachments: { ...BASE, sessionId: 'keep', fileName: 'drop', mimeType: 'drop', size: 'drop', dataBase64: 'drop' },
  mentors: {
    // Languages are typed codes, and a language (Romani) can say as much as a target group.
    ...BASE,
    personId: 'personRef',
    expertise: 'keep',
    sectors: 'drop',
    languages: 'drop',
    region: 'drop',
    remote: 'keep',
    capacity: 'keep',
    availability: 'drop',
    active: 'keep',
  },
  matches: {
    ...BASE,
    mentorId: 'keep',
    menteeId: 'personRef',
    status: 'keep',
    proposedOn: 'keep',
    startedOn: 'keep',
    pausedOn: 'keep',
    closedOn: 'keep',
    // The pair checks carry the coordinator's notes on how the pair is doing.
    closeReason: 'drop',
    score: 'keep',
    goals: 'drop',
    checks: 'never',
    closure: 'keep',
  },
  // Psychosocial support or legal advice given says as much as a target group: the mentee's consent decides.
  mentoringSessions: {
    ...BASE,
    matchId: 'keep',
    date: 'keep',
    time: 'keep',
    status: 'keep',
    minutes: 'keep',
    mode: 'keep',
    services: 'specialCategory',
    topics: 'drop',
    note: 'never',
    nextSteps: 'drop',
    followUpOn: 'keep',
    followUpDone: 'keep',
  },
  menteeProfiles: {
    ...BASE,
    personId: 'personRef',
    stage: 'keep',
    sector: 'drop',
    needs: 'keep',
    languages: 'drop',
    region: 'drop',
    remote: 'keep',
    mentorGender: 'keep',
    avoidPersonIds: 'personRefs',
    notes: 'never',
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
  questionSets: "the wording of a programme's evaluation questions (typed text); evaluation summaries stay local",
  exchange: 'local keys and project membership',
  partnerSlices: "the lead's consolidated partner data",
  referrals: 'case work (why a person was sent where); partner-to-partner referral files are a separate, consented exchange (#21 part 2)',
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

/** Extra field on people rows at the pseudonymised level: the age band on the export day, instead of the birth year. */
export const AGE_BAND_FIELD = 'ageBand';

/**
 * What the full level sends beyond the pseudonymised one, in words a coordinator reads before
 * she confirms (`exchange:export.fullList.<key>`). tests/unit/bundle-privacy.test.ts fails when a
 * field travels at the full level but is missing here, so the list the user confirms stays true.
 */
export const FULL_LEVEL_DISCLOSURE = {
  names: ['people.firstName', 'people.lastName', 'people.nameKey', 'organisations.name'],
  contacts: ['people.phone', 'people.email'],
  birthYears: ['people.birthYear'],
  work: ['people.institution', 'people.jobTitle'],
  titles: [
    'programmes.title',
    'programmes.funder',
    'programmes.projectCode',
    'programmes.partners',
    'programmes.certificatePrefix',
    'programmes.euFunded',
    'events.title',
    'events.topic',
    'events.agenda',
  ],
  trainers: ['events.trainers'],
  places: ['sessions.venue', 'sessions.town', 'organisations.town', 'organisations.timeZone'],
  certificates: ['certificates.number', 'certificates.sequence'],
  consentForms: ['consents.noticeVersion', 'consents.recordedBy'],
  evaluations: ['evaluations.comment', 'evaluations.answers', 'evaluations.receivedAt'],
  mentoring: [
    'mentors.sectors',
    'mentors.region',
    'mentors.languages',
    'mentors.availability',
    'menteeProfiles.sector',
    'menteeProfiles.region',
    'menteeProfiles.languages',
    'matches.closeReason',
    'matches.goals',
    'mentoringSessions.topics',
    'mentoringSessions.nextSteps',
  ],
  sheets: ['attachments.fileName', 'attachments.mimeType', 'attachments.size', 'attachments.dataBase64'],
  employers: ['organisations.sector', 'organisations.contactPerson', 'organisations.support'],
} as const satisfies Record<string, readonly string[]>;
export type FullDisclosureItem = keyof typeof FULL_LEVEL_DISCLOSURE;

/** Fields that never leave (confidential notes), as "table.field". */
export function neverFields(): string[] {
  return Object.entries(FIELD_POLICY).flatMap(([t, rules]) =>
    Object.entries(rules)
      .filter(([, r]) => r === 'never')
      .map(([f]) => `${t}.${f}`),
  );
}
