import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileNameFor, backupsToDelete } from '@shared/backup/rotation';
import { createBackupFolder, nodeFolderFs, type FolderFs } from '../../src/main/handlers/backupFolder';
import { createBackupHandlers } from '../../src/main/handlers/backups';
import { createHandlers } from '../../src/main/handlers';
import type { DialogLike } from '../../src/main/handlers/files';
import type { InvokeEventLike } from '../../src/main/ipc';

/** #15 item 3: automatic backups also go to a folder the coordinator chooses (a USB stick, a share). */

let base: string;
let appDir: string;
let stick: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'mreza-folder-'));
  appDir = join(base, 'userData', 'backups');
  stick = join(base, 'USB-STICK', 'Mreza');
  await mkdir(stick, { recursive: true });
});
afterEach(async () => {
  await chmod(stick, 0o755).catch(() => undefined);
  await rm(base, { recursive: true, force: true });
});

const picks = (path: string | null): DialogLike => ({
  showSaveDialog: async () => ({ canceled: true, filePath: '' }),
  showOpenDialog: async () => (path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] }),
});
const event: InvokeEventLike = { senderFrame: null, sender: { printToPDF: async () => new Uint8Array(), print: () => undefined } };
const gz = (n: number) => new Uint8Array([0x1f, 0x8b, 8, 0, n & 0xff]);
const failing = (method: keyof FolderFs, code: string, when: (path: string) => boolean = () => true): FolderFs => ({
  ...nodeFolderFs,
  [method]: async (...args: [string, Uint8Array]) => {
    if (when(args[0])) throw Object.assign(new Error(code), { code });
    return (nodeFolderFs[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  },
});
function handlers(dialog: DialogLike, folderFs?: FolderFs) {
  return createHandlers({
    app: { getVersion: () => '1', getPreferredSystemLanguages: () => ['hr'] },
    platform: 'linux',
    backupDir: appDir,
    dialog,
    folderFs,
    quitReady: () => true,
    setLocale: () => true,
    openedFiles: { take: async () => [] },
    logLine: () => true,
    openLogsFolder: async () => true,
  });
}
const names = async (dir: string) => (await readdir(dir)).sort();

describe('choosing the folder: an existing folder this app can write to', () => {
  it('is remembered in main (not in the renderer) and survives a restart', async () => {
    const h = handlers(picks(stick));
    expect(await h['backupFolder:get'](undefined, event)).toEqual({ supported: true, folder: null, lastCopy: null, lastError: null });
    const chosen = await h['backupFolder:choose'](undefined, event);
    expect(chosen).toEqual({ status: 'chosen', folder: { supported: true, folder: stick, lastCopy: null, lastError: null } });
    expect((await handlers(picks(null))['backupFolder:get'](undefined, event)).folder).toBe(stick);
    expect(await names(stick)).toEqual([]); // the write test left nothing behind
  });

  it('refuses a missing folder, a file, a relative path, the app’s own backup folder and a read-only folder, and keeps the previous choice', async () => {
    const h = handlers(picks(stick));
    await h['backupFolder:choose'](undefined, event);
    const file = join(base, 'notes.txt');
    await writeFile(file, 'x');
    await mkdir(join(appDir, 'inner'), { recursive: true });
    const cases: [string, string, FolderFs?][] = [
      [join(base, 'gone'), 'notFound'],
      [file, 'notADirectory'],
      ['relative/folder', 'notFound'],
      [appDir, 'appFolder'],
      [join(appDir, 'inner'), 'appFolder'],
      [join(base, 'USB-STICK'), 'notWritable', failing('writeNew', 'EROFS')],
    ];
    for (const [path, reason, fs] of cases) {
      expect(await handlers(picks(path), fs)['backupFolder:choose'](undefined, event), path).toEqual({ status: 'refused', reason });
    }
    expect(await handlers(picks(null))['backupFolder:choose'](undefined, event)).toEqual({ status: 'cancelled' });
    expect((await h['backupFolder:get'](undefined, event)).folder).toBe(stick);
  });
});

describe('every backup is copied there', () => {
  it('the same bytes, atomically, and the status says when', async () => {
    const h = handlers(picks(stick));
    await h['backupFolder:choose'](undefined, event);
    const data = gz(7);
    const info = await h['backup:write']({ reason: 'auto', data }, event);
    expect(info.folderCopy).toEqual({ ok: true });
    expect(await names(stick)).toEqual([info.fileName]);
    expect(new Uint8Array(await readFile(join(stick, info.fileName)))).toEqual(data);
    const status = await h['backupFolder:get'](undefined, event);
    expect(status.lastCopy?.fileName).toBe(info.fileName);
    expect(status.lastError).toBeNull();
  });

  it('without a chosen folder nothing is copied and the answer has no folderCopy', async () => {
    const info = await handlers(picks(null))['backup:write']({ reason: 'auto', data: gz(1) }, event);
    expect(info.folderCopy).toBeUndefined();
    expect(await names(stick)).toEqual([]);
  });

  it('the stick was pulled out: the backup is still made in the app’s folder, the failure is reported and remembered, and the next copy works again', async () => {
    const h = handlers(picks(stick));
    await h['backupFolder:choose'](undefined, event);
    await rm(join(base, 'USB-STICK'), { recursive: true });
    const info = await h['backup:write']({ reason: 'auto', data: gz(2) }, event);
    expect(info.folderCopy).toEqual({ ok: false, code: 'folderMissing' });
    expect(await names(appDir)).toEqual([info.fileName]);
    expect((await h['backupFolder:get'](undefined, event)).lastError?.code).toBe('folderMissing');
    await mkdir(stick, { recursive: true }); // plugged back in
    const next = await h['backup:write']({ reason: 'quit', data: gz(3) }, event);
    expect(next.folderCopy).toEqual({ ok: true });
    expect((await h['backupFolder:get'](undefined, event)).lastError).toBeNull();
  });

  it('a full or read-only stick: the failure is named, no half-written file is left there', async () => {
    for (const [code, expected] of [
      ['ENOSPC', 'diskFull'],
      ['EACCES', 'notWritable'],
      ['EIO', 'failed'],
    ] as const) {
      await handlers(picks(stick))['backupFolder:choose'](undefined, event);
      const h = handlers(
        picks(stick),
        failing('rename', code, (p) => p.startsWith(stick)),
      );
      const info = await h['backup:write']({ reason: 'auto', data: gz(4) }, event);
      expect(info.folderCopy, code).toEqual({ ok: false, code: expected });
      expect(await names(stick)).toEqual([]);
    }
  });

  it('a path in the configuration that is now a file (another drive under the same letter) is not written through', async () => {
    const h = handlers(picks(stick));
    await h['backupFolder:choose'](undefined, event);
    await rm(stick, { recursive: true });
    await writeFile(stick, 'not a folder');
    expect((await h['backup:write']({ reason: 'auto', data: gz(5) }, event)).folderCopy).toEqual({ ok: false, code: 'folderMissing' });
  });

  it('refuses to copy more than the size cap', async () => {
    const folder = createBackupFolder({ configPath: join(base, 'cfg.json'), appBackupDir: appDir, dialog: picks(stick), maxBytes: 4 });
    await folder.choose();
    expect(await folder.copy(backupFileNameFor('auto', new Date()), gz(6))).toEqual({ ok: false, code: 'tooLarge' });
    expect(await names(stick)).toEqual([]);
  });

  it('a damaged or oversized configuration file counts as no folder', async () => {
    const configPath = join(base, 'cfg.json');
    const folder = createBackupFolder({ configPath, appBackupDir: appDir, dialog: picks(stick) });
    await writeFile(configPath, '{"folder":');
    expect((await folder.get()).folder).toBeNull();
    await writeFile(configPath, JSON.stringify({ folder: stick, pad: 'x'.repeat(70_000) }));
    expect((await folder.get()).folder).toBeNull();
    expect(await folder.copy(backupFileNameFor('auto', new Date()), gz(1))).toBeUndefined();
  });
});

describe('rotation in the chosen folder: 7 daily, 4 weekly, 12 monthly, as in the app’s folder', () => {
  it('keeps exactly what the rule keeps, and never touches other files there', async () => {
    const folder = createBackupFolder({ configPath: join(base, 'cfg.json'), appBackupDir: appDir, dialog: picks(stick) });
    await folder.choose();
    await writeFile(join(stick, 'holiday-photos.jpg'), 'x');
    await writeFile(join(stick, 'mreza-backup-from-someone-else.json.gz'), 'x');
    const written: string[] = [];
    const start = Date.UTC(2025, 0, 1, 9);
    for (let day = 0; day < 400; day += 3) {
      for (const hour of [0, 8]) {
        const name = backupFileNameFor('auto', new Date(start + day * 86_400_000 + hour * 3_600_000));
        written.push(name);
        expect(await folder.copy(name, gz(day))).toEqual({ ok: true });
      }
    }
    const expected = written.filter((n) => !backupsToDelete(written).includes(n));
    expect(await names(stick)).toEqual([...expected, 'holiday-photos.jpg', 'mreza-backup-from-someone-else.json.gz'].sort());
    expect(expected.length).toBeLessThanOrEqual(3 + 7 + 4 + 12);
    expect(expected.length).toBeGreaterThan(12);
  }, 60_000); // 400 days of copies written and rotated on disk: seconds on a loaded machine
});

describe('backup:deleteAll (ending mentoring on this computer)', () => {
  it('deletes every backup and half-written backup in the app’s folder, nothing else, including one being written at that moment', async () => {
    const backups = createBackupHandlers({ dir: appDir });
    await backups.write({ reason: 'auto', data: gz(1) });
    await backups.write({ reason: 'manual', data: gz(2) });
    await writeFile(join(appDir, '.mreza-backup-20261123T090102123Z-auto.json.gz.0b7d4b1e-6f0c-4e0e-9a55-3f0a7a3c2b11.tmp'), 'half');
    await writeFile(join(appDir, 'readme.txt'), 'keep');
    const inFlight = backups.write({ reason: 'quit', data: gz(3) });
    const result = await backups.deleteAll();
    await inFlight;
    expect(result.deleted).toBe(4);
    expect(await names(appDir)).toEqual(['readme.txt']);
    expect(await backups.list()).toEqual([]);
  });

  it('an app that never made a backup has nothing to delete', async () => {
    expect(await createBackupHandlers({ dir: join(base, 'none') }).deleteAll()).toEqual({ deleted: 0 });
  });
});
