import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { AppEvent } from '@shared/ipc';
import { createHandlers } from './handlers';
import type { DialogLike } from './handlers/files';
import { registerIpc } from './ipc';
import { createAppMenu } from './appMenu';
import { dataDirOverride } from './dataDir';
import { handleAppProtocol, registerAppSchemePrivileged, rendererEntryUrl } from './protocol';
import { QuitHandshake } from './quit';
import { guardOpenExternal, installContentsGuards, installSessionGuards, isTrustedSender, trustedOrigins } from './security';
import { windowOptions } from './windowOptions';
import { createAppUpdates } from './updatesApp';

const BEFORE_QUIT: AppEvent = 'app:beforeQuit';
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

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(preloadPath));
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

  app.on('second-instance', () => {
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
        setLocale: (locale) => menu.setLocale(locale),
        updates,
      }),
      (frame) => isTrustedSender(frame, origins),
    );
    createWindow();
    void updates.start();
  });
}

// Before anything reads userData (the single-instance lock lives there too): the portable build's data beside its .exe.
const dataDir = dataDirOverride(process.env);
if (dataDir) app.setPath('userData', dataDir);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
