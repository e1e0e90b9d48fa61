/**
 * Locale-aware formatting of dates and numbers for the six UI languages.
 *
 * Numeric date conventions (chosen forms; the widespread everyday/administrative ones):
 *   hr, sr-Latn, sr-Cyrl, bs   23.11.2026.    day and month with leading zero, trailing dot
 *                                             (ordinal dot after the year), no spaces, as on
 *                                             forms and in software in the region
 *   sl                         23. 11. 2026   Slovenian pravopis: spaces after the dots, no dot
 *                                             after the year and no leading zero ("3. 4. 2026",
 *                                             what CLDR/Intl gives for sl-SI)
 *   en                         23/11/2026     British English (en-GB), never US month-first
 * Times are 24-hour HH:mm everywhere.
 *
 * Date-only ISO strings ("2026-11-23") are calendar dates and are read in local time, never as
 * UTC midnight, so they never shift by a day.
 */
// One module per function and locale: the 'date-fns' and 'date-fns/locale' barrels load hundreds
// of files, which cost every test file that imports this one seconds (the app's bundle tree-shakes).
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { bs } from 'date-fns/locale/bs';
import { enGB } from 'date-fns/locale/en-GB';
import { hr } from 'date-fns/locale/hr';
import { sl } from 'date-fns/locale/sl';
import { sr } from 'date-fns/locale/sr';
import { srLatn } from 'date-fns/locale/sr-Latn';
import type { Locale as DateFnsLocale } from 'date-fns';
import type { Locale } from './locales';

export type DateInput = string | number | Date | null | undefined;

const DATE_PATTERN: Record<Locale, string> = {
  hr: 'dd.MM.yyyy.',
  'sr-Latn': 'dd.MM.yyyy.',
  'sr-Cyrl': 'dd.MM.yyyy.',
  bs: 'dd.MM.yyyy.',
  sl: 'd. M. yyyy',
  en: 'dd/MM/yyyy',
};

const DATE_FNS_LOCALE: Record<Locale, DateFnsLocale> = {
  hr,
  'sr-Latn': srLatn,
  'sr-Cyrl': sr,
  bs,
  sl,
  en: enGB,
};

const INTL_TAG: Record<Locale, string> = {
  hr: 'hr-HR',
  'sr-Latn': 'sr-Latn-RS',
  'sr-Cyrl': 'sr-Cyrl-RS',
  bs: 'bs-Latn-BA',
  sl: 'sl-SI',
  en: 'en-GB',
};

/** The date-fns 4 locale for a UI language (sr-Cyrl → `sr`, en → `enGB`). */
export function dateFnsLocale(locale: Locale): DateFnsLocale {
  return DATE_FNS_LOCALE[locale];
}

/** The BCP 47 tag for Intl APIs, with region and (where the language has two) script. */
export function intlTag(locale: Locale): string {
  return INTL_TAG[locale];
}

/** The date-fns pattern formatDate uses for a locale (e.g. for input placeholders). */
export function datePattern(locale: Locale): string {
  return DATE_PATTERN[locale];
}

/**
 * The same pattern in dayjs tokens, for Mantine date pickers (dayjs: D = day of month, d = weekday),
 * so a picker shows a date exactly as formatDate writes it.
 */
export function dayjsDatePattern(locale: Locale): string {
  return DATE_PATTERN[locale].replace(/d/g, 'D').replace(/y/g, 'Y');
}

/** Date, epoch ms, or ISO 8601 string (date-only read as a local calendar date) → Date or null. */
export function toDate(input: DateInput): Date | null {
  if (input === null || input === undefined || input === '') return null;
  const date = typeof input === 'string' ? parseISO(input) : new Date(input);
  return isValid(date) ? date : null;
}

/** "23.11.2026." (hr, sr, bs), "23. 11. 2026" / "3. 4. 2026" (sl), "23/11/2026" (en); '' for empty/invalid input. */
export function formatDate(input: DateInput, locale: Locale): string {
  const date = toDate(input);
  return date ? format(date, DATE_PATTERN[locale]) : '';
}

/** formatDate plus 24-hour local time: "23.11.2026. 14:05"; '' for empty/invalid input. */
export function formatDateTime(input: DateInput, locale: Locale): string {
  const date = toDate(input);
  return date ? `${format(date, DATE_PATTERN[locale])} ${format(date, 'HH:mm')}` : '';
}

/** Long date with the month name: "23. studenoga 2026." / "23. новембар 2026." / "23 November 2026". */
export function formatDateLong(input: DateInput, locale: Locale): string {
  const date = toDate(input);
  return date ? format(date, 'PPP', { locale: DATE_FNS_LOCALE[locale] }) : '';
}

/** Intl.NumberFormat with the locale's tag: 1234.5 → "1.234,5" (hr), "1234,5" (sl), "1,234.5" (en). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_TAG[locale], options).format(value);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date a person typed (or a spreadsheet exported) and returns ISO "yyyy-MM-dd", or null.
 * Accepted, day first, with optional spaces around the separators and an optional final dot:
 *   "23.11.2026."  "23.11.2026"  "23. 11. 2026."  "3.4.2026"   (hr, sr, bs, sl)
 *   "23/11/2026"   "23-11-2026"                                 (en-GB, other exports)
 *   "2026-11-23"                                                (ISO, year first)
 *   "23112026"                                                  (eight digits, day first: typed
 *                                                               without separators, as into a
 *                                                               native date field)
 * Rejected: two-digit years, impossible dates (31.02.2026), month-first US dates are NOT
 * detected (03/04/2026 is 3 April), anything with extra text.
 */
export function parseUserDate(input: string): string | null {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*\.?$/.exec(s);
  if (dmy) return isoDate(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (compact) return isoDate(Number(compact[3]), Number(compact[2]), Number(compact[1]));
  return null;
}
