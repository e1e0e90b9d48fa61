import { describe, expect, it } from 'vitest';
import { backupCreatedAt, backupFileNameFor, backupsToDelete, isBackupDue, KEEP_BACKUPS } from '@shared/backup/rotation';
import { BACKUP_REASONS, backupFileName } from '@shared/ipc';

const HOUR = 60 * 60 * 1000;
const NOW = new Date('2026-03-15T12:00:00.000Z');

describe('backupFileNameFor / backupCreatedAt', () => {
  it.each(BACKUP_REASONS)('names a "%s" backup so that main accepts the name', (reason) => {
    const name = backupFileNameFor(reason, NOW);
    expect(name).toBe(`mreza-backup-20260315T120000000Z-${reason}.json.gz`);
    expect(backupFileName.safeParse(name).success).toBe(true);
  });

  it('the creation time can be read back from the name', () => {
    for (const d of [NOW, new Date('1999-12-31T23:59:59.999Z'), new Date('2026-01-02T03:04:05.006Z')]) {
      expect(backupCreatedAt(backupFileNameFor('auto', d))).toBe(d.toISOString());
    }
    expect(backupCreatedAt('holiday-photo.jpg')).toBe('');
    expect(backupCreatedAt('mreza-backup-2026.json.gz')).toBe('');
  });

  it('names main would refuse are not backups', () => {
    for (const bad of ['../mreza-backup-20260315T120000000Z-auto.json.gz', 'mreza-backup-20260315T120000000Z-Auto.json.gz', 'mreza-backup-20260315T120000000Z-auto.json', '.mreza-backup-20260315T120000000Z.json.gz']) {
      expect(backupFileName.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('backupsToDelete', () => {
  const names = Array.from({ length: 14 }, (_, i) => backupFileNameFor(BACKUP_REASONS[i % BACKUP_REASONS.length]!, new Date(NOW.getTime() - i * 7 * HOUR)));
  const shuffled = [...names].sort(() => 0.5 - Math.random());

  it(`keeps the newest ${KEEP_BACKUPS}, whatever order they are listed in`, () => {
    expect(KEEP_BACKUPS).toBe(10);
    const doomed = backupsToDelete(shuffled);
    expect(doomed.sort()).toEqual(names.slice(10).sort());
    expect(shuffled).toHaveLength(14); // the input is not changed
  });

  it('deletes nothing while there are ten or fewer', () => {
    expect(backupsToDelete(names.slice(0, 10))).toEqual([]);
    expect(backupsToDelete([])).toEqual([]);
  });

  it('honours a different number to keep', () => {
    expect(backupsToDelete(shuffled, 3).sort()).toEqual(names.slice(3).sort());
  });

  it('orders by time, not by reason, when backups are close together', () => {
    const older = backupFileNameFor('quit', new Date('2026-03-15T11:59:59.999Z'));
    const newer = backupFileNameFor('auto', new Date('2026-03-15T12:00:00.000Z'));
    expect(backupsToDelete([newer, older], 1)).toEqual([older]);
  });
});

describe('isBackupDue', () => {
  it('is due when there has never been one', () => {
    expect(isBackupDue(undefined, NOW)).toBe(true);
    expect(isBackupDue('', NOW)).toBe(true);
  });

  it('runs at most once a day', () => {
    expect(isBackupDue(new Date(NOW.getTime() - 23 * HOUR).toISOString(), NOW)).toBe(false);
    expect(isBackupDue(new Date(NOW.getTime() - 1).toISOString(), NOW)).toBe(false);
    expect(isBackupDue(new Date(NOW.getTime() - 24 * HOUR).toISOString(), NOW)).toBe(true);
    expect(isBackupDue(new Date(NOW.getTime() - 25 * HOUR).toISOString(), NOW)).toBe(true);
  });

  it('is due when the last time is in the future (clock changed) or unreadable', () => {
    expect(isBackupDue(new Date(NOW.getTime() + HOUR).toISOString(), NOW)).toBe(true);
    expect(isBackupDue('yesterday', NOW)).toBe(true);
  });
});
