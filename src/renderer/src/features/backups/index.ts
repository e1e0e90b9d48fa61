// The backups capability's public face: Settings → Backups, restoring on a new computer (setup
// screen), the schedule of automatic backups (app/Root) and the safety copy before clearing.
export { BackupSettings } from './BackupSettings';
export { RestoreFromBackup } from './RestoreFromBackup';
export { useBackupSchedule } from './useBackupSchedule';
export { clearWithSafetyCopy, writeBackup } from './actions';
