import { initReactI18next } from 'react-i18next';
import { createI18n } from '@shared/i18n/setup';
import type { Locale } from '@shared/i18n/locales';

/** The renderer's i18next instance: the shared resources plus the React binding. */
export function createRendererI18n(locale: Locale) {
  return createI18n(locale, { plugins: [initReactI18next] });
}
