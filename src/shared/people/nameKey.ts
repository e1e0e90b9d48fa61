import { foldForSearch } from '../i18n/transliterate';

/** The key two spellings of one person share: "Petrović Ana", "Ана Петровић", "ana petrovic". */
export function personNameKey(p: { firstName: string; lastName: string }): string {
  return `${foldForSearch(p.firstName)} ${foldForSearch(p.lastName)}`.replace(/\s+/g, ' ').trim();
}
