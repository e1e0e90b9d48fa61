import { collatorFor } from '../i18n/collation';
import { intlTag } from '../i18n/format';
import { isLocale, type Locale } from '../i18n/locales';
import { cyrillicToLatin } from '../i18n/transliterate';

/**
 * The languages a mentor or mentee is matched on, as stored: ISO 639 codes (639-1 where there
 * is one; Romani has only the 639-2 "rom"). The form shows their names in the user's language,
 * so nobody types a code: an old hint in Serbian Cyrillic made mentors type "ср" for "sr".
 */
export const MATCHING_LANGUAGES = ['hr', 'sr', 'bs', 'sl', 'en', 'de', 'it', 'hu', 'mk', 'sq', 'rom', 'ro', 'uk', 'ru', 'ar', 'tr', 'fr', 'es'] as const;

/** A stored language code as the matcher compares it: trimmed, lower case, a code typed in Serbian Cyrillic read in Latin ("ср" → "sr"). */
export function normaliseLanguageCode(code: string): string {
  const lower = code.trim().toLowerCase();
  return /[\u0400-\u04ff]/u.test(lower) ? cyrillicToLatin(lower) : lower;
}

// Romani is on the list for the Roma the programmes serve, but Chromium's ICU has no name for
// "rom" in every language (it showed the bare code in Serbian Cyrillic).
const ROMANI: Record<Locale, string> = { hr: 'romski', 'sr-Latn': 'romski', 'sr-Cyrl': 'ромски', bs: 'romski', sl: 'romščina', en: 'Romani' };

/** The language's name in the UI language ("srpski", "српски", "Serbian"); the code itself when Intl knows none. */
export function languageName(code: string, locale: Locale | string): string {
  if (code === 'rom' && isLocale(locale)) return ROMANI[locale];
  try {
    const names = new Intl.DisplayNames([isLocale(locale) ? intlTag(locale) : locale], { type: 'language', fallback: 'code' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A stored list as the language field shows it: each code normalised once ("ср" and "sr" are one choice, "sr"). */
export function languageValues(stored: readonly string[]): string[] {
  return [...new Set(stored.map(normaliseLanguageCode))];
}

/** Choices for a language field: the matching languages plus any other code already stored, by name in alphabetical order. */
export function languageOptions(locale: Locale | string, stored: readonly string[] = []): { value: string; label: string }[] {
  const codes = [...new Set([...MATCHING_LANGUAGES, ...languageValues(stored)])];
  const collator = collatorFor(locale);
  return codes.map((value) => ({ value, label: languageName(value, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}
