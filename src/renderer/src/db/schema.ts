import type { TableName } from '@shared/model';

/**
 * Dexie store definitions, one entry per schema version. Never edit a published version:
 * add a new one (with an upgrade function in db.ts when data must change) so every
 * installation in the field can open its data with the newest app.
 */
export const STORES_V1 = {
  organisations: 'id, orgId',
  people: 'id, orgId, kind, lastName, municipality, gender, updatedAt',
  consents: 'id, orgId, personId',
  outcomes: 'id, orgId, personId, kind, date',
  tombstones: 'id, orgId, recordId',
  programmes: 'id, orgId, kind, startDate',
  events: 'id, orgId, programmeId',
  sessions: 'id, orgId, eventId, date',
  enrolments: 'id, orgId, eventId, personId, [eventId+status]',
  attendance: 'id, orgId, sessionId, personId, [sessionId+personId]',
  certificates: 'id, orgId, eventId, personId',
  mentors: 'id, orgId, personId',
  matches: 'id, orgId, mentorId, menteeId, status',
  mentoringSessions: 'id, orgId, matchId, date',
  users: 'id, orgId, name',
  auditLog: 'id, at, action, table, userId',
  settings: 'key',
  importHistory: 'id, orgId, at',
} satisfies Partial<Record<TableName, string>>;

/** v2: people get a folded name key (search and duplicate checks use its index). */
export const STORES_V2 = {
  ...STORES_V1,
  people: 'id, orgId, kind, lastName, municipality, gender, updatedAt, nameKey',
} satisfies Partial<Record<TableName, string>>;

/**
 * v3: the participants, programmes and mentoring features. Each feature adds or changes only its
 * own tables here (and in TABLE_SCHEMAS); keep one line per table.
 */
export const STORES_V3: Record<Exclude<TableName, 'questionSets' | 'referrals'>, string> = {
  ...STORES_V2,
  importMappings: 'id',
  certificates: 'id, orgId, eventId, personId, programmeId',
  evaluations: 'id, orgId, eventId, personId',
  attachments: 'id, orgId, sessionId',
  matches: 'id, orgId, mentorId, menteeId, status, [mentorId+status]',
  mentoringSessions: 'id, orgId, matchId, date, followUpOn',
  menteeProfiles: 'id, orgId, &personId',
  targets: 'id, orgId, programmeId',
  exchange: 'id',
  partnerSlices: 'id, orgId',
};

/**
 * v4: no new index; outcomes get their legal form and jobs created as fields, out of the note
 * text a v3 match closure wrote ("obrt; jobs:1"). The upgrade is in db.ts.
 */
export const STORES_V4: Record<Exclude<TableName, 'questionSets' | 'referrals'>, string> = { ...STORES_V3 };

/**
 * v5: people's municipalities in the gazetteer's canonical form (one spelling per place, so
 * "Младеновац" and "Mladenovac" are one row in breakdowns), and the country derived from it
 * where none was stored. Stores unchanged; the upgrade in db.ts rewrites the rows.
 */
export const STORES_V5: Record<Exclude<TableName, 'questionSets' | 'referrals'>, string> = { ...STORES_V4 };

/** The current version: db.ts declares one Dexie version per STORES_Vn up to it. */
export { SCHEMA_VERSION } from '@shared/model/schemaVersion';

/**
 * v6: audit entries are hash-chained (shared/audit/chain.ts); `seq` (the place in the chain) is
 * indexed so the newest link is found at once. The upgrade in db.ts chains the entries written
 * before, in order of time.
 */
export const STORES_V6: Record<Exclude<TableName, 'questionSets' | 'referrals'>, string> = { ...STORES_V5, auditLog: 'id, at, action, table, userId, seq' };

/**
 * v7: encryption at rest (db/atRest.ts). An index keeps its values in plain text, so only
 * non-identifying values may be indexed: people's lastName, municipality and nameKey indexes go
 * (search, duplicate checks and the municipality list use the decrypted people cache instead),
 * and the `atRest` store holds the marker of an encrypted store.
 * From v7 on, upgrade functions run before anyone signs in and cannot read or write sealed fields:
 * a data migration of sealed fields runs after unlock (db/dataKey.ts), not in an upgrade.
 */
export const STORES_V7 = {
  ...STORES_V6,
  people: 'id, orgId, kind, gender, updatedAt',
  /** The encryption marker (db/dataKey.ts): outside the model's tables, so no backup carries it. */
  atRest: 'key',
} satisfies Record<Exclude<TableName, 'questionSets' | 'referrals'>, string> & Record<string, string>;

/**
 * v8: evaluations as they are collected. Question sets per programme (`questionSets`, one row per
 * version) and anonymous responses: an evaluation's personId becomes optional and its
 * questionSetId is indexed. No upgrade: a row without a question set answers the first form.
 */
export const STORES_V8 = {
  ...STORES_V7,
  evaluations: 'id, orgId, eventId, personId, questionSetId',
  questionSets: 'id, orgId, programmeId',
} satisfies Record<Exclude<TableName, 'referrals'>, string> & Record<string, string>;

/**
 * v9: referrals of people to institutions (centres for social work, the employment service, health
 * care, legal aid, other NGOs). Only the person is indexed (her page lists them; erasure and merge
 * find them by it): everything else of a referral is sealed at rest, and an index is plain text.
 * No upgrade: the table is new.
 */
export const STORES_V9 = {
  ...STORES_V8,
  referrals: 'id, orgId, personId',
} satisfies Record<TableName, string> & Record<string, string>;
