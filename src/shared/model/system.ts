import { z } from 'zod';
import { baseRecord, id, isoDateTime, name } from './base';
import { LOCALES } from '../i18n/locales';
import { mentoringSettingsSchema } from './mentoring';
import { mentorModeSettingsSchema, mentorPacksSettingsSchema } from './mentorPack';

export const USER_ROLES = ['coordinator', 'staff', 'mentor', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const userSchema = baseRecord.extend({
  name: name(120),
  role: z.enum(USER_ROLES),
  /** PBKDF2 hash and salt (base64) of the optional passphrase; absent means no passphrase. */
  passHash: z.string().optional(),
  passSalt: z.string().optional(),
  /** A mentor user sees only the mentees of this mentor record. */
  mentorId: id.optional(),
  disabled: z.boolean().default(false),
});
export type User = z.infer<typeof userSchema>;

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'export', 'import', 'restore', 'backup', 'login'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const auditEntrySchema = z.object({
  id,
  at: isoDateTime,
  userId: id.optional(),
  userName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  table: z.string(),
  recordId: z.string().optional(),
  /** What happened, as a code the audit view translates (`audit:summaries.<code>`); never a person's name. */
  summary: z.string().max(60).default(''),
  /** A verbatim detail such as a file name (never a person's name: the log outlives erasures). */
  detail: z.string().max(260).optional(),
  count: z.number().int().min(0).optional(),
  /** The hash chain (shared/audit/chain.ts): place in the log, hash of the entry before, own hash. Set by the store, never by callers. */
  seq: z.number().int().min(1).optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const appSettingsSchema = z.object({
  key: z.literal('app'),
  language: z.enum(LOCALES),
  /** Minutes of inactivity before the app locks; 0 turns the lock off. */
  lockMinutes: z.number().int().min(0).max(240).default(10),
  lastAutoBackupAt: isoDateTime.optional(),
  suppressionThreshold: z.number().int().min(1).max(100).default(5),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

/** Any row of the settings table: the app's own (`key: 'app'`) or a feature's (`'mentoring'`, `'mentorPacks'`, `'mentorMode'`). */
export const settingsRowSchema = z.discriminatedUnion('key', [appSettingsSchema, mentoringSettingsSchema, mentorPacksSettingsSchema, mentorModeSettingsSchema]);
export type SettingsRow = z.infer<typeof settingsRowSchema>;

export const importHistorySchema = baseRecord.extend({
  kind: z.enum(['people', 'bundle', 'mentorLogs']),
  fileName: name(260),
  at: isoDateTime,
  rowsAdded: z.number().int().min(0),
  rowsReplaced: z.number().int().min(0).default(0),
  rowsRemoved: z.number().int().min(0).default(0),
  /** Ids written by this import, so the last one can be undone. */
  recordIds: z.array(id).default([]),
  undoneAt: isoDateTime.optional(),
});
export type ImportHistory = z.infer<typeof importHistorySchema>;

