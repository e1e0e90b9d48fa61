import i18next, { type i18n as I18n, type InitOptions, type Module, type Newable } from 'i18next';
import { LOCALES, type Locale } from './locales';
import { NAMESPACES, resources, type Namespace } from './resources';

export type { I18n };
export { NAMESPACES, resources, type Namespace };

export const DEFAULT_NAMESPACE: Namespace = 'common';

/** Called once per missing key (and, for plurals, once per plural form of the language). */
export type MissingKeyHandler = (locale: string, namespace: string, key: string) => void;

export interface CreateI18nOptions {
  /** i18next plugins, e.g. `[initReactI18next]` in the renderer. Applied before `init`. */
  plugins?: readonly (Module | Newable<Module>)[];
  /**
   * Reports keys that are missing in the current language. When given, i18next's `saveMissing`
   * is switched on just to call this (there is no backend); otherwise it stays off.
   */
  onMissingKey?: MissingKeyHandler;
  /**
   * Fall back to English for a key missing in the current language (default true: a safety net
   * for users; the unit tests make sure no key is actually missing). Pass false in tests that
   * want to see the gap instead of the English text.
   */
  fallbackToEnglish?: boolean;
  /** Extra i18next options, merged last (escape hatch; prefer not to). */
  overrides?: Partial<InitOptions>;
}

/**
 * Creates and initialises (synchronously: all resources are bundled) a separate i18next
 * instance for `locale`. No React here; in the renderer:
 *   const i18n = createI18n(locale, { plugins: [initReactI18next] });
 * and switch language later with `i18n.changeLanguage(otherLocale)`.
 *
 * Plural forms come from Intl.PluralRules of the language code: hr, sr-Latn, sr-Cyrl and bs
 * resolve to one/few/other, sl to one/two/few/other, en to one/other (tested).
 */
export function createI18n(locale: Locale, options: CreateI18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  for (const plugin of options.plugins ?? []) instance.use(plugin);
  const onMissingKey = options.onMissingKey;
  const init: InitOptions = {
    lng: locale,
    fallbackLng: options.fallbackToEnglish === false ? false : 'en',
    supportedLngs: LOCALES,
    nonExplicitSupportedLngs: false,
    // 'sr-Latn' must not also look up 'sr' (not a locale of ours): only the exact code.
    load: 'currentOnly',
    resources: resources as InitOptions['resources'],
    ns: NAMESPACES,
    defaultNS: DEFAULT_NAMESPACE,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    saveMissing: onMissingKey !== undefined,
    saveMissingTo: 'current',
    missingKeyHandler: onMissingKey
      ? (lngs, ns, key) => {
          for (const lng of lngs) onMissingKey(lng, ns, key);
        }
      : false,
    ...options.overrides,
  };
  void instance.init(init);
  return instance;
}

/** A MissingKeyHandler that records `locale:namespace:key` strings, for tests. */
export function collectMissingKeys(): { onMissingKey: MissingKeyHandler; missing: string[] } {
  const missing: string[] = [];
  return { missing, onMissingKey: (locale, ns, key) => missing.push(`${locale}:${ns}:${key}`) };
}
