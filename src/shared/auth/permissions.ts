import type { PrivacyLevel } from '../bundle/privacy';
import { USER_ROLES, type TableName, type UserRole } from '../model';

/**
 * THE permission table: what each role may do with the data, checked where data is read and
 * written (db/permissions.ts `requirePermission`), not only in the menu. docs/security.md states it
 * with the reasons; tests/unit/permissions.test.ts fails when the two differ.
 */
export const PERMISSIONS = [
  /** Names and details of people: lists, search, a person's page, event participants, drill-downs. */
  'readPeople',
  /** Reports and aggregated figures (no names). */
  'readReports',
  /** Add and change people, consents, outcomes; import lists of people; merge duplicates. */
  'editPeople',
  /** The register of organisations (employers, SMEs, public institutions, NGOs): read, add, change, delete, import. */
  'manageOrganisations',
  /** Programmes, events, enrolments, attendance, certificates, evaluations, mentors, matches, targets. */
  'editRecords',
  /** Enter, import, correct and delete evaluation responses (anonymous or named); change a programme's questions. */
  'enterEvaluations',
  /** Per-question summaries of evaluations (counts, means, distributions; no names, no answers in words). */
  'readEvaluationSummaries',
  /** Log, correct and delete mentoring sessions. */
  'logMentoring',
  /** A person's referrals to institutions: read, record, change their status, delete (reasons, contacts, outcomes). */
  'manageReferrals',
  /** Erase (right to be forgotten) and anonymise a person. */
  'erasePeople',
  /** Files that carry names out of Mreža: CSV/XLSX lists of people, mentor packs. */
  'exportList',
  /** Report files (figures only, small cells suppressed). */
  'exportReport',
  /** A bundle for the lead partner, per privacy level. */
  'exportBundleAggregate',
  'exportBundlePseudonymised',
  'exportBundleFull',
  /** Lead: import partners' bundles. */
  'importBundles',
  /** Lead: the project and invitations, the key file, confirming (pinning) partner keys. */
  'keys',
  /** The automatic backup into the app's own backup folder (daily, on quit). */
  'backupAuto',
  /** "Back up now" and "Save to file" (a USB stick, a network share). */
  'backupSave',
  /** Restore a backup or clear all data (every record is replaced). */
  'replaceAllData',
  /** Where automatic copies of backups go. */
  'backupSettings',
  /** Add, disable and enable users, set anyone's passphrase (one's own is always allowed). */
  'manageUsers',
  /** Organisation details, time zone, suppression threshold, lock time, matching settings. */
  'manageSettings',
  /** Read the audit log. */
  'viewAudit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The roles a user can have, and the app itself for what it does on its own. */
export const ROLES = USER_ROLES;
export type Role = UserRole;
export type ActorRole = Role | 'system';

/** 'all': every record. 'own': only what is the actor's own (a mentor's mentees and their matches). */
export type Grant = 'all' | 'own';

const ALL: Record<Permission, Grant> = Object.fromEntries(PERMISSIONS.map((p) => [p, 'all'])) as Record<Permission, Grant>;

/** Deny by default: a permission not listed for a role is refused. */
export const PERMISSION_TABLE: Record<ActorRole, Partial<Record<Permission, Grant>>> = {
  coordinator: ALL,
  staff: {
    readPeople: 'all',
    readReports: 'all',
    editPeople: 'all',
    editRecords: 'all',
    enterEvaluations: 'all',
    readEvaluationSummaries: 'all',
    manageOrganisations: 'all',
    logMentoring: 'all',
    manageReferrals: 'all',
    exportReport: 'all',
    exportBundleAggregate: 'all',
    exportBundlePseudonymised: 'all',
    importBundles: 'all',
    backupAuto: 'all',
  },
  mentor: { readPeople: 'own', logMentoring: 'own', backupAuto: 'all' },
  viewer: { readReports: 'all', readEvaluationSummaries: 'all', exportReport: 'all', backupAuto: 'all' },
  system: { backupAuto: 'all' },
};

export function grantOf(role: ActorRole | undefined, permission: Permission): Grant | null {
  if (!role) return null;
  return PERMISSION_TABLE[role]?.[permission] ?? null;
}

/** Whether the role may do this at all (for a mentor, on her own mentees). The UI hides what is false. */
export function can(role: ActorRole | undefined, permission: Permission): boolean {
  return grantOf(role, permission) !== null;
}

/** Whether the role may do this for every record, not only its own. */
export function canAll(role: ActorRole | undefined, permission: Permission): boolean {
  return grantOf(role, permission) === 'all';
}

const BUNDLE_PERMISSION: Record<PrivacyLevel, Permission> = {
  aggregate: 'exportBundleAggregate',
  pseudonymised: 'exportBundlePseudonymised',
  full: 'exportBundleFull',
};

export function bundlePermission(level: PrivacyLevel): Permission {
  return BUNDLE_PERMISSION[level];
}

/** Settings anyone may change for themselves (the screen's language, also on the lock screen). */
export const PERSONAL_SETTINGS: readonly string[] = ['language'];
/** Settings the app keeps for itself (when the last automatic backup ran). */
export const BOOKKEEPING_SETTINGS: readonly string[] = ['lastAutoBackupAt'];

/** What a change of the app's settings needs: nothing for personal ones, the backup schedule for bookkeeping, else manageSettings. */
export function settingsPermission(keys: readonly string[]): Permission | null {
  const rest = keys.filter((k) => !PERSONAL_SETTINGS.includes(k));
  if (!rest.length) return null;
  if (rest.every((k) => BOOKKEEPING_SETTINGS.includes(k))) return 'backupAuto';
  return 'manageSettings';
}

/**
 * What a plain write of a row needs, per table (db/records.ts createRecord, updateRecord,
 * deleteRecord). Tables written only by their own functions (backups, exchange) are listed too, so
 * a generic write to them is held to the same rule.
 */
export const TABLE_WRITE_PERMISSION: Record<Exclude<TableName, 'settings' | 'auditLog'>, Permission> = {
  organisations: 'manageSettings',
  people: 'editPeople',
  consents: 'editPeople',
  outcomes: 'editPeople',
  importHistory: 'editPeople',
  importMappings: 'editPeople',
  tombstones: 'erasePeople',
  programmes: 'editRecords',
  events: 'editRecords',
  sessions: 'editRecords',
  enrolments: 'editRecords',
  attendance: 'editRecords',
  certificates: 'editRecords',
  evaluations: 'enterEvaluations',
  questionSets: 'enterEvaluations',
  attachments: 'editRecords',
  mentors: 'editRecords',
  menteeProfiles: 'editRecords',
  matches: 'editRecords',
  targets: 'editRecords',
  mentoringSessions: 'logMentoring',
  users: 'manageUsers',
  exchange: 'keys',
  partnerSlices: 'importBundles',
  referrals: 'manageReferrals',
};
