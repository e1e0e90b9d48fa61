import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createI18n } from '../../src/shared/i18n/setup';
import { LOCALES } from '../../src/shared/i18n/locales';
import { createAppMenu } from '../../src/main/appMenu';
import { aboutText, menuTemplate, type MenuActions } from '../../src/main/menu';

const en = createI18n('en').t;
const t = (key: string, params: Record<string, string> = {}) => en(key, params);
const noActions: MenuActions = { about: () => {}, openDataFolder: () => {}, openBackupFolder: () => {}, openLogsFolder: () => {}, showShortcuts: () => {} };

function flat(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]) => flat(items).flatMap((i) => (i.role ? [i.role] : []));

describe('menuTemplate', () => {
  it('a packaged build has no reload and no developer tools; a development build has both', () => {
    for (const isMac of [false, true]) {
      const packaged = roles(menuTemplate({ isPackaged: true, isMac, t, actions: noActions }));
      for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(packaged, role).not.toContain(role);
      expect(roles(menuTemplate({ isPackaged: false, isMac, t, actions: noActions }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });

  it('keeps quit, the edit commands, zoom and full screen; Help opens the folders and About', () => {
    const items = menuTemplate({ isPackaged: true, isMac: false, t, actions: noActions });
    for (const role of ['quit', 'undo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'help'])
      expect(roles(items), role).toContain(role);
    expect(roles(menuTemplate({ isPackaged: true, isMac: true, t, actions: noActions }))).toContain('appMenu');
    const called: string[] = [];
    const actions: MenuActions = {
      about: () => called.push('about'),
      openDataFolder: () => called.push('data'),
      openBackupFolder: () => called.push('backups'),
      openLogsFolder: () => called.push('logs'),
      showShortcuts: () => called.push('shortcuts'),
    };
    const help = menuTemplate({ isPackaged: true, isMac: false, t, actions }).at(-1)!;
    for (const item of help.submenu as MenuItemConstructorOptions[]) item.click?.(undefined as never, undefined, undefined as never);
    expect(called).toEqual(['data', 'backups', 'logs', 'shortcuts', 'about']);
  });

  it('every item has a label in each of the six languages (not Electron’s OS-language ones), none a raw key', () => {
    for (const locale of LOCALES) {
      const lt = createI18n(locale, { fallbackToEnglish: false }).t;
      const items = flat(menuTemplate({ isPackaged: false, isMac: false, t: (k) => lt(k), actions: noActions })).filter(
        (i) => i.type !== 'separator' && i.role !== 'forceReload',
      );
      for (const item of items) {
        expect(item.label, `${locale} ${item.role ?? ''}`).toBeTruthy();
        expect(item.label, locale).not.toMatch(/desktop:|menu\./);
      }
    }
    const hr = createI18n('hr').t;
    expect(menuTemplate({ isPackaged: true, isMac: false, t: (k) => hr(k), actions: noActions }).map((i) => i.label)).toEqual([
      'Datoteka',
      'Uređivanje',
      'Prikaz',
      'Prozor',
      'Pomoć',
    ]);
  });
});

describe('About and the language of the menu', () => {
  it('About names the version, Electron, Chromium and Node, and the data and backup folders', () => {
    const text = aboutText(t, {
      version: '1.4.0',
      versions: { electron: '39.0.0', chrome: '142.0', node: '24.1.0' },
      dataDir: 'C:\\Users\\ana\\AppData\\Roaming\\Mreza',
      backupDir: 'C:\\Users\\ana\\AppData\\Roaming\\Mreza\\backups',
    });
    expect(text.message).toBe('Mreža 1.4.0');
    for (const part of ['39.0.0', '142.0', '24.1.0', 'AppData\\Roaming\\Mreza\\backups']) expect(text.detail).toContain(part);
  });

  it('starts in the OS language, follows the renderer, and reports a folder that will not open', async () => {
    const menus: MenuItemConstructorOptions[][] = [];
    const errors: string[] = [];
    const opened: string[] = [];
    const abouts: string[] = [];
    const menu = createAppMenu({
      isPackaged: true,
      isMac: false,
      systemLanguages: ['sr-RS'],
      setMenu: (m) => menus.push(m),
      showAbout: (a) => abouts.push(a.title),
      showError: (m) => errors.push(m),
      openFolder: async (path) => {
        opened.push(path);
        return path.endsWith('backups') ? 'Folder not found' : '';
      },
      info: () => ({ version: '1.0.0', versions: {}, dataDir: '/home/ana/.config/Mreza', backupDir: '/home/ana/.config/Mreza/backups' }),
      logsDir: '/home/ana/.config/Mreza/logs',
      showShortcuts: () => abouts.push('shortcuts'),
    });
    expect(menu.locale()).toBe('sr-Cyrl');
    expect(menus[0]!.at(-1)!.label).toBe('Помоћ');
    menu.setLocale('bs');
    expect(menus).toHaveLength(2);
    menu.setLocale('bs');
    expect(menus).toHaveLength(2); // same language: nothing rebuilt
    const help = menus[1]!.at(-1)!.submenu as MenuItemConstructorOptions[];
    help[0]!.click?.(undefined as never, undefined, undefined as never);
    help[1]!.click?.(undefined as never, undefined, undefined as never);
    help[2]!.click?.(undefined as never, undefined, undefined as never);
    help[4]!.click?.(undefined as never, undefined, undefined as never);
    help[6]!.click?.(undefined as never, undefined, undefined as never);
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(['/home/ana/.config/Mreza', '/home/ana/.config/Mreza/backups', '/home/ana/.config/Mreza/logs']);
    expect(errors).toEqual([createI18n('bs').t('desktop:menu.folderFailed', { reason: 'Folder not found' })]);
    expect(abouts).toEqual(['shortcuts', 'O Mreži']);
    // The error screens' "Open logs folder" opens the same fixed folder, and says whether it could.
    await expect(menu.openLogsFolder()).resolves.toBe(true);
    expect(opened.at(-1)).toBe('/home/ana/.config/Mreza/logs');
  });
});
