import { useEffect } from 'react';
import type { MrezaDb } from '../db/db';
import { platform } from '../platform';
import { autoBackupIfDue, writeBackup } from '../services/backup';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Daily automatic backups while the app runs, and one more when the user quits (Electron). */
export function useBackupSchedule(db: MrezaDb, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const run = () => void autoBackupIfDue(db).catch((e: unknown) => console.error('automatic backup failed', e));
    run();
    const timer = setInterval(run, CHECK_EVERY_MS);
    const off = platform.on('app:beforeQuit', () => {
      void writeBackup(db, 'quit')
        .catch((e: unknown) => console.error('quit backup failed', e))
        .finally(() => void platform.invoke('app:quitReady', undefined));
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [db, enabled]);
}
