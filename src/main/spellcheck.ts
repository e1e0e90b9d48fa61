import type { Locale } from '@shared/i18n/locales';

/**
 * Spelling suggestions only where the dictionaries are already on the computer and nothing typed
 * (names of vulnerable people) or fetched reaches the network (docs/security.md, decisions.md):
 * - macOS: the OS spellchecker (NSSpellChecker); it picks the language from the OS settings, and
 *   Electron downloads no dictionary there.
 * - Windows: the OS spellchecker (Windows Spell Checking API) for the languages Windows has;
 *   Chromium would fetch a Hunspell dictionary from Google's CDN for any other, so the download
 *   URL points at this computer (DICTIONARY_URL_NOWHERE) and such a language simply goes unchecked.
 * - Linux (and anything else): Chromium has only Hunspell there, downloaded from Google's CDN:
 *   off.
 */
export type SpellcheckPlatform = NodeJS.Platform;

/** Where Chromium would fetch `<lang>.bdic` from: the loopback discard port, which never leaves the computer. */
export const DICTIONARY_URL_NOWHERE = 'http://127.0.0.1:9/';

/** Whether the platform's spellchecker uses the OS's own, local dictionaries. */
export function spellcheckUsesOsDictionaries(platform: SpellcheckPlatform): boolean {
  return platform === 'win32' || platform === 'darwin';
}

/**
 * The spellchecker languages to ask Chromium for, best first, for each UI language: Bosnian falls
 * back to Croatian (the closest ijekavian spelling), Serbian Latin to Serbo-Croatian, and English
 * prefers British spelling (the EU donors' reports).
 */
const CANDIDATES: Record<Locale, readonly string[]> = {
  hr: ['hr-HR', 'hr'],
  bs: ['bs-Latn-BA', 'bs-BA', 'bs', 'hr-HR', 'hr'],
  'sr-Latn': ['sr-Latn-RS', 'sr-Latn', 'sh', 'sr-RS', 'sr'],
  'sr-Cyrl': ['sr-Cyrl-RS', 'sr-Cyrl', 'sr-RS', 'sr'],
  sl: ['sl-SI', 'sl'],
  en: ['en-GB', 'en-US', 'en'],
};

/**
 * The one dictionary for the UI language among those this spellchecker offers (matched without
 * regard to case), or none. One, not several: a second language's dictionary would pass its words
 * as correct; and none rather than English, which would mark every Slavic word wrong.
 */
export function spellcheckLanguagesFor(locale: Locale, available: readonly string[]): string[] {
  const byLower = new Map(available.map((code) => [code.toLowerCase(), code]));
  for (const candidate of CANDIDATES[locale]) {
    const code = byLower.get(candidate.toLowerCase());
    if (code !== undefined) return [code];
  }
  return [];
}

/** The parts of Electron's Session the spellchecker is set up through. */
export interface SpellcheckSession {
  setSpellCheckerEnabled(enable: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  readonly availableSpellCheckerLanguages: string[];
}

/** What was set, for the log and the tests. */
export interface SpellcheckState {
  readonly enabled: boolean;
  /** The dictionary asked for (Windows); empty where the OS chooses (macOS) or when off. */
  readonly languages: readonly string[];
}

/** The window's `spellcheck` flag: on only where the session may turn the spellchecker on (it cannot be turned on later otherwise). */
export function windowSpellcheck(platform: SpellcheckPlatform): boolean {
  return spellcheckUsesOsDictionaries(platform);
}

/**
 * Sets the session's spellchecker for the UI language (at start and on every language change).
 * The download URL points at this computer first, on every platform, before anything is enabled.
 */
export function configureSpellchecker(session: SpellcheckSession, platform: SpellcheckPlatform, locale: Locale): SpellcheckState {
  session.setSpellCheckerDictionaryDownloadURL(DICTIONARY_URL_NOWHERE);
  if (!spellcheckUsesOsDictionaries(platform)) {
    session.setSpellCheckerEnabled(false);
    return { enabled: false, languages: [] };
  }
  if (platform === 'darwin') {
    // The OS chooses the language (Electron's language setter is a no-op there).
    session.setSpellCheckerEnabled(true);
    return { enabled: true, languages: [] };
  }
  const languages = spellcheckLanguagesFor(locale, session.availableSpellCheckerLanguages);
  if (languages.length === 0) {
    session.setSpellCheckerEnabled(false);
    return { enabled: false, languages: [] };
  }
  session.setSpellCheckerLanguages(languages);
  session.setSpellCheckerEnabled(true);
  return { enabled: true, languages };
}
