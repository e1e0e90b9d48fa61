import { useSyncExternalStore } from 'react';
import { HEALTHY, nextBackupHealth, type BackupHealth, type BackupOutcome } from '@shared/backup/health';

/*
 * How the last backups went, for the shell's warning. Kept in memory: after a restart the daily
 * backup is still due (a failed one records no date), runs at sign-in, and raises it again if it
 * still fails.
 */
let health: BackupHealth = HEALTHY;
const listeners = new Set<() => void>();

export function recordBackupOutcome(outcome: BackupOutcome): void {
  const next = nextBackupHealth(health, outcome);
  if (next === health) return;
  health = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBackupHealth(): BackupHealth {
  return useSyncExternalStore(subscribe, () => health);
}
