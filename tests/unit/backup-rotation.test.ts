import { describe, expect, it } from 'vitest';
import { backupCreatedAt, backupFileNameFor, backupsToDelete, isBackupDue, RETENTION } from '@shared/backup/rotation';
import { BACKUP_REASONS, backupFileName, type BackupReason } from '@shared/ipc';

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
    for (const bad of [
      '../mreza-backup-20260315T120000000Z-auto.json.gz',
      'mreza-backup-20260315T120000000Z-Auto.json.gz',
      'mreza-backup-20260315T120000000Z-auto.json',
      '.mreza-backup-20260315T120000000Z.json.gz',
    ]) {
      expect(backupFileName.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('backupsToDelete: 7 daily, 4 weekly, 12 monthly', () => {
  /** A backup at local time on a calendar day (local, as the coordinator lives it). */
  const at = (y: number, m: number, d: number, h = 12, min = 0, reason: BackupReason = 'auto') => backupFileNameFor(reason, new Date(y, m - 1, d, h, min));
  const day = (name: string) => {
    const t = new Date(backupCreatedAt(name));
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  };
  const kept = (names: readonly string[]) => {
    const doomed = new Set(backupsToDelete(names));
    return names.filter((n) => !doomed.has(n));
  };

  it('the policy is 7 daily, 4 weekly, 12 monthly, the 3 newest and the 3 newest safety copies', () => {
    expect(RETENTION).toEqual({ last: 3, daily: 7, weekly: 4, monthly: 12, safety: 3 });
  });

  it('ten quits in one day do not erase the history', () => {
    const history = Array.from({ length: 30 }, (_, i) => at(2026, 2, 1 + (i % 28), 9));
    const quits = Array.from({ length: 10 }, (_, i) => at(2026, 3, 15, 10 + Math.floor(i / 2), (i % 2) * 30, 'quit'));
    const left = kept([...history, ...quits]);
    // The three newest quits of the day stay; the days before it are still there.
    expect(left.filter((n) => day(n) === '2026-03-15').sort()).toEqual(quits.slice(7).sort());
    expect(left.filter((n) => day(n) < '2026-03-15').length).toBeGreaterThanOrEqual(6);
    expect(left).toContain(at(2026, 2, 28, 9));
  });

  it('two years of backups, several a day: the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    const names: string[] = [];
    // 1 March 2024 … 28 February 2026 (a Saturday), some days with a dozen backups (quits).
    for (let d = 0; d < 730; d++) {
      const date = new Date(2024, 2, 1 + d);
      const perDay = d % 7 === 3 ? 12 : 1 + (d % 3);
      for (let k = 0; k < perDay; k++) names.push(at(date.getFullYear(), date.getMonth() + 1, date.getDate(), 8 + k, 5));
    }
    expect(day(names.at(-1)!)).toBe('2026-02-28');
    const shuffled = [...names].sort(() => 0.5 - Math.random());
    const left = kept(shuffled).sort();
    const daily = ['2026-02-22', '2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'];
    // ISO weeks: this one (newest 28 Feb), then the Sundays 22, 15 and 8 February.
    const weekly = ['2026-02-08', '2026-02-15'];
    // Months: February 2026 back to March 2025, each by its last day.
    const monthly = [
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
    ];
    expect([...new Set(left.map(day))]).toEqual([...monthly, ...weekly, ...daily]);
    // Of each kept day, its newest backup; besides, the three newest of all (28 Feb has one, 27 Feb three).
    const lastThree = names.slice(-3);
    expect(lastThree.map(day)).toEqual(['2026-02-27', '2026-02-27', '2026-02-28']);
    for (const n of left.filter((n) => !lastThree.includes(n)))
      expect(n).toBe(
        names
          .filter((o) => day(o) === day(n))
          .sort()
          .at(-1),
      );
    expect(left.filter((n) => day(n) === '2026-02-27')).toEqual(lastThree.slice(0, 2));
    expect(shuffled).toHaveLength(names.length); // the input is not changed
  });

  it('keeps the newest safety copies (asked for, before a restore or a clear) even when later backups follow that day', () => {
    const manual = at(2026, 3, 15, 8, 0, 'manual');
    const before = at(2026, 3, 15, 9, 0, 'before-restore');
    const quits = Array.from({ length: 10 }, (_, i) => at(2026, 3, 15, 10 + i, 0, 'quit'));
    const left = kept([manual, before, ...quits]);
    expect(left.sort()).toEqual([manual, before, ...quits.slice(7)].sort());
    // Five clears in one day, then quits: the three newest safety copies stay.
    const many = Array.from({ length: 5 }, (_, i) => at(2026, 3, 16, 9 + i, 0, 'before-clear'));
    const after = kept([...many, ...Array.from({ length: 3 }, (_, i) => at(2026, 3, 16, 20, i, 'quit'))]);
    expect(after.filter((n) => n.includes('before-clear')).sort()).toEqual(many.slice(2).sort());
  });

  it('deletes nothing while there are few backups', () => {
    const names = [at(2026, 3, 1), at(2026, 3, 2), at(2026, 3, 3)];
    expect(backupsToDelete(names)).toEqual([]);
    expect(backupsToDelete([])).toEqual([]);
  });

  it('orders by time, not by reason, when backups are close together', () => {
    const older = backupFileNameFor('quit', new Date(2026, 2, 15, 11, 59, 59, 999));
    const newer = backupFileNameFor('auto', new Date(2026, 2, 15, 12, 0, 0, 0));
    const oldest = backupFileNameFor('manual', new Date(2026, 2, 15, 11, 0, 0, 0));
    const newest = backupFileNameFor('quit', new Date(2026, 2, 15, 12, 0, 0, 1));
    expect(backupsToDelete([newer, older, oldest, newest], { last: 1, daily: 1, weekly: 1, monthly: 1, safety: 0 })).toEqual([newer, older, oldest]);
    expect(backupsToDelete([newer, older, oldest, newest], { last: 2, daily: 1, weekly: 1, monthly: 1, safety: 1 })).toEqual([older]);
  });

  it('ignores names that are not backups', () => {
    expect(backupsToDelete(['notes.txt', at(2026, 3, 1)])).toEqual([]);
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
