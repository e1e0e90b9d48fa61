import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { backupCreatedAt, backupFileNameFor as sharedFileName, backupsToDelete, backupStamp, RETENTION, type RetentionPolicy } from '@shared/backup/rotation';
import { backupFileName, type BackupInfo, type BackupReason } from '@shared/ipc';
import { IpcError } from '../errors';
import { toPlainBytes } from './bytes';

/** What rotation keeps: 7 daily, 4 weekly, 12 monthly and the newest safety copies. */
export const BACKUP_RETENTION = RETENTION;
export const backupTimestamp = backupStamp;

/** `mreza-backup-<timestamp>-<reason>.json.gz`, named as the browser build names them too. */
export function backupFileNameFor(date: Date, reason: BackupReason): string {
  return sharedFileName(reason, date);
}

/** The time written in a backup's name, or null if the name does not carry one we can read. */
export function parseBackupTime(fileName: string): Date | null {
  const iso = backupCreatedAt(fileName);
  return iso ? new Date(iso) : null;
}

export function isBackupFileName(name: string): boolean {
  return backupFileName.safeParse(name).success;
}

export interface BackupStoreOptions {
  /** `<userData>/backups`. */
  readonly dir: string;
  readonly now?: () => Date;
  readonly retention?: RetentionPolicy;
}

export interface BackupHandlers {
  write(request: { reason: BackupReason; data: Uint8Array }): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  read(request: { fileName: string }): Promise<Uint8Array<ArrayBuffer>>;
  /** Deletes every backup (and any half-written one) in the folder; nothing else there. */
  deleteAll(): Promise<{ deleted: number }>;
}

interface Entry {
  readonly info: BackupInfo;
  readonly time: number;
}

/**
 * Backups in the app's own folder. The renderer sends bytes that are already gzipped; they are
 * stored as they are. Writes are serialised, atomic (temp file, fsync, rename) and followed by
 * rotation, which only ever deletes files whose names match the backup pattern.
 */
export function createBackupHandlers(options: BackupStoreOptions): BackupHandlers {
  const dir = resolve(options.dir);
  const now = options.now ?? (() => new Date());
  const retention = options.retention ?? BACKUP_RETENTION;
  let lastTime = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function entries(): Promise<Entry[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: Entry[] = [];
    for (const name of names) {
      if (!isBackupFileName(name)) continue;
      let st;
      try {
        st = await stat(join(dir, name));
      } catch {
        continue; // removed meanwhile
      }
      if (!st.isFile()) continue;
      const time = parseBackupTime(name)?.getTime() ?? st.mtimeMs;
      found.push({ time, info: { fileName: name, createdAt: new Date(time).toISOString(), size: st.size } });
    }
    // Newest first; the name breaks ties so the order is stable.
    return found.sort((a, b) => b.time - a.time || (a.info.fileName < b.info.fileName ? 1 : -1));
  }

  async function uniqueDate(): Promise<Date> {
    const taken = new Set((await entries()).map((e) => backupTimestamp(new Date(e.time))));
    let time = Math.max(now().getTime(), lastTime + 1);
    while (taken.has(backupTimestamp(new Date(time)))) time += 1;
    lastTime = time;
    return new Date(time);
  }

  async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
    const temp = join(dir, `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  async function rotate(justWritten: string): Promise<void> {
    const names = (await entries()).map((e) => e.info.fileName);
    const excess = backupsToDelete(names, retention).filter((name) => name !== justWritten);
    for (const name of excess) {
      await unlink(join(dir, name)).catch(() => undefined);
    }
  }

  async function doWrite(request: { reason: BackupReason; data: Uint8Array }): Promise<BackupInfo> {
    await mkdir(dir, { recursive: true });
    const date = await uniqueDate();
    const fileName = backupFileNameFor(date, request.reason);
    if (!isBackupFileName(fileName)) throw new Error('Backup name does not match the contract');
    await writeAtomically(join(dir, fileName), request.data);
    await rotate(fileName);
    return { fileName, createdAt: date.toISOString(), size: request.data.byteLength };
  }

  async function doDeleteAll(): Promise<{ deleted: number }> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { deleted: 0 };
      throw error;
    }
    let deleted = 0;
    for (const name of names) {
      if (!isBackupFileName(name) && !/^\.mreza-backup-\d{8}T\d{9}Z[a-z-]*\.json\.gz\.[0-9a-f-]{36}\.tmp$/.test(name)) continue;
      await unlink(join(dir, name));
      deleted += 1;
    }
    return { deleted };
  }

  return {
    // Through the write queue: a backup being written when the user ends mentoring is deleted too.
    deleteAll() {
      const result = queue.then(() => doDeleteAll());
      queue = result.catch(() => undefined);
      return result;
    },
    write(request) {
      const result = queue.then(() => doWrite(request));
      queue = result.catch(() => undefined);
      return result;
    },
    async list() {
      return (await entries()).map((e) => e.info);
    },
    async read(request) {
      const name = request.fileName;
      if (!isBackupFileName(name)) throw new IpcError('Not a backup file name');
      const path = join(dir, name);
      if (dirname(path) !== dir || basename(path) !== name) throw new IpcError('Not a backup file name');
      try {
        return toPlainBytes(await readFile(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new IpcError('Backup not found', { cause: error });
        throw error;
      }
    },
  };
}
