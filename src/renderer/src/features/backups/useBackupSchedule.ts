import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MrezaDb } from '../../db/db';
import { isUnlocked } from '../../db/keyring';
import { platform } from '../../platform';
import { logProblem } from '../../platform/log';
import { autoBackupIfDue, onBackupProblem, reportBackupProblem, writeBackup } from './actions';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Daily automatic backups while the app runs, and one more when the user quits (Electron). */
export function useBackupSchedule(db: MrezaDb, enabled: boolean, signedIn: boolean): void {
  const { t } = useTranslation('backup');
  // A copy that did not reach the backup folder (the stick was pulled out) or an automatic backup
  // that failed is said out loud, and stays until closed.
  useEffect(
    () =>
      onBackupProblem((problem) => {
        // A failed automatic backup is the shell's standing warning (BackupFailingBanner), not a toast.
        if (problem.kind !== 'folderCopy') return;
        notifications.show({
          id: `backup-${problem.kind}`,
          color: 'red',
          autoClose: false,
          title: t('folder.copyFailedTitle'),
          message: t(`folder.errors.${problem.code}`),
        });
      }),
    [t],
  );
  useEffect(() => {
    if (!enabled) return;
    const run = () =>
      void autoBackupIfDue(db).catch((e: unknown) => {
        console.error('automatic backup failed', e);
        logProblem('error', 'automatic backup failed', e);
        reportBackupProblem({ kind: 'automatic' });
      });
    run();
    const timer = setInterval(run, CHECK_EVERY_MS);
    const off = platform.on('app:beforeQuit', () => {
      // Locked: no data key to encrypt with, and nothing was written since the lock.
      const backup = isUnlocked(db) ? writeBackup(db, 'quit') : Promise.resolve();
      void backup.catch((e: unknown) => console.error('quit backup failed', e)).finally(() => void platform.invoke('app:quitReady', undefined));
    });
    return () => {
      clearInterval(timer);
      off();
    };
    // Re-run on sign-in: the daily backup that was due while locked is written at once.
  }, [db, enabled, signedIn]);
}
