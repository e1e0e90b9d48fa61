import type { z } from 'zod';
import { organisationSchema } from './organisation';
import { consentSchema, outcomeSchema, personSchema, tombstoneSchema } from './person';
import { attendanceSchema, certificateSchema, enrolmentSchema, eventSchema, programmeSchema, sessionSchema } from './programme';
import { matchSchema, mentorSchema, mentoringSessionSchema } from './mentoring';
import { appSettingsSchema, auditEntrySchema, importHistorySchema, userSchema } from './system';

export * from './base';
export * from './organisation';
export * from './person';
export * from './programme';
export * from './mentoring';
export * from './system';

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
  mentors: mentorSchema,
  matches: matchSchema,
  mentoringSessions: mentoringSessionSchema,
  users: userSchema,
  auditLog: auditEntrySchema,
  settings: appSettingsSchema,
  importHistory: importHistorySchema,
} as const satisfies Record<string, z.ZodType>;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];
export type TableRow<T extends TableName> = z.infer<(typeof TABLE_SCHEMAS)[T]>;
