import type { Locale } from '@shared/i18n/locales';
import type { LOG_LEVELS, OpenedFile } from '@shared/ipc';
import type { Handlers } from '../ipc';
import { appInfo, type AppLike } from './appInfo';
import { dirname, join } from 'node:path';
import { createBackupFolder, type FolderFs } from './backupFolder';
import { createBackupHandlers } from './backups';
import { createFileHandlers, type DialogLike, type FileSystemLike } from './files';
import { htmlToPdf, printDirect, printToPdf, type OffscreenPage, type TempFiles } from './print';
import type { UpdateService } from '../updates';

export interface HandlerDeps {
  readonly app: AppLike;
  readonly platform: string;
  /** `<userData>/backups`. */
  readonly backupDir: string;
  readonly dialog: DialogLike;
  readonly fs?: FileSystemLike;
  readonly documentsDir?: string;
  /** Where the chosen backup folder is remembered; `<userData>/backup-folder.json` by default. */
  readonly backupFolderConfig?: string;
  readonly folderFs?: FolderFs;
  /** The quit handshake's `onQuitReady`. */
  readonly quitReady: () => boolean;
  /** The application menu's language (appMenu.ts). */
  readonly setLocale: (locale: Locale) => boolean;
  /** Files the OS opened with Mreža, waiting for the renderer (openFiles.ts). */
  readonly openedFiles: { take(): Promise<OpenedFile[]> };
  /** Writes a renderer line to renderer.log, scrubbed (logging.ts). */
  readonly logLine: (level: (typeof LOG_LEVELS)[number], message: string) => boolean;
  /** Opens the logs folder in the OS file manager; false when that failed. */
  readonly openLogsFolder: () => Promise<boolean>;
  /** A hidden window and a temporary file for print:htmlToPdf (index.ts); without them the channel answers null. */
  readonly offscreen?: { page: () => OffscreenPage; temp: TempFiles };
  /** src/main/updates.ts; without it (tests of other channels) updates are unsupported. */
  readonly updates?: Pick<UpdateService, 'status' | 'setAutoCheck' | 'checkNow' | 'download' | 'restartToInstall'>;
}

/** A build without an update service: says so, and does nothing. */
function noUpdates(app: AppLike): NonNullable<HandlerDeps['updates']> {
  const status = () => ({ supported: false, autoCheck: false, currentVersion: app.getVersion(), lastCheckAt: null, state: { status: 'idle' as const } });
  return { status, setAutoCheck: async () => status(), checkNow: async () => status(), download: async () => status(), restartToInstall: () => false };
}

/** Every channel of the contract, as plain functions over injected dependencies. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const backups = createBackupHandlers({ dir: deps.backupDir });
  const folder = createBackupFolder({
    configPath: deps.backupFolderConfig ?? join(dirname(deps.backupDir), 'backup-folder.json'),
    appBackupDir: deps.backupDir,
    dialog: deps.dialog,
    fs: deps.folderFs,
  });
  const fileDeps = { dialog: deps.dialog, fs: deps.fs, defaultDir: deps.documentsDir };
  const files = createFileHandlers(fileDeps);
  const updates = deps.updates ?? noUpdates(deps.app);
  return {
    'app:info': () => appInfo(deps.app, deps.platform),
    'backup:write': async (request) => {
      const info = await backups.write(request);
      // The backup is safe in the app's folder whatever happens to the copy; a failed copy is reported, not thrown.
      const folderCopy = await folder.copy(info.fileName, request.data);
      return folderCopy ? { ...info, folderCopy } : info;
    },
    'backup:list': () => backups.list(),
    'backup:read': (request) => backups.read(request),
    'backup:deleteAll': () => backups.deleteAll(),
    'backupFolder:get': () => folder.get(),
    'backupFolder:choose': () => folder.choose(),
    'backupFolder:forget': () => folder.forget(),
    'file:save': (request) => files.save(request),
    'file:open': (request) => files.open(request),
    'print:pdf': (request, event) => printToPdf(fileDeps, event.sender, request),
    'print:print': (request, event) => printDirect(event.sender, request),
    'print:htmlToPdf': (request) => (deps.offscreen ? htmlToPdf(deps.offscreen.page, deps.offscreen.temp, request) : null),
    'app:setLocale': (request) => deps.setLocale(request.locale),
    'file:takeOpened': () => deps.openedFiles.take(),
    'log:write': (request) => deps.logLine(request.level, request.message),
    'app:openLogsFolder': () => deps.openLogsFolder(),
    'app:quitReady': () => deps.quitReady(),
    'updates:get': () => updates.status(),
    'updates:setAutoCheck': (request) => updates.setAutoCheck(request.enabled),
    'updates:check': () => updates.checkNow(),
    'updates:download': () => updates.download(),
    'updates:restart': () => updates.restartToInstall(),
  };
}
