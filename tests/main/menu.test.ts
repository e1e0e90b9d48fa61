import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../src/main/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);
}
function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
}

describe('menuTemplate', () => {
  it('offers devtools only when not packaged', () => {
    expect(roles(menuTemplate({ isPackaged: false, isMac: false }))).toContain('toggleDevTools');
    expect(roles(menuTemplate({ isPackaged: true, isMac: false }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ isPackaged: true, isMac: true }))).not.toContain('toggleDevTools');
  });

  it('uses roles only (Electron localises them), with quit, edit, reload, zoom and fullscreen', () => {
    const t = menuTemplate({ isPackaged: true, isMac: false });
    expect(labels(t)).toEqual([]);
    const r = roles(t);
    for (const role of ['fileMenu', 'quit', 'editMenu', 'viewMenu', 'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) {
      expect(r, role).toContain(role);
    }
    expect(roles(menuTemplate({ isPackaged: true, isMac: true }))).toContain('appMenu');
  });
});
