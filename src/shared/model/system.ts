import { z } from 'zod';
import { baseRecord, id, isoDateTime, name } from './base';
import { LOCALES } from '../i18n/locales';
import { mentoringSettingsSchema, reminderSnoozesSchema } from './mentoring';
import { mentorModeSettingsSchema, mentorPacksSettingsSchema } from './mentorPack';
import { passphraseWrapSchema, recoveryWrapSchema } from '../auth/keyring';
import { throttleStateSchema } from '../auth/throttle';

export const USER_ROLES = ['coordinator', 'staff', 'mentor', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const userSchema = baseRecord.extend({
  name: name(120),
  role: z.enum(USER_ROLES),
  /**
   * The data key wrapped by this user's passphrase (Argon2id + AES-GCM, auth/keyring.ts): it is
   * both how she signs in and how the data is opened. Readable before sign-in, like her name.
   */
  keyWrap: passphraseWrapSchema.optional(),
  /** Before sign-in was tied to the data key: a PBKDF2 hash and salt (base64). Replaced by keyWrap at her first sign-in. */
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
  prev: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const appSettingsSchema = z.object({
  key: z.literal('app'),
  language: z.enum(LOCALES),
  /** Minutes of inactivity before the app locks; 0 turns the lock off. */
  lockMinutes: z.number().int().min(0).max(240).default(10),
  lastAutoBackupAt: isoDateTime.optional(),
  suppressionThreshold: z.number().int().min(1).max(100).default(5),
  /** The own organisation's id: the lock screen reads that one (plain) row by it (db/selfOrganisation.ts). */
  selfOrgId: id.optional(),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

/** The recovery key's wrap of the data key: the other half of the keyring (users' wraps are on their rows). */
export const keyringSettingsSchema = z.object({
  key: z.literal('keyring'),
  recovery: recoveryWrapSchema,
  createdAt: isoDateTime,
});
export type KeyringSettings = z.infer<typeof keyringSettingsSchema>;

/** Failed sign-in attempts per user id (and `recovery` for the recovery key), kept across restarts. */
export const signInThrottleSettingsSchema = z.object({
  key: z.literal('signInThrottle'),
  states: z.record(z.string().max(64), throttleStateSchema).default({}),
});
export type SignInThrottleSettings = z.infer<typeof signInThrottleSettingsSchema>;

/** Any row of the settings table: the app's own (`key: 'app'`) or a feature's (`'mentoring'`, `'mentorPacks'`, `'mentorMode'`). */
export const settingsRowSchema = z.discriminatedUnion('key', [
  appSettingsSchema,
  mentoringSettingsSchema,
  mentorPacksSettingsSchema,
  mentorModeSettingsSchema,
  keyringSettingsSchema,
  signInThrottleSettingsSchema,
  reminderSnoozesSchema,
]);
export type SettingsRow = z.infer<typeof settingsRowSchema>;

export const importHistorySchema = baseRecord.extend({
  // sharingBasis: a bulk recording of the basis for sharing with the lead (its consent ids, for undo).
  kind: z.enum(['people', 'bundle', 'mentorLogs', 'organisations', 'sharingBasis', 'evaluations']),
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
