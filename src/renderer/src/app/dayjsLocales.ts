import 'dayjs/locale/hr';
import 'dayjs/locale/sr';
import 'dayjs/locale/sr-cyrl';
import 'dayjs/locale/bs';
import 'dayjs/locale/sl';
import 'dayjs/locale/en-gb';
import type { Locale } from '@shared/i18n/locales';

/** @mantine/dates pickers speak dayjs; these are its names for our six languages. */
export const DAYJS_LOCALE: Record<Locale, string> = { hr: 'hr', 'sr-Latn': 'sr', 'sr-Cyrl': 'sr-cyrl', bs: 'bs', sl: 'sl', en: 'en-gb' };
