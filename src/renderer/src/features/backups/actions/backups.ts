import { backupDownloadName } from '@shared/backup/fileName';
import type { Permission } from '@shared/auth/permissions';
import { BackupError } from '@shared/backup/format';
import { isSealedBackup, readSealedHeader } from '@shared/backup/sealed';
import { isBackupDue } from '@shared/backup/rotation';
import type { BackupInfo, BackupReason, FolderCopyError, Response } from '@shared/ipc';
import { SYSTEM_ACTOR, type Actor } from '../../../db/actor';
import { audit } from '../../../db/audit';
import { backupBytes, clearAllData, readBackupFile, restoreBackup } from '../../../db/backup';
import { createDb, type MrezaDb } from '../../../db/db';
import { activeDbName, freshDbName, rememberDbName } from '../../../db/dbName';
import { carryOverErasures, deleteLedger } from '../../../db/ledger';
import { isUnlocked } from '../../../db/keyring';
import { orgToday } from '../../../db/orgDay';
import { requirePermission } from '../../../db/permissions';
import { getSelfOrganisation } from '../../../db/setup';
import { getSettings, saveSettings } from '../../../db/settings';
import { platform } from '../../../platform';
import { recordBackupOutcome } from './health';

/** A backup went wrong where the user did not ask for it: the app shows it (never silent). */
export type BackupProblem = { kind: 'folderCopy'; code: FolderCopyError } | { kind: 'automatic' };
const problemListeners = new Set<(problem: BackupProblem) => void>();
export function onBackupProblem(listener: (problem: BackupProblem) => void): () => void {
  problemListeners.add(listener);
  return () => problemListeners.delete(listener);
}
export function reportBackupProblem(problem: BackupProblem): void {
  for (const listener of problemListeners) listener(problem);
}

/** What writing a backup for this reason needs: the automatic ones the app's own, "Back up now" and the safety copies a coordinator's. */
const BACKUP_PERMISSION: Record<BackupReason, Permission> = {
  auto: 'backupAuto',
  quit: 'backupAuto',
  manual: 'backupSave',
  'before-restore': 'replaceAllData',
  'before-clear': 'replaceAllData',
  'before-encryption': 'backupAuto',
};

/**
 * Writes a backup of everything into the app's backup folder (rotation keeps 7 daily, 4 weekly,
 * 12 monthly) and, in the desktop app, main copies it to the chosen backup folder too.
 */
export async function writeBackup(db: MrezaDb, reason: BackupReason, actor: Actor = SYSTEM_ACTOR): Promise<Response<'backup:write'>> {
  requirePermission(actor, BACKUP_PERMISSION[reason]);
  let info: Response<'backup:write'>;
  try {
    info = await platform.invoke('backup:write', { reason, data: await backupBytes(db) });
  } catch (e) {
    recordBackupOutcome({ ok: false, reason, at: new Date().toISOString() });
    throw e;
  }
  recordBackupOutcome({ ok: true, reason });
  if (reason === 'auto' || reason === 'quit') await saveSettings(db, actor, { lastAutoBackupAt: info.createdAt || new Date().toISOString() });
  if (info.folderCopy && !info.folderCopy.ok) reportBackupProblem({ kind: 'folderCopy', code: info.folderCopy.code });
  return info;
}

