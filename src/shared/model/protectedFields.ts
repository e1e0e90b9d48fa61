import type { TableName } from './index';

/**
 * Encryption at rest (docs/security.md, "Data at rest"): what IndexedDB may hold in plain text,
 * table by table. The list is of the fields that STAY PLAIN, each with why; every other field of
 * a row (what identifies a person, anything sensitive, every free text, every key and secret,
 * and any field added later that nobody listed here) is sealed with the data key, together, into
 * one AES-GCM value per row. Plain is only what is not identifying AND is needed before unlock
 * (the lock screen) or by an index (IndexedDB cannot index a sealed value). The primary key is
 * always plain. A test (tests/unit/protected-fields.test.ts) checks that every index of the
 * current schema is plain and that the fields that identify people are sealed.
 */
type Why = string;
type PlainFields = Readonly<Record<string, Why>>;

const RECORD: PlainFields = {
  id: 'primary key: a random UUID, says nothing about anybody',
  orgId: 'foreign key (index): which organisation a record belongs to',
  createdAt: 'timestamp of the record',
  updatedAt: 'timestamp of the record (people: index)',
};

export const PLAIN_FIELDS: { readonly [T in TableName]: PlainFields } = {
  organisations: {
    ...RECORD,
    isSelf: 'the lock screen finds its own organisation (whose row is plain, see PLAIN_ROWS)',
    country: 'a country code',
    role: 'lead or partner',
    kind: 'ngo, sme, employer, public or other',
    supportedOn: 'a date',
    jobsCreated: 'a count',
    timeZone: 'an IANA time zone name',
  },
  people: {
    ...RECORD,
    kind: 'index: beneficiary or professional',
    gender: 'index; four values, not identifying without the sealed name',
    anonymised: 'a flag',
  },
  consents: {
    ...RECORD,
    personId: 'foreign key (index)',
    legalBasis: 'one of five GDPR bases',
    date: 'a date',
    processing: 'a flag',
    specialCategories: 'a flag',
    shareWithLead: 'a flag',
    photos: 'a flag',
    withdrawnAt: 'a date',
  },
  outcomes: { ...RECORD, personId: 'foreign key (index)', kind: 'index: the outcome kind', date: 'index: a date', legalForm: 'a code', jobsCreated: 'a count' },
  tombstones: { ...RECORD, table: 'a table name', recordId: "index: the erased record's UUID (the lead erases it too)", erasedAt: 'a timestamp' },
  programmes: {
    ...RECORD,
    kind: 'index: the programme kind',
    startDate: 'index: a date',
    endDate: 'a date',
    partnerOrgIds: 'foreign keys',
    completionRule: 'a share or session ids',
  },
  events: { ...RECORD, programmeId: 'foreign key (index)', kind: 'workshop, module…', number: 'a number', capacity: 'a count' },
  sessions: { ...RECORD, eventId: 'foreign key (index)', date: 'index: a date', start: 'a time', end: 'a time', country: 'a country code' },
  enrolments: {
    ...RECORD,
    eventId: 'foreign key (index)',
    personId: 'foreign key (index)',
    status: 'index: enrolled, waiting…',
    waitPosition: 'a number',
    enrolledOn: 'a date',
    withdrawnOn: 'a date',
  },
  attendance: { ...RECORD, sessionId: 'foreign key (index)', personId: 'foreign key (index)', status: 'present, late, excused or absent' },
  certificates: {
    ...RECORD,
    eventId: 'foreign key (index)',
    personId: 'foreign key (index)',
    programmeId: 'foreign key (index)',
    kind: 'completion or attendance',
    issuedOn: 'a date',
    sequence: 'a number',
  },
  // Scores and answers are sealed: a named response's scores say what that person thought.
  evaluations: { ...RECORD, eventId: 'foreign key (index)', personId: 'foreign key (index)', questionSetId: 'foreign key (index)' },
  // The wording of the questions is typed text: sealed.
  questionSets: { ...RECORD, programmeId: 'foreign key (index)', version: 'a number', scaleMax: 'a number' },
  attachments: { ...RECORD, sessionId: 'foreign key (index)', mimeType: 'the file type', size: 'a size in bytes' },
  mentors: { ...RECORD, personId: 'foreign key (index)', capacity: 'a count', active: 'a flag', remote: 'a flag' },
  matches: {
    ...RECORD,
    mentorId: 'foreign key (index)',
    menteeId: 'foreign key (index)',
    status: 'index: proposed, active, paused or closed',
    proposedOn: 'a date',
    startedOn: 'a date',
    pausedOn: 'a date',
    closedOn: 'a date',
    score: 'the matching score',
  },
  mentoringSessions: {
    ...RECORD,
    matchId: 'foreign key (index)',
    date: 'index: a date',
    followUpOn: 'index: a date',
    followUpDone: 'a flag',
    time: 'a time',
    status: 'held or planned',
    minutes: 'a duration the indicators sum',
    mode: 'in person, phone or online',
    services: 'the service codes the indicators count; say nothing about who without the sealed names',
  },
  menteeProfiles: { ...RECORD, personId: 'foreign key (unique index)' },
  users: {
    ...RECORD,
    name: 'the lock screen lists who may sign in (staff, not the people the NGO serves)',
    role: 'the lock screen shows it; permissions are checked before unlock',
    mentorId: 'foreign key',
    disabled: 'the lock screen leaves disabled users out',
  },
  auditLog: {
    id: 'primary key',
    at: 'index: a timestamp',
    userId: 'index: which user',
    userName: "the staff member's name, plain in users anyway (the lock screen)",
    action: 'index: create, update, delete…',
    table: 'index: a table name',
    recordId: 'a UUID',
    count: 'a count',
    seq: 'index: the place in the hash chain (db/auditChain.ts finds the newest link by it)',
    prev: 'the hash of the entry before (the chain is checked before anyone needs to read a summary)',
    hash: 'a SHA-256 of the whole entry: says nothing without the sealed text it covers',
  },
  settings: {
    key: "primary key: the row's name",
    language: "the lock screen speaks the user's language",
    lockMinutes: 'the idle lock works before anyone signs in',
    lastAutoBackupAt: 'a timestamp',
    suppressionThreshold: 'a number',
    selfOrgId: "the own organisation's UUID: the lock screen reads its plain row by it, opening no sealed one",
  },
  importHistory: {
    ...RECORD,
    kind: 'people, bundle or mentorLogs',
    at: 'index: a timestamp',
    rowsAdded: 'a count',
    rowsReplaced: 'a count',
    rowsRemoved: 'a count',
    recordIds: 'UUIDs of the rows an import wrote (its undo)',
    undoneAt: 'a timestamp',
  },
  importMappings: { id: 'primary key: the folded column headers of a file (not its rows)', updatedAt: 'a timestamp' },
  targets: { ...RECORD, indicator: 'an indicator id', programmeId: 'foreign key (index)', value: 'a target figure' },
  exchange: {
    id: 'primary key: identity, leadProject, linkage or joinedProject',
    installationId: "this installation's UUID",
    fingerprint: "the public key's fingerprint, shown to compare by phone",
    projectId: "the project's UUID",
    createdAt: 'a timestamp',
    joinedAt: 'a timestamp',
    lastExportAt: 'a timestamp',
  },
  partnerSlices: {
    id: RECORD.id!,
    orgId: RECORD.orgId!,
    projectId: "the project's UUID",
    country: 'a country code',
    exportId: "the export's UUID",
    exportedAt: 'a timestamp',
    importedAt: 'a timestamp',
    privacy: 'aggregate, pseudonymised or full',
    fingerprint: "the partner's pinned public-key fingerprint",
    publicKeys: "the partner's public keys",
  },
  // A referral's kind, institution, reason, contact, dates and outcome are all sealed: together they
  // say what a person needed and where she went. Only the index that finds them by person is plain.
  referrals: { ...RECORD, personId: 'foreign key (index)' },
};

