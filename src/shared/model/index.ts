import type { z } from 'zod';
import { organisationSchema } from './organisation';
import { consentSchema, importMappingSchema, outcomeSchema, personSchema, tombstoneSchema } from './person';
import { attachmentSchema, attendanceSchema, certificateSchema, enrolmentSchema, eventSchema, programmeSchema, sessionSchema } from './programme';
import { evaluationSchema, questionSetSchema } from './evaluation';
import { matchSchema, menteeProfileSchema, mentorSchema, mentoringSessionSchema } from './mentoring';
import { auditEntrySchema, importHistorySchema, settingsRowSchema, userSchema } from './system';
import { targetSchema } from './target';
import { exchangeRowSchema, partnerSliceSchema } from './exchange';
import { referralSchema } from './referral';

export * from './base';
export * from './logo';
export * from './organisation';
export * from './person';
export * from './programme';
export * from './evaluation';
export * from './mentoring';
export * from './system';
export * from './target';
export * from './exchange';
export * from './mentorPack';
export * from './referral';

/**
 * Every table of the data store with the schema its rows must satisfy. The Dexie schema,
 * backups, restores and (later) bundles are all driven from this one map.
 */
export const TABLE_SCHEMAS = {
  organisations: organisationSchema,
  people: personSchema,
  consents: consentSchema,
  outcomes: outcomeSchema,
  tombstones: tombstoneSchema,
  programmes: programmeSchema,
  events: eventSchema,
  sessions: sessionSchema,
  enrolments: enrolmentSchema,
  attendance: attendanceSchema,
  certificates: certificateSchema,
  evaluations: evaluationSchema,
  questionSets: questionSetSchema,
  attachments: attachmentSchema,
  mentors: mentorSchema,
  matches: matchSchema,
  mentoringSessions: mentoringSessionSchema,
  menteeProfiles: menteeProfileSchema,
  users: userSchema,
  auditLog: auditEntrySchema,
  settings: settingsRowSchema,
  importHistory: importHistorySchema,
  importMappings: importMappingSchema,
  targets: targetSchema,
  exchange: exchangeRowSchema,
  partnerSlices: partnerSliceSchema,
  referrals: referralSchema,
} as const satisfies Record<string, z.ZodType>;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];
export type TableRow<T extends TableName> = z.infer<(typeof TABLE_SCHEMAS)[T]>;
