import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '@shared/i18n/format';
import { isLocale, type Locale } from '@shared/i18n/locales';

/** Dates and numbers in the user's language (dd.MM.yyyy. and friends). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  return {
    locale,
    date: (value: string | Date) => formatDate(value, locale),
    dateTime: (value: string | Date) => formatDateTime(value, locale),
    number: (value: number) => formatNumber(value, locale),
  };
}
