/** The six UI languages, in the order the language switch shows them. */
export const LOCALES = ['hr', 'sr-Latn', 'sr-Cyrl', 'bs', 'sl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, as a language switch should. */
export const LOCALE_NAMES: Record<Locale, string> = {
  hr: 'Hrvatski',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
  bs: 'Bosanski',
  sl: 'Slovenščina',
  en: 'English',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the UI language from the OS's preferred languages (BCP 47 tags, best first).
 * Serbian without a script defaults to Cyrillic, as the Serbian OS locale does; Montenegrin
 * readers get Serbian Latin; anything unknown falls back to English.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const raw of preferred) {
    const tag = raw.replace('_', '-').toLowerCase();
    const [lang, ...rest] = tag.split('-');
    if (lang === 'hr') return 'hr';
    if (lang === 'bs') return 'bs';
    if (lang === 'sl') return 'sl';
    if (lang === 'en') return 'en';
    if (lang === 'cnr' || lang === 'me') return 'sr-Latn';
    if (lang === 'sr' || lang === 'sh') {
      if (lang === 'sh' || rest.includes('latn')) return 'sr-Latn';
      return 'sr-Cyrl';
    }
  }
  return 'en';
}
