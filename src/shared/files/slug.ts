import { cyrillicToLatin } from '../i18n/transliterate';

/**
 * THE file-name part made of a name or title, for every file Mreža proposes: Cyrillic
 * transliterated, diacritics dropped so the letters stay readable ("Udruga žena Međimurja" and
 * "Удружење жена Међимурја" → "udruga-zena-medimurja", "udruzenje-zena-medimurja"), lower case,
 * other characters one dash, at most `max` characters, never empty.
 */
export function fileSlug(text: string, options: { max?: number; fallback?: string } = {}): string {
  const { max = 60, fallback = 'mreza' } = options;
  const slug = cyrillicToLatin(text)
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** A file's own name made the same way, keeping its extension in lower case: "Потписна листа.PDF" → "potpisna-lista.pdf". */
export function fileNameSlug(fileName: string, options: { max?: number; fallback?: string } = {}): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  if (!extension) return fileSlug(fileName, options);
  return `${fileSlug(fileName.slice(0, -extension[0].length), options)}.${extension[1]!.toLowerCase()}`;
}
