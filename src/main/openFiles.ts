import { posix, resolve, win32 } from 'node:path';
import { fileKindOf, type FileKind } from '@shared/files/kinds';
import { MAX_FILE_BYTES, MAX_OPENED_FILES, type OpenedFile } from '@shared/ipc';
import { toPlainBytes } from './handlers/bytes';

/**
 * Files the OS hands to Mreža: a double-click (the path in argv of the first launch), a second
 * launch with a path (`second-instance`, whose argv main receives) and macOS `open-file`. Main
 * only recognises the kind by extension and keeps the path; the renderer takes the files (name,
 * kind, bytes) over `file:takeOpened` once someone is signed in, so nothing opens on the lock screen.
 */

/**
 * The paths in a command line that name a Mreža file: switches (`--flag`, `/flag` on Windows is not
 * a path we accept either since it has no known extension) and the executable itself are skipped;
 * a relative path is taken from the launch's working directory.
 */
export function openablePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  // argv[0] is the executable (Mreza.exe, or electron in development).
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || fileKindOf(arg) === null) continue;
    out.push(win32.isAbsolute(arg) || posix.isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return out;
}

export interface OpenedFileQueueDeps {
  readonly fs: { size(path: string): Promise<number>; readFile(path: string): Promise<Uint8Array> };
  /** Tells a live window that files wait (the `app:fileOpened` event); it pulls them when it can. */
  readonly notify: () => void;
  readonly maxBytes?: number;
  readonly maxPending?: number;
}

/** The queue of opened files: kept until the renderer takes them (after sign-in), oldest dropped beyond the cap. */
export class OpenedFileQueue {
  private pending: { path: string; kind: FileKind }[] = [];
  constructor(private readonly deps: OpenedFileQueueDeps) {}

  /** Queues a path if it is one of Mreža's files; false (and nothing kept) for any other file. */
  offer(path: string): boolean {
    const kind = fileKindOf(path);
    if (kind === null) return false;
    // The same file opened twice (two double-clicks while locked) opens once.
    this.pending = this.pending.filter((p) => p.path !== path);
    this.pending.push({ path, kind });
    const max = this.deps.maxPending ?? MAX_OPENED_FILES;
    if (this.pending.length > max) this.pending = this.pending.slice(-max);
    this.deps.notify();
    return true;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Reads and hands over every waiting file; one that is too large or unreadable comes back as a problem, not its bytes. */
  async take(): Promise<OpenedFile[]> {
    const taken = this.pending;
    this.pending = [];
    const maxBytes = this.deps.maxBytes ?? MAX_FILE_BYTES;
    const out: OpenedFile[] = [];
    for (const { path, kind } of taken) {
      const fileName = win32.basename(path); // splits on both / and \
      try {
        if ((await this.deps.fs.size(path)) > maxBytes) {
          out.push({ kind, fileName, problem: 'tooLarge' });
          continue;
        }
        out.push({ kind, fileName, data: toPlainBytes(await this.deps.fs.readFile(path)) });
      } catch {
        out.push({ kind, fileName, problem: 'unreadable' });
      }
    }
    return out;
  }
}
