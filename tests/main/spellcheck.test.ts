import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/shared/i18n/locales';
import {
  configureSpellchecker,
  DICTIONARY_URL_NOWHERE,
  spellcheckLanguagesFor,
  spellcheckUsesOsDictionaries,
  windowSpellcheck,
  type SpellcheckSession,
} from '../../src/main/spellcheck';
import { offscreenWindowOptions, windowOptions } from '../../src/main/windowOptions';

/** What Chromium's spellchecker lists (its Hunspell codes), as `availableSpellCheckerLanguages` returns them. */
const CHROMIUM = [
  'af',
  'bg',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en-AU',
  'en-CA',
  'en-GB',
  'en-US',
  'es',
  'et',
  'fr',
  'hr',
  'hu',
  'it',
  'nl',
  'pl',
  'pt-BR',
  'ro',
  'ru',
  'sh',
  'sk',
  'sl',
  'sq',
  'sr',
  'sv',
  'tr',
  'uk',
];

function fakeSession(available: string[] = CHROMIUM) {
  const calls: string[] = [];
  const session: SpellcheckSession = {
    setSpellCheckerEnabled: (on) => void calls.push(`enabled ${on}`),
    setSpellCheckerLanguages: (languages) => void calls.push(`languages ${languages.join(',')}`),
    setSpellCheckerDictionaryDownloadURL: (url) => void calls.push(`url ${url}`),
    availableSpellCheckerLanguages: available,
  };
  return { session, calls };
}

describe('spellcheck policy: local dictionaries only, never the network', () => {
  it('is on only where the OS spellchecker has the dictionaries (Windows, macOS); off on Linux and anything else', () => {
    expect(spellcheckUsesOsDictionaries('win32')).toBe(true);
    expect(spellcheckUsesOsDictionaries('darwin')).toBe(true);
    for (const p of ['linux', 'freebsd', 'openbsd', 'sunos', 'aix'] as const) expect(spellcheckUsesOsDictionaries(p), p).toBe(false);
  });

  it('never points a dictionary download off this computer, on any platform, before anything is enabled', () => {
    expect(new URL(DICTIONARY_URL_NOWHERE).hostname).toBe('127.0.0.1');
    expect(DICTIONARY_URL_NOWHERE).not.toMatch(/google|gstatic|redirector/);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const { session, calls } = fakeSession();
      configureSpellchecker(session, platform, 'hr');
      expect(calls[0], platform).toBe(`url ${DICTIONARY_URL_NOWHERE}`);
    }
  });

  it('Linux: off, whatever the language (Chromium would download Hunspell dictionaries from Google)', () => {
    for (const locale of LOCALES) {
      const { session, calls } = fakeSession();
      expect(configureSpellchecker(session, 'linux', locale)).toEqual({ enabled: false, languages: [] });
      expect(calls).toEqual([`url ${DICTIONARY_URL_NOWHERE}`, 'enabled false']);
    }
  });

  it('Windows: the dictionary of the UI language, then on', () => {
    const { session, calls } = fakeSession();
    expect(configureSpellchecker(session, 'win32', 'sl')).toEqual({ enabled: true, languages: ['sl'] });
    expect(calls).toEqual([`url ${DICTIONARY_URL_NOWHERE}`, 'languages sl', 'enabled true']);
  });

  it('Windows: no dictionary for the UI language means off, never English marking every Slavic word wrong', () => {
    const { session, calls } = fakeSession(['en-US', 'de']);
    expect(configureSpellchecker(session, 'win32', 'hr')).toEqual({ enabled: false, languages: [] });
    expect(calls).toEqual([`url ${DICTIONARY_URL_NOWHERE}`, 'enabled false']);
  });

  it('macOS: on, and the OS picks the language (no language call, no download there)', () => {
    const { session, calls } = fakeSession();
    expect(configureSpellchecker(session, 'darwin', 'sr-Cyrl')).toEqual({ enabled: true, languages: [] });
    expect(calls).toEqual([`url ${DICTIONARY_URL_NOWHERE}`, 'enabled true']);
  });

  it('the window may spellcheck only where the session may turn it on', () => {
    expect(windowSpellcheck('win32')).toBe(true);
    expect(windowSpellcheck('darwin')).toBe(true);
    expect(windowSpellcheck('linux')).toBe(false);
    expect(windowOptions('/p', 'win32').webPreferences?.spellcheck).toBe(true);
    expect(windowOptions('/p', 'darwin').webPreferences?.spellcheck).toBe(true);
    expect(windowOptions('/p', 'linux').webPreferences?.spellcheck).toBe(false);
    // The hidden print window never spellchecks.
    expect(offscreenWindowOptions().webPreferences?.spellcheck).toBe(false);
  });
});

describe('spellcheck languages from the UI language', () => {
  it('maps each UI language to the one dictionary Chromium offers for it', () => {
    expect(Object.fromEntries(LOCALES.map((l) => [l, spellcheckLanguagesFor(l, CHROMIUM)]))).toEqual({
      hr: ['hr'],
      'sr-Latn': ['sh'],
      'sr-Cyrl': ['sr'],
      bs: ['hr'], // no Bosnian dictionary: Croatian, the closest ijekavian spelling
      sl: ['sl'],
      en: ['en-GB'],
    });
  });

  it('prefers the regional dictionary when the OS offers it, matched without regard to case', () => {
    const os = ['bs-Latn-BA', 'hr-HR', 'sr-latn-rs', 'sr-Cyrl-RS', 'sl-SI', 'en-us'];
    expect(spellcheckLanguagesFor('bs', os)).toEqual(['bs-Latn-BA']);
    expect(spellcheckLanguagesFor('hr', os)).toEqual(['hr-HR']);
    expect(spellcheckLanguagesFor('sr-Latn', os)).toEqual(['sr-latn-rs']);
    expect(spellcheckLanguagesFor('sr-Cyrl', os)).toEqual(['sr-Cyrl-RS']);
    expect(spellcheckLanguagesFor('sl', os)).toEqual(['sl-SI']);
    expect(spellcheckLanguagesFor('en', os)).toEqual(['en-us']);
  });

  it('Serbian never falls back to Croatian, nor Slovenian to anything else', () => {
    expect(spellcheckLanguagesFor('sr-Cyrl', ['hr', 'sh'])).toEqual([]);
    expect(spellcheckLanguagesFor('sl', ['hr', 'en-GB'])).toEqual([]);
  });
});
