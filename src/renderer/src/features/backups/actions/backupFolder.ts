import type { BackupFolderStatus, Response } from '@shared/ipc';
import { platform } from '../../../platform';

/**
 * The backup folder (a USB stick, a network share) that receives a copy of every backup. Main
 * checks and remembers it; in a plain browser it is not supported.
 */
export function backupFolderStatus(): Promise<BackupFolderStatus> {
  return platform.invoke('backupFolder:get', undefined);
}

/** The folder dialog: chosen (with the new status), refused (and why) or cancelled. */
export function chooseBackupFolder(): Promise<Response<'backupFolder:choose'>> {
  return platform.invoke('backupFolder:choose', undefined);
}

/** Stops copying backups to the folder; the app's own backups go on. */
export function forgetBackupFolder(): Promise<BackupFolderStatus> {
  return platform.invoke('backupFolder:forget', undefined);
}
