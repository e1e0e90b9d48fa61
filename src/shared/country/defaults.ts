import type { Locale } from '../i18n/locales';
import type { Country, LegalForm } from '../model';
import { LEGAL_FORMS } from '../model';

/**
 * What the organisation's country implies: the one home of country-dependent defaults, so no
 * form assumes Croatia for a Serbian or Slovenian organisation.
 */

/** The language (ISO 639-1) people in each country speak by default. */
const COUNTRY_LANGUAGE: Record<Exclude<Country, 'other'>, string> = { HR: 'hr', RS: 'sr', BA: 'bs', SI: 'sl' };

/** The language (ISO 639-1) of a UI locale. */
export function localeLanguage(locale: Locale): string {
  return locale === 'sr-Latn' || locale === 'sr-Cyrl' ? 'sr' : locale;
}

/**
 * The languages a new mentor or mentee profile starts with: the country's language; where the
 * country says nothing ('other' or unknown), the language the organisation works in.
 */
export function defaultLanguages(country: Country | undefined, locale: Locale): string[] {
  if (country && country !== 'other') return [COUNTRY_LANGUAGE[country]];
  return [localeLanguage(locale)];
}

/**
 * The country a first-run form suggests for a UI language; none for English (nothing to go
 * on, so the user chooses).
 */
export function countryForLocale(locale: Locale): Country | undefined {
  switch (locale) {
    case 'hr':
      return 'HR';
    case 'sr-Latn':
    case 'sr-Cyrl':
      return 'RS';
    case 'bs':
      return 'BA';
    case 'sl':
      return 'SI';
    default:
      return undefined;
  }
}

/**
 * The legal forms a business can take in each country, most common first: Croatian obrt,
 * j.d.o.o., d.o.o., OPG, udruga, zadruga; Serbian preduzetnik, d.o.o., zadruga, udruženje;
 * Bosnian samostalni obrtnik, d.o.o., zadruga, udruženje; Slovenian s.p., d.o.o., zadruga, društvo.
 */
const COUNTRY_LEGAL_FORMS: Record<Exclude<Country, 'other'>, readonly LegalForm[]> = {
  HR: ['obrt', 'jdoo', 'doo', 'opg', 'association', 'cooperative', 'other'],
  RS: ['preduzetnik', 'doo', 'cooperative', 'association', 'other'],
  BA: ['samostalniObrtnik', 'doo', 'cooperative', 'association', 'other'],
  SI: ['sp', 'doo', 'cooperative', 'association', 'other'],
};

export function legalFormsFor(country: Country | undefined): readonly LegalForm[] {
  return country && country !== 'other' ? COUNTRY_LEGAL_FORMS[country] : LEGAL_FORMS;
}
