export {
  BACKUP_EXTENSIONS,
  autoBackupIfDue,
  newComputerBackup,
  backupToFile,
  clearWithSafetyCopy,
  listBackups,
  onBackupProblem,
  pickBackupFile,
  pickBackupForNewComputer,
  reportBackupProblem,
  restoreAfterOpenFailed,
  restoreBackupFile,
  restoreOnNewComputer,
  restoreWithSafetyCopy,
  storedBackup,
  writeBackup,
  type BackupFile,
  type BackupProblem,
  type NewComputerBackup,
} from './backups';
export { backupFolderStatus, chooseBackupFolder, forgetBackupFolder } from './backupFolder';
export { backupProblemOf } from './problem';
export { recordBackupOutcome, useBackupHealth } from './health';
