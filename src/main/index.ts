import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import log from 'electron-log/main';
import type { AppEvent } from '@shared/ipc';
import { createHandlers } from './handlers';
import type { DialogLike } from './handlers/files';
import type { OffscreenPage, TempFiles } from './handlers/print';
import { registerIpc } from './ipc';
import { createAppMenu } from './appMenu';
import { dataDirOverride } from './dataDir';
import { contextMenuTemplate } from './contextMenu';
import { nodeFileSystem } from './handlers/files';
import { configureLogger, writeRendererLine } from './logging';
import { OpenedFileQueue, openablePathsFromArgv } from './openFiles';
import { handleAppProtocol, registerAppSchemePrivileged, rendererEntryUrl } from './protocol';
import { QuitHandshake } from './quit';
import { guardOpenExternal, installContentsGuards, installSessionGuards, isTrustedSender, trustedOrigins } from './security';
import { offscreenWindowOptions, windowOptions } from './windowOptions';
import { configureSpellchecker } from './spellcheck';
import { createAppUpdates } from './updatesApp';

const BEFORE_QUIT: AppEvent = 'app:beforeQuit';
const FILE_OPENED: AppEvent = 'app:fileOpened';
const SHOW_SHORTCUTS: AppEvent = 'app:showShortcuts';
const UPDATES_CHANGED: AppEvent = 'updates:changed';
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const origins = trustedOrigins(app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']);
// The one call handing a URL to the OS; guardOpenExternal refuses anything not on EXTERNAL_LINK_ORIGINS.
const openExternal = guardOpenExternal((url) => shell.openExternal(url));

let mainWindow: BrowserWindow | null = null;

function liveWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
}

/** Sends a payload-free event to the window, if it can hear it. */
function sendEvent(event: AppEvent): void {
  const contents = liveWindow()?.webContents;
  if (contents !== undefined && !contents.isDestroyed()) contents.send(event);
}

// Files the OS opens with Mreža wait here until the renderer, signed in, takes them.
const openedFiles = new OpenedFileQueue({ fs: nodeFileSystem, notify: () => sendEvent(FILE_OPENED) });
const rendererLog = log.create({ logId: 'renderer' });

const boundDialog: DialogLike = {
  showSaveDialog: (options) => {
    const win = liveWindow();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  },
  showOpenDialog: (options) => {
    const win = liveWindow();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  },
};

// Opt-in updates (src/main/updates.ts): no network call unless the user turned checks on or clicked "Check now".
const updates = createAppUpdates(app, process.env, () => {
  const contents = liveWindow()?.webContents;
  if (contents !== undefined && !contents.isDestroyed()) contents.send(UPDATES_CHANGED);
});

const quitHandshake = new QuitHandshake({
  sendBeforeQuit: () => {
    const contents = liveWindow()?.webContents;
    if (contents === undefined || contents.isDestroyed() || contents.isCrashed()) return false;
    contents.send(BEFORE_QUIT);
    return true;
  },
  // Deferred so it never runs inside a 'close' or IPC handler's own dispatch; installs a ready update the user asked for.
  quit: () => setImmediate(() => updates.finishQuit()),
});

