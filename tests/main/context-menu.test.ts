import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createI18n } from '../../src/shared/i18n/setup';
import { LOCALES } from '../../src/shared/i18n/locales';
import { contextMenuTemplate, MAX_SUGGESTIONS, type ContextParamsLike } from '../../src/main/contextMenu';

const all = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const params = (p: Partial<ContextParamsLike>): ContextParamsLike => ({
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: all,
  ...p,
});
const t = (locale: (typeof LOCALES)[number]) => {
  const i18n = createI18n(locale, { fallbackToEnglish: false });
  return (k: string) => i18n.t(k);
};
const noop = { replaceMisspelling: () => {}, addToDictionary: () => {} };
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => (i.type === 'separator' ? '—' : i.label));

describe('contextMenuTemplate', () => {
  it('a field gets cut, copy, paste and select all in the UI language, enabled as the field allows', () => {
    const items = contextMenuTemplate(params({ isEditable: true, editFlags: { ...all, canCut: false, canCopy: false } }), t('hr'), noop);
    expect(labels(items)).toEqual(['Izreži', 'Kopiraj', 'Zalijepi', '—', 'Odaberi sve']);
    expect(items.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(items[0]!.enabled).toBe(false);
    expect(items[2]!.enabled).toBe(true);
  });

  it('selected text outside a field gets copy and select all; nothing selected, no menu', () => {
    expect(labels(contextMenuTemplate(params({ selectionText: 'Zagreb' }), t('sl'), noop))).toEqual(['Kopiraj', 'Izberi vse']);
    expect(contextMenuTemplate(params({ selectionText: '  ' }), t('sl'), noop)).toEqual([]);
  });

  it('a misspelled word offers the dictionary’s suggestions first, and each replaces the word', () => {
    const replaced: string[] = [];
    const suggestions = ['radionica', 'radionice', 'radionicu', 'radnica', 'radio', 'radij', 'rad'];
    const items = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'radionca', dictionarySuggestions: suggestions }), t('bs'), {
      ...noop,
      replaceMisspelling: (w) => replaced.push(w),
    });
    expect(labels(items).slice(0, MAX_SUGGESTIONS + 1)).toEqual([...suggestions.slice(0, MAX_SUGGESTIONS), '—']);
    items[1]!.click?.(undefined as never, undefined, undefined as never);
    expect(replaced).toEqual(['radionice']);
  });

  it('a misspelled word (a surname, say) can be added to the dictionary, in each of the six languages', () => {
    const expected = {
      hr: 'Dodaj u rječnik',
      'sr-Latn': 'Dodaj u rečnik',
      'sr-Cyrl': 'Додај у речник',
      bs: 'Dodaj u rječnik',
      sl: 'Dodaj v slovar',
      en: 'Add to dictionary',
    };
    for (const locale of LOCALES) {
      const added: string[] = [];
      const items = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'Zlatarević', dictionarySuggestions: ['Zlatarevići'] }), t(locale), {
        ...noop,
        addToDictionary: (w) => added.push(w),
      });
      expect(labels(items), locale).toEqual(['Zlatarevići', '—', expected[locale], '—', ...labels(items).slice(4)]);
      items[2]!.click?.(undefined as never, undefined, undefined as never);
      expect(added, locale).toEqual(['Zlatarević']);
      // Cut, copy and paste still follow.
      expect(items.map((i) => i.role).filter(Boolean), locale).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    }
  });

  it('no misspelled word, no suggestions and no "Add to dictionary"', () => {
    const items = contextMenuTemplate(params({ isEditable: true, dictionarySuggestions: ['x'] }), t('en'), noop);
    expect(labels(items)).toEqual(['Cut', 'Copy', 'Paste', '—', 'Select all']);
  });

  it('a misspelled word without suggestions says so, disabled', () => {
    const items = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'xqz' }), t('en'), noop);
    expect(items[0]).toEqual({ label: 'No spelling suggestions', enabled: false });
  });

  it('has every label in each of the six languages', () => {
    for (const locale of LOCALES) {
      const items = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'x' }), t(locale), noop);
      for (const label of labels(items)) {
        expect(label, locale).toBeTruthy();
        expect(label, locale).not.toMatch(/desktop:|context\.|menu\./);
      }
    }
  });
});
