import { foldForSearch } from '../i18n/transliterate';

/**
 * Lower-case, trimmed, spaces collapsed, without diacritics, Cyrillic as Latin: "Čakovec",
 * "cakovec " and "Чаковец" compare equal. The folding itself is foldForSearch's (one rule).
 */
export function foldKey(s: string): string {
  return foldForSearch(s).replace(/\s+/g, ' ').trim();
}
