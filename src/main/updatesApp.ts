import { join } from 'node:path';
import { fileSettingsStore, UpdateService, type UpdaterLike } from './updates';

/** The parts of Electron's `app` the update service needs. */
export interface UpdatesAppLike {
  readonly isPackaged: boolean;
  getVersion(): string;
  getPath(name: 'userData'): string;
  quit(): void;
}

/**
 * Whether this build can update itself: packaged (a development run has no app-update.yml) and
 * not the portable .exe (PORTABLE_EXECUTABLE_DIR, set by its launcher), which electron-updater
 * cannot replace: its users download the new .exe themselves.
 */
export function updatesSupported(app: Pick<UpdatesAppLike, 'isPackaged'>, env: Readonly<Record<string, string | undefined>>): boolean {
  return app.isPackaged && !env['PORTABLE_EXECUTABLE_DIR'];
}

/** electron-updater, loaded only when a check is about to run (a CommonJS module with a lazy getter). */
export async function loadAutoUpdater(): Promise<UpdaterLike> {
  const mod = (await import('electron-updater')) as unknown as { autoUpdater?: UpdaterLike; default?: { autoUpdater: UpdaterLike } };
  const updater = mod.default?.autoUpdater ?? mod.autoUpdater;
  if (!updater) throw new Error('electron-updater has no autoUpdater');
  return updater;
}

/** The update service of the running app; settings in `<userData>/updates.json`. */
export function createAppUpdates(app: UpdatesAppLike, env: Readonly<Record<string, string | undefined>>, notify: () => void): UpdateService {
  return new UpdateService({
    supported: updatesSupported(app, env),
    currentVersion: app.getVersion(),
    loadUpdater: loadAutoUpdater,
    settings: fileSettingsStore(join(app.getPath('userData'), 'updates.json')),
    notify,
    requestQuit: () => app.quit(),
    quit: () => app.quit(),
    log: (message) => console.warn(message),
  });
}
