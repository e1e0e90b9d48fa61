import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, built only from roles so Electron supplies (and localises) the labels.
 * Developer tools appear only in an unpackaged build.
 */
export function menuTemplate(options: { readonly isPackaged: boolean; readonly isMac: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } satisfies MenuItemConstructorOptions]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(options.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    // On macOS Quit lives in the app menu; the File menu closes the window there.
    { role: 'fileMenu', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { role: 'viewMenu', submenu: view },
    { role: 'windowMenu' },
  ];
}
