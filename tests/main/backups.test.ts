import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName } from '@shared/ipc';
import { backupFileNameFor, backupTimestamp, BACKUP_RETENTION, createBackupHandlers, parseBackupTime } from '../../src/main/handlers/backups';

let base: string;
let dir: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'mreza-backups-'));
  dir = join(base, 'userData', 'backups');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A clock that advances one second per call from a fixed UTC instant. */
function steppingClock(start = Date.UTC(2026, 10, 23, 9, 1, 2, 123), stepMs = 1000): () => Date {
  let t = start;
  return () => {
    const d = new Date(t);
    t += stepMs;
    return d;
  };
}
const gz = (n: number): Uint8Array => new Uint8Array([0x1f, 0x8b, 8, 0, n & 0xff]);

describe('backup names', () => {
  it('uses a UTC timestamp with milliseconds and matches the contract for every reason', () => {
    const date = new Date(Date.UTC(2026, 10, 23, 9, 1, 2, 123));
    expect(backupTimestamp(date)).toBe('20261123T090102123Z');
    expect(backupFileNameFor(date, 'auto')).toBe('mreza-backup-20261123T090102123Z-auto.json.gz');
    for (const reason of ['auto', 'quit', 'manual', 'before-restore', 'before-clear'] as const) {
      const name = backupFileNameFor(date, reason);
      expect(backupFileName.safeParse(name).success, name).toBe(true);
    }
    expect(parseBackupTime('mreza-backup-20261123T090102123Z-auto.json.gz')?.toISOString()).toBe('2026-11-23T09:01:02.123Z');
  });
});

describe('backup handlers', () => {
  it('writes the bytes as they are into <userData>/backups and reads them back', async () => {
    const backups = createBackupHandlers({ dir, now: steppingClock() });
    const data = gz(7);
    const info = await backups.write({ reason: 'manual', data });
    expect(info.fileName).toBe('mreza-backup-20261123T090102123Z-manual.json.gz');
    expect(info.size).toBe(data.byteLength);
    expect(info.createdAt).toBe('2026-11-23T09:01:02.123Z');
    expect(new Uint8Array(await readFile(join(dir, info.fileName)))).toEqual(data);
    const back = await backups.read({ fileName: info.fileName });
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Array.from(back)).toEqual(Array.from(data));
  });

  it('gives every write a unique timestamp, even within one millisecond', async () => {
    const fixed = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 0));
    const backups = createBackupHandlers({ dir, now: () => fixed });
    const infos = await Promise.all([1, 2, 3].map((n) => backups.write({ reason: 'auto', data: gz(n) })));
    const names = infos.map((i) => i.fileName);
    expect(new Set(names).size).toBe(3);
    expect(names).toEqual([
      'mreza-backup-20260101T000000000Z-auto.json.gz',
      'mreza-backup-20260101T000000001Z-auto.json.gz',
      'mreza-backup-20260101T000000002Z-auto.json.gz',
    ]);
    // A new store (app restart) with the same clock still does not reuse a timestamp on disk.
    const again = await createBackupHandlers({ dir, now: () => fixed }).write({ reason: 'quit', data: gz(4) });
    expect(again.fileName).toBe('mreza-backup-20260101T000000003Z-quit.json.gz');
  });

  it('lists newest first', async () => {
    const backups = createBackupHandlers({ dir, now: steppingClock() });
    const a = await backups.write({ reason: 'auto', data: gz(1) });
    const b = await backups.write({ reason: 'before-restore', data: gz(2) });
    const c = await backups.write({ reason: 'quit', data: gz(3) });
    const list = await backups.list();
    expect(list.map((i) => i.fileName)).toEqual([c.fileName, b.fileName, a.fileName]);
    expect(list[0]).toEqual(c);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await createBackupHandlers({ dir }).list()).toEqual([]);
  });

  it('rotation keeps 7 daily, 4 weekly and 12 monthly backups and never touches other files', async () => {
    expect(BACKUP_RETENTION).toEqual({ last: 3, daily: 7, weekly: 4, monthly: 12, safety: 3 });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeFile(join(dir, 'mreza-backup-old.json'), 'not matching');
    await mkdir(join(dir, 'mreza-backup-20000101T000000000Z-auto.json.gz')); // a directory with a matching name
    // One backup a day at local noon for 40 days, then fifteen quits on the last day.
    let t = new Date(2026, 0, 1, 12).getTime();
    const backups = createBackupHandlers({ dir, now: () => new Date(t) });
    const daily: string[] = [];
    for (let i = 0; i < 40; i++) {
      t = new Date(2026, 0, 1 + i, 12).getTime();
      daily.push((await backups.write({ reason: 'auto', data: gz(i) })).fileName);
    }
    const quits: string[] = [];
    for (let i = 0; i < 15; i++) {
      t = new Date(2026, 1, 9, 13, i).getTime();
      quits.push((await backups.write({ reason: 'quit', data: gz(i) })).fileName);
    }
    const list = (await backups.list()).map((i) => i.fileName);
    // The last three quits of 9 February, the six days before it, and January (its last day, 31st).
    expect(list.slice(0, 3)).toEqual(quits.slice(-3).reverse());
    expect(list).not.toContain(quits[0]);
    expect(list).not.toContain(quits[11]);
    for (const name of daily.slice(33, 39)) expect(list).toContain(name);
    expect(list).toContain(daily[30]);
    expect(list).not.toContain(daily[0]);
    const onDisk = await readdir(dir);
    expect(onDisk).toContain('notes.txt');
    expect(onDisk).toContain('mreza-backup-old.json');
    expect(onDisk).toContain('mreza-backup-20000101T000000000Z-auto.json.gz');
    expect(onDisk.filter((n) => backupFileName.safeParse(n).success && !n.startsWith('mreza-backup-2000')).sort()).toEqual([...list].sort());
  });

  it('leaves no temporary file behind, after success or failure', async () => {
    const backups = createBackupHandlers({ dir, now: steppingClock() });
    await backups.write({ reason: 'auto', data: gz(1) });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp') || n.startsWith('.'))).toEqual([]);

    // Make the rename fail: the target name is taken by a non-empty directory.
    const clockAt = Date.UTC(2030, 0, 1);
    const target = backupFileNameFor(new Date(clockAt), 'auto');
    const failing = createBackupHandlers({ dir: join(base, 'other'), now: () => new Date(clockAt) });
    // Occupy the exact target with a directory that the unique-name check ignores (not a file).
    await mkdir(join(base, 'other', target, 'child'), { recursive: true });
    await expect(failing.write({ reason: 'auto', data: gz(2) })).rejects.toThrow();
    expect((await readdir(join(base, 'other'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to read names that are not backups, and paths outside the folder', async () => {
    const backups = createBackupHandlers({ dir, now: steppingClock() });
    await backups.write({ reason: 'auto', data: gz(1) });
    await writeFile(join(base, 'userData', 'secret.json.gz'), 'secret');
    for (const name of [
      '../secret.json.gz',
      '..%2fsecret.json.gz',
      '/etc/passwd',
      'mreza-backup-20261123T090102123Z-auto.json.gz/../../secret.json.gz',
      'notes.txt',
      '.mreza-backup-20261123T090102123Z-auto.json.gz',
      'mreza-backup-20261123T090102123Z-Auto.json.gz',
      '',
    ]) {
      await expect(backups.read({ fileName: name }), name).rejects.toThrow(/Not a backup file name/);
    }
    await expect(backups.read({ fileName: 'mreza-backup-20991231T000000000Z-auto.json.gz' })).rejects.toThrow(/Backup not found/);
  });
});