/**
 * Fields any table keeps plain, whatever its list says: sign-in's passphrase and recovery wraps of
 * the data key and their KDF parameters. The lock screen needs them to unlock, and they are
 * useless without the passphrase or the recovery key.
 */
export function isSignInField(field: string): boolean {
  return /wrap/i.test(field) || field === 'passHash' || field === 'passSalt' || field.startsWith('kdf');
}

/**
 * Rows that stay whole in plain text: the own organisation (its name is on the lock screen;
 * partner organisations and the SMEs a project supports are sealed), sign-in's keyring and its
 * throttle of failed attempts.
 */
export const PLAIN_ROWS: { readonly [T in TableName]?: (row: Record<string, unknown>) => boolean } = {
  organisations: (row) => row.isSelf === true,
  // Sign-in's keyring (wraps) and its throttle (user ids, failure counts, times): the lock screen
  // reads and writes both before anyone is signed in.
  settings: (row) => row.key === 'keyring' || row.key === 'signInThrottle',
};

/**
 * The object store (schema v7, outside the model's tables: never in a backup, never cleared by a
 * restore) whose one row marks the store as encrypted, with a sealed key check. From then on no
 * plain text is written.
 */
export const AT_REST_STORE = 'atRest';
export const ENCRYPTION_MARKER_KEY = 'encryption';

/** The field of a stored row that holds its sealed fields (nonce ‖ ciphertext ‖ tag). */
export const SEALED_FIELD = '_sealed';

const plainSets = Object.fromEntries(Object.entries(PLAIN_FIELDS).map(([t, fields]) => [t, new Set(Object.keys(fields))])) as Record<TableName, Set<string>>;

/** Whether `field` of `row` in `table` stays plain (for tables outside the model: every field). */
export function isPlainField(table: string, field: string): boolean {
  const set = plainSets[table as TableName];
  return !set || set.has(field) || isSignInField(field);
}

/** Whether the whole row stays plain. */
export function isPlainRow(table: string, row: Record<string, unknown>): boolean {
  return PLAIN_ROWS[table as TableName]?.(row) ?? false;
}

/** Whether a table has rows or fields to seal at all (false for tables outside the model). */
export function isSealedTable(table: string): boolean {
  return table in plainSets;
}