/** The daily automatic backup; returns null when one was made less than a day ago, or while locked (no data key to encrypt it with). */
export async function autoBackupIfDue(db: MrezaDb, now = new Date()): Promise<BackupInfo | null> {
  if (!isUnlocked(db)) return null;
  const settings = await getSettings(db);
  if (!settings || !isBackupDue(settings.lastAutoBackupAt, now)) return null;
  return writeBackup(db, 'auto');
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

/** The backups in the app's own folder (automatic, on quit, "Back up now", safety copies). */
export function listBackups(): Promise<BackupInfo[]> {
  return platform.invoke('backup:list', undefined);
}

/** A backup's bytes and name, to restore. */
export interface BackupFile {
  bytes: Uint8Array;
  fileName: string;
}

/** A backup file's extension (`….json.gz`), for the open dialog and the drop zones. */
export const BACKUP_EXTENSIONS = ['gz'] as const;
const BACKUP_FILTERS = [{ name: 'Mreža backup', extensions: [...BACKUP_EXTENSIONS] }];

/** A backup file the user picks (a USB stick, another computer's copy); null when she cancels. */
export async function pickBackupFile(): Promise<BackupFile | null> {
  const [file] = await platform.invoke('file:open', { filters: BACKUP_FILTERS, multiple: false });
  return file ? { bytes: file.data, fileName: file.fileName } : null;
}

/** One of the backups in the app's own folder. */
export async function storedBackup(fileName: string): Promise<BackupFile> {
  return { bytes: await platform.invoke('backup:read', { fileName }), fileName };
}

/**
 * Settings → Backups → Restore: `needsKey` when the backup belongs to another keyring (another
 * computer, or from before a restore) and no `dataKey` was given: the screen then asks for one of
 * its passphrases or its recovery key. Nothing is written in that case.
 */
export async function restoreBackupFile(db: MrezaDb, actor: Actor, file: BackupFile, dataKey?: Uint8Array): Promise<'restored' | 'needsKey'> {
  try {
    await restoreWithSafetyCopy(db, actor, file.bytes, file.fileName, dataKey);
    return 'restored';
  } catch (e) {
    if (!dataKey && e instanceof BackupError && e.code === 'needsKey') return 'needsKey';
    throw e;
  }
}

/**
 * Restores a backup; the data as it is now is backed up first, so a restore can itself be undone.
 * An encrypted backup of another keyring needs `dataKey` (from its passphrase or recovery key):
 * without it this throws BackupError `needsKey` before anything is written.
 */
export async function restoreWithSafetyCopy(db: MrezaDb, actor: Actor, bytes: Uint8Array, fileName: string, dataKey?: Uint8Array): Promise<void> {
  requirePermission(actor, 'replaceAllData');
  // Validate before touching anything: a bad file must not even create a safety copy.
  await readBackupFile(db, bytes, dataKey);
  await writeBackup(db, 'before-restore', actor);
  await restoreBackup(db, actor, bytes, fileName, dataKey);
}

/** A backup picked on the setup screen, and whether a passphrase or recovery key must open it. */
export interface NewComputerBackup extends BackupFile {
  sealed: boolean;
}

/**
 * The setup screen's "Choose the backup file": an encrypted backup's header is checked (size,
 * KDF parameters) before anything is asked or derived; throws BackupError when it is refused.
 */
export async function pickBackupForNewComputer(): Promise<NewComputerBackup | null> {
  const file = await pickBackupFile();
  return file ? newComputerBackup(file) : null;
}

/** A backup file chosen or dropped on the setup screen, its header checked as above. */
export function newComputerBackup(file: BackupFile): NewComputerBackup {
  const sealed = isSealedBackup(file.bytes);
  if (sealed) readSealedHeader(file.bytes);
  return { ...file, sealed };
}

/**
 * "Restore from a backup" on the setup screen (moving to a new computer): only into an empty
 * installation; afterwards the lock screen asks for a passphrase of that backup.
 */
export async function restoreOnNewComputer(db: MrezaDb, bytes: Uint8Array, fileName: string, dataKey?: Uint8Array): Promise<void> {
  if (await getSelfOrganisation(db)) throw new Error('already set up');
  const { snapshot } = await readBackupFile(db, bytes, dataKey);
  // The restore is recorded in the name of the backup's first coordinator: nobody is signed in yet.
  const coordinator = (snapshot.tables.users as Array<{ id: string; name: string; role: string }>).find((u) => u.role === 'coordinator');
  if (!coordinator) throw new BackupError('invalidRow');
  await restoreBackup(db, { userId: coordinator.id, userName: coordinator.name, role: 'coordinator' }, bytes, fileName, dataKey);
}

/**
 * "Restore from a backup" on the screen for data that will not open: the same restore as on a new
 * computer, into a new, empty database; only when it has succeeded does the app open that one from
 * the next start on. The database that did not open is never touched (only its erasure ledger is
 * read, so nobody erased there comes back from the backup), and a refused file or a wrong key
 * leaves nothing behind (the half-made database is deleted).
 */
export async function restoreAfterOpenFailed(
  bytes: Uint8Array,
  fileName: string,
  dataKey?: Uint8Array,
  storage?: Parameters<typeof rememberDbName>[1],
): Promise<string> {
  const name = freshDbName();
  const db = createDb(name);
  try {
    await db.open();
    await readBackupFile(db, bytes, dataKey); // a bad file or a wrong key: before anything is carried over
    await carryOverErasures(activeDbName(storage), db);
    await restoreOnNewComputer(db, bytes, fileName, dataKey);
  } catch (e) {
    await deleteLedger(db).catch(() => undefined);
    await db.delete().catch(() => undefined);
    throw e;
  }
  db.close();
  rememberDbName(name, storage);
  return name;
}

export async function clearWithSafetyCopy(db: MrezaDb, actor: Actor): Promise<void> {
  requirePermission(actor, 'replaceAllData');
  await writeBackup(db, 'before-clear', actor);
  await clearAllData(db, actor);
}
