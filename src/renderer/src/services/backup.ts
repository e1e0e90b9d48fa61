import type { Permission } from '@shared/auth/permissions';
import { decodeBackup } from '@shared/backup/format';
import { isBackupDue } from '@shared/backup/rotation';
import type { BackupInfo, BackupReason } from '@shared/ipc';
import { SYSTEM_ACTOR, type Actor } from '../db/actor';
import { audit } from '../db/audit';
import { backupBytes, clearAllData, restoreBackup } from '../db/backup';
import type { MrezaDb } from '../db/db';
import { orgToday } from '../db/orgDay';
import { requirePermission } from '../db/permissions';
import { SCHEMA_VERSION } from '../db/schema';
import { getSettings, saveSettings } from '../db/settings';
import { platform } from '../platform';

/** What writing a backup for this reason needs: the automatic ones the app's own, "Back up now" and the safety copies a coordinator's. */
const BACKUP_PERMISSION: Record<BackupReason, Permission> = { auto: 'backupAuto', quit: 'backupAuto', manual: 'backupSave', 'before-restore': 'replaceAllData', 'before-clear': 'replaceAllData' };

/** Writes a backup of everything into the app's backup folder (rotation keeps 7 daily, 4 weekly, 12 monthly). */
export async function writeBackup(db: MrezaDb, reason: BackupReason, actor: Actor = SYSTEM_ACTOR): Promise<BackupInfo> {
  requirePermission(actor, BACKUP_PERMISSION[reason]);
  const info = await platform.invoke('backup:write', { reason, data: await backupBytes(db) });
  if (reason === 'auto' || reason === 'quit') await saveSettings(db, actor, { lastAutoBackupAt: info.createdAt || new Date().toISOString() });
  return info;
}

/** The daily automatic backup; returns null when one was made less than a day ago. */
export async function autoBackupIfDue(db: MrezaDb, now = new Date()): Promise<BackupInfo | null> {
  const settings = await getSettings(db);
  if (!settings || !isBackupDue(settings.lastAutoBackupAt, now)) return null;
  return writeBackup(db, 'auto');
}

/** `mreza-backup-<org>-<yyyy-mm-dd>.json.gz` for the organisation's local day. */
export function backupDownloadName(orgName: string, day: string): string {
  const slug = orgName.normalize('NFD').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40) || 'mreza';
  return `mreza-backup-${slug}-${day}.json.gz`;
}

/** A backup the user saves where they choose (USB stick, network drive). Recorded as an export. */
export async function backupToFile(db: MrezaDb, actor: Actor, orgName: string): Promise<string | null> {
  requirePermission(actor, 'backupSave');
  const saved = await platform.invoke('file:save', {
    suggestedName: backupDownloadName(orgName, await orgToday(db)),
    filters: [{ name: 'Mreža backup', extensions: ['gz'] }],
    data: await backupBytes(db),
  });
  if (saved) await db.transaction('rw', db.auditLog, () => audit(db, actor, 'export', '*', undefined, 'backupFile', { detail: saved.fileName }));
  return saved?.fileName ?? null;
}

/** Restores a backup; the data as it is now is backed up first, so a restore can itself be undone. */
export async function restoreWithSafetyCopy(db: MrezaDb, actor: Actor, bytes: Uint8Array, fileName: string): Promise<void> {
  requirePermission(actor, 'replaceAllData');
  // Validate before touching anything: a bad file must not even create a safety copy.
  decodeBackup(bytes, SCHEMA_VERSION);
  await writeBackup(db, 'before-restore', actor);
  await restoreBackup(db, actor, bytes, fileName);
}

export async function clearWithSafetyCopy(db: MrezaDb, actor: Actor): Promise<void> {
  requirePermission(actor, 'replaceAllData');
  await writeBackup(db, 'before-clear', actor);
  await clearAllData(db, actor);
}
