import type { MenuItemConstructorOptions } from 'electron';
import type { MenuT } from './menu';

/** The parts of Electron's ContextMenuParams the menu is built from. */
export interface ContextParamsLike {
  readonly isEditable: boolean;
  readonly selectionText: string;
  readonly misspelledWord: string;
  readonly dictionarySuggestions: readonly string[];
  readonly editFlags: { readonly canCut: boolean; readonly canCopy: boolean; readonly canPaste: boolean; readonly canSelectAll: boolean };
}

/** At most this many spelling suggestions, as word processors show. */
export const MAX_SUGGESTIONS = 5;

/**
 * The right-click menu in the UI language: on a misspelled word, the dictionary's suggestions and
 * "Add to dictionary" (the spellchecker is on only with the OS's local dictionaries, Windows and
 * macOS: spellcheck.ts), then cut/copy/paste/select all in a field, copy/select all on text.
 * Nothing elsewhere (an empty list: no menu pops up).
 */
export function contextMenuTemplate(
  params: ContextParamsLike,
  t: MenuT,
  actions: { replaceMisspelling: (word: string) => void; addToDictionary: (word: string) => void },
): MenuItemConstructorOptions[] {
  const l = (key: string) => t(`desktop:menu.${key}`);
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: t('desktop:context.noSuggestions'), enabled: false });
    for (const word of suggestions) items.push({ label: word, click: () => actions.replaceMisspelling(word) });
    const misspelled = params.misspelledWord;
    items.push({ type: 'separator' }, { label: t('desktop:context.addToDictionary'), click: () => actions.addToDictionary(misspelled) });
    items.push({ type: 'separator' });
  }
  const f = params.editFlags;
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: l('cut'), enabled: f.canCut },
      { role: 'copy', label: l('copy'), enabled: f.canCopy },
      { role: 'paste', label: l('paste'), enabled: f.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: l('selectAll'), enabled: f.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', label: l('copy'), enabled: f.canCopy }, { role: 'selectAll', label: l('selectAll'), enabled: f.canSelectAll });
  }
  return items;
}
