/**
 * The app-wide keyboard shortcuts (renderer, Mantine's useHotkeys notation: `mod` is Ctrl, ⌘ on a
 * Mac), listed in Help → Keyboard shortcuts. None may take a key the application menu's roles
 * already use (undo, cut, zoom, quit…): tests/unit/shortcuts.test.ts checks it.
 */
export const SHORTCUTS = [
  { id: 'search', keys: 'mod+K' },
  { id: 'newPerson', keys: 'mod+shift+P' },
  { id: 'logSession', keys: 'mod+shift+L' },
  { id: 'show', keys: 'mod+/' },
] as const;
export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

/** How a shortcut is written for people: `Ctrl + Shift + P`, or with ⌘ on a Mac. */
export function shortcutLabel(keys: string, isMac: boolean): string[] {
  return keys.split('+').map((k) => (k === 'mod' ? (isMac ? '⌘' : 'Ctrl') : k === 'shift' ? 'Shift' : k === 'alt' ? (isMac ? '⌥' : 'Alt') : k.toUpperCase()));
}
