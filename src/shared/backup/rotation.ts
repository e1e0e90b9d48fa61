import type { BackupReason } from '../ipc';

/** How many automatic backups the app keeps in its data folder. */
export const KEEP_BACKUPS = 10;

/** Backup file names sort by time; this is the timestamp part (UTC, to the millisecond). */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function backupFileNameFor(reason: BackupReason, date: Date): string {
  return `mreza-backup-${backupStamp(date)}-${reason}.json.gz`;
}

/** Backup names (any order) to delete so only the newest `keep` remain; names sort by time. */
export function backupsToDelete(names: readonly string[], keep = KEEP_BACKUPS): string[] {
  return [...names].sort().reverse().slice(keep);
}

/** The creation time encoded in a backup file name, as ISO, or '' when it has none. */
export function backupCreatedAt(fileName: string): string {
  const m = /^mreza-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(fileName);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : '';
}

/** Automatic backups run at most once a day. */
export function isBackupDue(lastAt: string | undefined, now: Date): boolean {
  if (!lastAt) return true;
  const last = Date.parse(lastAt);
  return !Number.isFinite(last) || now.getTime() - last >= 24 * 60 * 60 * 1000 || last > now.getTime();
}
