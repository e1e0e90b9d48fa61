import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutLabel } from '@shared/shortcuts';

/**
 * The accelerators Electron gives the roles in src/main/menu.ts (undo, redo, cut, copy, paste,
 * select all, reload, force reload, developer tools, zoom, full screen, minimise, close, quit),
 * written as useHotkeys would; plus Chromium's own that a page cannot take over (new window,
 * incognito, tabs, find in a browser preview, print).
 */
const TAKEN = [
  'mod+Z',
  'mod+Y',
  'mod+shift+Z',
  'mod+X',
  'mod+C',
  'mod+V',
  'mod+A',
  'mod+R',
  'mod+shift+R',
  'mod+shift+I',
  'alt+mod+I',
  'mod+0',
  'mod+=',
  'mod+shift+=',
  'mod+-',
  'F11',
  'mod+ctrl+F',
  'mod+M',
  'mod+W',
  'mod+Q',
  'mod+H',
  'mod+N',
  'mod+shift+N',
  'mod+T',
  'mod+shift+T',
  'mod+P',
  'mod+F',
];
const norm = (k: string) => k.toLowerCase().split('+').sort().join('+');

describe('keyboard shortcuts', () => {
  it('take no key the menu or the browser already uses, and no two the same', () => {
    const taken = new Set(TAKEN.map(norm));
    for (const s of SHORTCUTS) expect(taken.has(norm(s.keys)), s.keys).toBe(false);
    expect(new Set(SHORTCUTS.map((s) => norm(s.keys))).size).toBe(SHORTCUTS.length);
  });

  it('are written for people as Ctrl (or ⌘ on a Mac) + the keys', () => {
    expect(shortcutLabel('mod+shift+P', false)).toEqual(['Ctrl', 'Shift', 'P']);
    expect(shortcutLabel('mod+K', true)).toEqual(['⌘', 'K']);
  });
});
