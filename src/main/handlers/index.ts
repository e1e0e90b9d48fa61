import type { Handlers } from '../ipc';
import { appInfo, type AppLike } from './appInfo';
import { createBackupHandlers } from './backups';
import { createFileHandlers, type DialogLike, type FileSystemLike } from './files';
import { printToPdf } from './print';

export interface HandlerDeps {
  readonly app: AppLike;
  readonly platform: string;
  /** `<userData>/backups`. */
  readonly backupDir: string;
  readonly dialog: DialogLike;
  readonly fs?: FileSystemLike;
  readonly documentsDir?: string;
  /** The quit handshake's `onQuitReady`. */
  readonly quitReady: () => boolean;
}

/** Every channel of the contract, as plain functions over injected dependencies. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const backups = createBackupHandlers({ dir: deps.backupDir });
  const fileDeps = { dialog: deps.dialog, fs: deps.fs, defaultDir: deps.documentsDir };
  const files = createFileHandlers(fileDeps);
  return {
    'app:info': () => appInfo(deps.app, deps.platform),
    'backup:write': (request) => backups.write(request),
    'backup:list': () => backups.list(),
    'backup:read': (request) => backups.read(request),
    'file:save': (request) => files.save(request),
    'file:open': (request) => files.open(request),
    'print:pdf': (request, event) => printToPdf(fileDeps, event.sender, request),
    'app:quitReady': () => deps.quitReady(),
  };
}
