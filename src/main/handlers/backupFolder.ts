import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { backupsToDelete, RETENTION, type RetentionPolicy } from '@shared/backup/rotation';
import {
  backupFileName,
  backupFolderStatus,
  MAX_FILE_BYTES,
  type BackupFolderStatus,
  type FolderCopy,
  type FolderCopyError,
  type FolderRefusal,
  type Response,
} from '@shared/ipc';
import type { DialogLike } from './files';

/**
 * The folder the coordinator chose (a USB stick, a network share) that receives a copy of every
 * backup, rotated by the same calendar rule as the app's own folder. Its path lives in main only
 * (`<userData>/backup-folder.json`); the renderer learns it to show it, never sends one.
 */

/** The file-system calls made here; node:fs/promises by default, injected in tests. */
export interface FolderFs {
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean }>;
  readdir(path: string): Promise<string[]>;
  /** Creates the file (never overwrites), writes the bytes and flushes them to the device. */
  writeNew(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  /** Creates the folder and its parents if missing (only for main's own configuration). */
  mkdirp(path: string): Promise<void>;
}

export const nodeFolderFs: FolderFs = {
  stat: (path) => stat(path),
  readdir: (path) => readdir(path),
  async writeNew(path, data) {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  readFile: (path) => readFile(path),
  mkdirp: async (path) => {
    await mkdir(path, { recursive: true });
  },
};

/** The configuration file is tiny; anything larger is not ours and is ignored. */
const MAX_CONFIG_BYTES = 64 * 1024;
const MAX_PATH = 4096;

const configSchema = z.object({
  folder: z.string().min(1).max(MAX_PATH),
  lastCopy: backupFolderStatus.shape.lastCopy.optional(),
  lastError: backupFolderStatus.shape.lastError.optional(),
});
type Config = z.infer<typeof configSchema>;

export interface BackupFolderOptions {
  /** `<userData>/backup-folder.json`. */
  readonly configPath: string;
  /** The app's own backup folder: choosing it (or a folder inside it) would copy backups onto themselves. */
  readonly appBackupDir: string;
  readonly dialog: DialogLike;
  readonly fs?: FolderFs;
  readonly now?: () => Date;
  readonly retention?: RetentionPolicy;
  readonly maxBytes?: number;
}

const errno = (error: unknown): string => String((error as NodeJS.ErrnoException | null)?.code ?? '');

/** A failed copy in words the user can act on: the stick is out, it is read-only, it is full. */
export function folderCopyError(error: unknown): FolderCopyError {
  const code = errno(error);
  if (['ENOENT', 'ENOTDIR', 'ENODEV', 'ENXIO', 'ESTALE', 'EHOSTDOWN', 'ENETUNREACH'].includes(code)) return 'folderMissing';
  if (['EACCES', 'EPERM', 'EROFS'].includes(code)) return 'notWritable';
  if (['ENOSPC', 'EDQUOT', 'EFBIG'].includes(code)) return 'diskFull';
  return 'failed';
}

class CopyRefused extends Error {
  constructor(readonly code: FolderCopyError) {
    super(code);
  }
}

export interface BackupFolderHandlers {
  get(): Promise<BackupFolderStatus>;
  choose(): Promise<Response<'backupFolder:choose'>>;
  forget(): Promise<BackupFolderStatus>;
  /** Copies a backup just written to the app's folder; undefined when no folder is chosen. Never throws. */
  copy(fileName: string, data: Uint8Array): Promise<FolderCopy | undefined>;
}

export function createBackupFolder(options: BackupFolderOptions): BackupFolderHandlers {
  const fs = options.fs ?? nodeFolderFs;
  const now = options.now ?? (() => new Date());
  const retention = options.retention ?? RETENTION;
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const appDir = resolve(options.appBackupDir);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  async function readConfig(): Promise<Config | null> {
    let raw: Uint8Array;
    try {
      raw = await fs.readFile(options.configPath);
    } catch {
      return null;
    }
    if (raw.byteLength > MAX_CONFIG_BYTES) return null;
    try {
      const parsed = configSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
    const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      await fs.writeNew(temp, data);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  async function writeConfig(config: Config | null): Promise<void> {
    if (config === null) {
      await fs.unlink(options.configPath).catch((e: unknown) => {
        if (errno(e) !== 'ENOENT') throw e;
      });
      return;
    }
    await fs.mkdirp(dirname(options.configPath));
    await writeAtomically(options.configPath, new TextEncoder().encode(JSON.stringify(config)));
  }

  const status = (config: Config | null): BackupFolderStatus => ({
    supported: true,
    folder: config?.folder ?? null,
    lastCopy: config?.lastCopy ?? null,
    lastError: config?.lastError ?? null,
  });

  /** An existing folder this app may write to, not its own backup folder. */
  async function check(folder: string): Promise<FolderRefusal | null> {
    if (!isAbsolute(folder) || folder.length > MAX_PATH || folder.includes('\0')) return 'notFound';
    const full = resolve(folder);
    const rel = relative(appDir, full);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return 'appFolder';
    try {
      if (!(await fs.stat(full)).isDirectory()) return 'notADirectory';
    } catch {
      return 'notFound';
    }
    // Permissions say little on network shares and sticks: try it.
    const probe = join(full, `.mreza-write-test-${randomUUID()}.tmp`);
    try {
      await fs.writeNew(probe, new Uint8Array([0]));
    } catch {
      return 'notWritable';
    }
    await fs.unlink(probe).catch(() => undefined);
    return null;
  }

  async function rotate(folder: string, justWritten: string): Promise<void> {
    const names = (await fs.readdir(folder)).filter((n) => backupFileName.safeParse(n).success);
    for (const name of backupsToDelete(names, retention).filter((n) => n !== justWritten)) {
      await fs.unlink(join(folder, name)).catch(() => undefined);
    }
  }

  async function doCopy(fileName: string, data: Uint8Array): Promise<FolderCopy | undefined> {
    const config = await readConfig();
    if (!config) return undefined;
    const at = now().toISOString();
    try {
      if (!backupFileName.safeParse(fileName).success) throw new CopyRefused('failed');
      if (data.byteLength > maxBytes) throw new CopyRefused('tooLarge');
      // The stick may be gone, or another drive mounted under the same letter: the folder must still be one.
      if (!(await fs.stat(config.folder)).isDirectory()) throw new CopyRefused('folderMissing');
      await writeAtomically(join(config.folder, fileName), data);
      await rotate(config.folder, fileName);
    } catch (error) {
      const code = error instanceof CopyRefused ? error.code : folderCopyError(error);
      await writeConfig({ folder: config.folder, ...(config.lastCopy ? { lastCopy: config.lastCopy } : {}), lastError: { at, code } }).catch(() => undefined);
      return { ok: false, code };
    }
    await writeConfig({ folder: config.folder, lastCopy: { at, fileName } }).catch(() => undefined);
    return { ok: true };
  }

  return {
    get: async () => status(await readConfig()),
    choose: () =>
      serial(async () => {
        const result = await options.dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
        const folder = result.canceled ? undefined : result.filePaths[0];
        if (!folder) return { status: 'cancelled' as const };
        const refused = await check(folder);
        if (refused) return { status: 'refused' as const, reason: refused };
        const config: Config = { folder: resolve(folder) };
        await writeConfig(config);
        return { status: 'chosen' as const, folder: status(config) };
      }),
    forget: () =>
      serial(async () => {
        await writeConfig(null);
        return status(null);
      }),
    copy: (fileName, data) => serial(() => doCopy(fileName, data)),
  };
}
