import type { BackupReason } from '../ipc';

/**
 * Whether the automatic backups are failing: set by a failed automatic (daily or quit-time)
 * backup, kept through any number of further failures (with the first one's time), and cleared
 * only by a backup that is written: the shell's warning stays until then.
 */
export interface BackupHealth {
  /** When the first of the failures in a row happened; null while backups work. */
  readonly failingSince: string | null;
  readonly lastFailureAt: string | null;
}

export const HEALTHY: BackupHealth = { failingSince: null, lastFailureAt: null };

export type BackupOutcome = { readonly ok: true; readonly reason: BackupReason } | { readonly ok: false; readonly reason: BackupReason; readonly at: string };

/** Only automatic backups raise the warning: a failed "Back up now" is told to the person who clicked it. */
const AUTOMATIC: readonly BackupReason[] = ['auto', 'quit'];

export function nextBackupHealth(health: BackupHealth, outcome: BackupOutcome): BackupHealth {
  if (outcome.ok) return HEALTHY;
  if (!AUTOMATIC.includes(outcome.reason)) return health;
  return { failingSince: health.failingSince ?? outcome.at, lastFailureAt: outcome.at };
}