/** A hidden window for print:htmlToPdf, made per document and destroyed after it. */
function offscreenPage(): OffscreenPage {
  const win = new BrowserWindow(offscreenWindowOptions());
  return {
    loadFile: (path) => win.loadFile(path),
    printToPDF: async (options) => new Uint8Array(await win.webContents.printToPDF(options)),
    destroy: () => {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}

/** The document's HTML in a folder of its own under the OS temp dir, readable only by this user. */
const printTempFiles: TempFiles = {
  write: async (html) => {
    const path = join(await mkdtemp(join(tmpdir(), 'mreza-print-')), 'document.html');
    await writeFile(path, html, { mode: 0o600 });
    return path;
  },
  remove: (path) => rm(dirname(path), { recursive: true, force: true }),
};

function createWindow(contextT: (key: string) => string): void {
  const win = new BrowserWindow(windowOptions(preloadPath));
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contextT, {
      replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
      // The OS's (and the profile's) local custom dictionary; only on the user's click.
      addToDictionary: (word) => void win.webContents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => quitHandshake.onWindowClose(event));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(rendererEntryUrl(process.env, app.isPackaged));
}

function start(): void {
  app.enableSandbox();
  registerAppSchemePrivileged(protocol);
  // Crash dumps stay in the crashDumps folder on this computer: nothing is ever uploaded.
  crashReporter.start({ uploadToServer: false });
  const logsDir = app.getPath('logs');
  configureLogger(log, logsDir, 'main.log');
  configureLogger(rendererLog, logsDir, 'renderer.log');
  log.errorHandler.startCatching({ showDialog: false });

  // A double-click on a Mreža file (Windows, Linux): its path is in the first launch's command line…
  for (const path of openablePathsFromArgv(process.argv, process.cwd())) openedFiles.offer(path);
  // …macOS hands it over as an event, even before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openedFiles.offer(path);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    // A second launch with a file (a double-click while Mreža runs) opens it in this window.
    for (const path of openablePathsFromArgv(argv, workingDirectory)) openedFiles.offer(path);
    const win = liveWindow();
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    installContentsGuards(contents, { allowedOrigins: origins, openExternal });
  });
  app.on('before-quit', (event) => quitHandshake.onBeforeQuit(event));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    installSessionGuards(session.defaultSession);
    handleAppProtocol(protocol, rendererDir, (path) => readFile(path));
    const backupDir = join(app.getPath('userData'), 'backups');
    // A dictionary download would go to this computer only (spellcheck.ts); the log says if Chromium tried (a language code, nothing typed).
    session.defaultSession.on('spellcheck-dictionary-download-begin', (_event, language) => log.warn(`spellcheck: dictionary download refused (${language})`));
    const menu = createAppMenu({
      isPackaged: app.isPackaged,
      isMac: process.platform === 'darwin',
      systemLanguages: app.getPreferredSystemLanguages(),
      setMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
      showAbout: (text) => void dialog.showMessageBox({ type: 'info', ...text }),
      showError: (message) => dialog.showErrorBox('Mreža', message),
      // Only these two fixed folders are ever opened, never a path from the renderer.
      openFolder: (path) => shell.openPath(path),
      info: () => ({ version: app.getVersion(), versions: process.versions, dataDir: app.getPath('userData'), backupDir }),
      logsDir,
      showShortcuts: () => sendEvent(SHOW_SHORTCUTS),
    });
    registerIpc(
      ipcMain,
      createHandlers({
        app,
        platform: process.platform,
        backupDir,
        documentsDir: app.getPath('documents'),
        dialog: boundDialog,
        quitReady: () => quitHandshake.onQuitReady(),
        setLocale: (locale) => {
          configureSpellchecker(session.defaultSession, process.platform, locale);
          return menu.setLocale(locale);
        },
        openedFiles,
        logLine: (level, message) => writeRendererLine(rendererLog, level, message),
        openLogsFolder: () => menu.openLogsFolder(),
        updates,
        offscreen: {
          page: offscreenPage,
          temp: printTempFiles,
        },
      }),
      (frame) => isTrustedSender(frame, origins),
    );
    // The OS's local dictionaries in the UI language (Windows, macOS); off on Linux. Before the window.
    configureSpellchecker(session.defaultSession, process.platform, menu.locale());
    createWindow((key) => menu.t(key));
    void updates.start();
  });
}

// Before anything reads userData (the single-instance lock lives there too): the portable build's data beside its .exe.
const dataDir = dataDirOverride(process.env);
if (dataDir) {
  app.setPath('userData', dataDir);
  // Logs and crash dumps go with the data (a portable copy keeps its own).
  app.setAppLogsPath(join(dataDir, 'logs'));
  app.setPath('crashDumps', join(dataDir, 'Crashpad'));
}

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
