import type { BackupReason } from '../ipc';

/**
 * What rotation keeps in the app's data folder: the newest backup of each of the last 7 days, 4
 * weeks (ISO, Monday first) and 12 months that have backups; besides those, the 3 newest backups
 * of any kind (a backup made a minute ago does not vanish at the next quit) and the 3 newest the
 * user asked for or that were taken before a restore or a clear. Ten quits in one day therefore
 * never push last month out, and a restore followed by quits keeps the data as it was before.
 */
export const RETENTION = { last: 3, daily: 7, weekly: 4, monthly: 12, safety: 3 } as const;
export type RetentionPolicy = { readonly [K in keyof typeof RETENTION]: number };

const SAFETY_REASONS: readonly string[] = ['manual', 'before-restore', 'before-clear', 'before-encryption'] satisfies BackupReason[];

/** Backup file names sort by time; this is the timestamp part (UTC, to the millisecond). */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function backupFileNameFor(reason: BackupReason, date: Date): string {
  return `mreza-backup-${backupStamp(date)}-${reason}.json.gz`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Calendar periods in the machine's local time: the day, ISO week and month the user lived. */
function periods(date: Date): { daily: string; weekly: string; monthly: string } {
  const y = date.getFullYear();
  const m = date.getMonth();
  const d = date.getDate();
  const monday = new Date(y, m, d - ((date.getDay() + 6) % 7));
  return {
    daily: `${y}-${pad(m + 1)}-${pad(d)}`,
    weekly: `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`,
    monthly: `${y}-${pad(m + 1)}`,
  };
}

/**
 * Backup names (any order) that rotation deletes under `policy` (see RETENTION). Names that are
 * not backups are never returned. Each kind of period keeps, newest first, the newest backup of
 * each period until it has kept its number of periods.
 */
export function backupsToDelete(names: readonly string[], policy: RetentionPolicy = RETENTION): string[] {
  const backups = names
    .map((name) => ({ name, at: backupCreatedAt(name) }))
    .filter((b) => b.at !== '')
    .sort((a, b) => (a.at === b.at ? (a.name < b.name ? 1 : -1) : a.at < b.at ? 1 : -1));
  const keep = new Set(backups.slice(0, policy.last).map((b) => b.name));
  for (const kind of ['daily', 'weekly', 'monthly'] as const) {
    const seen = new Set<string>();
    for (const b of backups) {
      if (seen.size >= policy[kind]) break;
      const period = periods(new Date(b.at))[kind];
      if (seen.has(period)) continue;
      seen.add(period);
      keep.add(b.name);
    }
  }
  for (const b of backups.filter((b) => SAFETY_REASONS.includes(backupReason(b.name))).slice(0, policy.safety)) keep.add(b.name);
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** The reason written in a backup's name ('auto', 'before-restore', …), or ''. */
function backupReason(fileName: string): string {
  return /^mreza-backup-\d{8}T\d{9}Z-([a-z-]+)\.json\.gz$/.exec(fileName)?.[1] ?? '';
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
