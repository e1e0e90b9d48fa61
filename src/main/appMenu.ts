import { createI18n, type I18n } from '@shared/i18n/setup';
import { pickLocale, type Locale } from '@shared/i18n/locales';
import { aboutText, menuTemplate, type MenuActions } from './menu';
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuDeps {
  readonly isPackaged: boolean;
  readonly isMac: boolean;
  /** The OS's preferred languages: the menu's language until the renderer says which one the user chose. */
  readonly systemLanguages: readonly string[];
  readonly setMenu: (template: MenuItemConstructorOptions[]) => void;
  readonly showAbout: (text: { title: string; message: string; detail: string }) => void;
  readonly openFolder: (path: string) => Promise<string>;
  readonly showError: (message: string) => void;
  readonly info: () => { version: string; versions: { electron?: string; chrome?: string; node?: string }; dataDir: string; backupDir: string };
  /** Where main.log and renderer.log are written (logging.ts). */
  readonly logsDir: string;
  readonly showShortcuts: () => void;
}

/** The application menu and About box, kept in the UI language (`app:setLocale`). */
export function createAppMenu(deps: AppMenuDeps): {
  setLocale: (locale: Locale) => boolean;
  locale: () => Locale;
  /** Opens the logs folder (the error screens' button); false when the OS could not. */
  openLogsFolder: () => Promise<boolean>;
  t: (key: string, params?: Record<string, string>) => string;
} {
  let locale = pickLocale(deps.systemLanguages);
  let i18n: I18n = createI18n(locale);
  const t = (key: string, params: Record<string, string> = {}) => i18n.t(key, params);
  const open = (path: string) =>
    void deps.openFolder(path).then((error) => {
      // shell.openPath resolves with an error text instead of rejecting.
      if (error) deps.showError(t('desktop:menu.folderFailed', { reason: error }));
    });
  const actions: MenuActions = {
    about: () => deps.showAbout(aboutText(t, deps.info())),
    openDataFolder: () => open(deps.info().dataDir),
    openBackupFolder: () => open(deps.info().backupDir),
    openLogsFolder: () => open(deps.logsDir),
    showShortcuts: () => deps.showShortcuts(),
  };
  const build = () => deps.setMenu(menuTemplate({ isPackaged: deps.isPackaged, isMac: deps.isMac, t, actions }));
  build();
  return {
    setLocale: (next) => {
      if (next !== locale) {
        locale = next;
        i18n = createI18n(next);
        build();
      }
      return true;
    },
    locale: () => locale,
    openLogsFolder: async () => {
      const error = await deps.openFolder(deps.logsDir);
      if (error) deps.showError(t('desktop:menu.folderFailed', { reason: error }));
      return !error;
    },
    t,
  };
}
