import type { MenuItemConstructorOptions } from 'electron';

/** Translates a `desktop:menu.*` key (main builds its own i18next instance of the UI language). */
export type MenuT = (key: string, params?: Record<string, string>) => string;

/** What the Help menu does; injected so the template stays a plain function. */
export interface MenuActions {
  readonly about: () => void;
  readonly openDataFolder: () => void;
  readonly openBackupFolder: () => void;
  readonly openLogsFolder: () => void;
  /** Asks the renderer to show its keyboard shortcuts (`app:showShortcuts`). */
  readonly showShortcuts: () => void;
}

/**
 * The application menu in the UI language: every label is set from the `desktop` namespace
 * (Electron's own role labels follow the OS language, not the one chosen in Mreža). A packaged
 * build has no Reload and no developer tools: a reload throws away unsaved form input, and the
 * tools would open the decrypted data to anyone at the keyboard.
 */
export function menuTemplate(options: {
  readonly isPackaged: boolean;
  readonly isMac: boolean;
  readonly t: MenuT;
  readonly actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const { t, isMac, isPackaged, actions } = options;
  const l = (key: string) => t(`desktop:menu.${key}`);
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload', label: l('reload') }, { role: 'forceReload' }, { role: 'toggleDevTools', label: l('devTools') }, { type: 'separator' }];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    // On macOS Quit lives in the app menu; the File menu closes the window there.
    { label: l('file'), submenu: [isMac ? { role: 'close', label: l('close') } : { role: 'quit', label: l('quit') }] },
    {
      label: l('edit'),
      submenu: [
        { role: 'undo', label: l('undo') },
        { role: 'redo', label: l('redo') },
        { type: 'separator' },
        { role: 'cut', label: l('cut') },
        { role: 'copy', label: l('copy') },
        { role: 'paste', label: l('paste') },
        { role: 'selectAll', label: l('selectAll') },
      ],
    },
    {
      label: l('view'),
      submenu: [
        ...developer,
        { role: 'resetZoom', label: l('resetZoom') },
        { role: 'zoomIn', label: l('zoomIn') },
        { role: 'zoomOut', label: l('zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l('fullscreen') },
      ],
    },
    {
      label: l('window'),
      submenu: [{ role: 'minimize', label: l('minimize') }, ...(isMac ? [] : [{ role: 'close', label: l('close') } satisfies MenuItemConstructorOptions])],
    },
    {
      role: 'help',
      label: l('help'),
      submenu: [
        { label: l('openDataFolder'), click: () => actions.openDataFolder() },
        { label: l('openBackupFolder'), click: () => actions.openBackupFolder() },
        { label: l('openLogsFolder'), click: () => actions.openLogsFolder() },
        { type: 'separator' },
        { label: l('shortcuts'), click: () => actions.showShortcuts() },
        { type: 'separator' },
        { label: l('about'), click: () => actions.about() },
      ],
    },
  ];
}

/** The About box's text: versions and where the data lives (a coordinator reads it to a helper on the phone). */
export function aboutText(
  t: MenuT,
  info: {
    readonly version: string;
    readonly versions: { readonly electron?: string; readonly chrome?: string; readonly node?: string };
    readonly dataDir: string;
    readonly backupDir: string;
  },
): { title: string; message: string; detail: string } {
  const params = {
    version: info.version,
    electron: info.versions.electron ?? '?',
    chrome: info.versions.chrome ?? '?',
    node: info.versions.node ?? '?',
    data: info.dataDir,
    backups: info.backupDir,
  };
  return { title: t('desktop:menu.aboutTitle'), message: t('desktop:menu.aboutMessage', params), detail: t('desktop:menu.aboutDetail', params) };
}
