import { describe, expect, it } from 'vitest';
import { hr } from 'date-fns/locale/hr';
import { sl } from 'date-fns/locale/sl';
import { sr } from 'date-fns/locale/sr';
import { srLatn } from 'date-fns/locale/sr-Latn';
import { bs } from 'date-fns/locale/bs';
import { enGB } from 'date-fns/locale/en-GB';
import {
  dateFnsLocale,
  datePattern,
  dayjsDatePattern,
  formatDate,
  formatDateLong,
  formatDateTime,
  formatNumber,
  intlTag,
  parseUserDate,
  toDate,
} from '../../src/shared/i18n/format';
import { LOCALES } from '../../src/shared/i18n/locales';

describe('formatDate', () => {
  const expected = {
    hr: '23.11.2026.',
    'sr-Latn': '23.11.2026.',
    'sr-Cyrl': '23.11.2026.',
    bs: '23.11.2026.',
    sl: '23. 11. 2026',
    en: '23/11/2026',
  } as const;

  it.each(LOCALES)('%s', (locale) => {
    expect(formatDate('2026-11-23', locale)).toBe(expected[locale]);
    expect(formatDate(new Date(2026, 10, 23, 23, 59), locale)).toBe(expected[locale]);
  });

  it('pads day and month where the language does (hr, sr, bs), not in Slovenian (issue 18 item 7)', () => {
    expect(formatDate('2026-04-03', 'hr')).toBe('03.04.2026.');
    // Slovenian writes "17. 3. 2026", as Intl does for sl-SI; "17. 03. 2026" is not Slovenian.
    expect(formatDate('2026-03-17', 'sl')).toBe('17. 3. 2026');
    expect(formatDate('2026-03-17', 'sl')).toBe(new Intl.DateTimeFormat('sl-SI').format(new Date(2026, 2, 17)));
    expect(formatDate('2026-04-03', 'sl')).toBe('3. 4. 2026');
    expect(formatDateTime(new Date(2026, 3, 3, 9, 5), 'sl')).toBe('3. 4. 2026 09:05');
  });

  it('date pickers show the same form as formatDate (dayjs tokens), never one hard-coded for Croatian', () => {
    expect(dayjsDatePattern('hr')).toBe('DD.MM.YYYY.');
    expect(dayjsDatePattern('sl')).toBe('D. M. YYYY');
    expect(dayjsDatePattern('en')).toBe('DD/MM/YYYY');
  });

  it('reads date-only ISO strings as local calendar dates (no UTC shift)', () => {
    expect(toDate('2026-01-01')?.getDate()).toBe(1);
    expect(toDate('2026-01-01')?.getHours()).toBe(0);
    expect(formatDate('2026-01-01', 'hr')).toBe('01.01.2026.');
  });

  it('returns an empty string for empty or invalid input', () => {
    expect(formatDate(null, 'hr')).toBe('');
    expect(formatDate(undefined, 'hr')).toBe('');
    expect(formatDate('', 'hr')).toBe('');
    expect(formatDate('not a date', 'hr')).toBe('');
    expect(formatDateTime('2026-13-45', 'hr')).toBe('');
  });

  it('every pattern round-trips through parseUserDate', () => {
    for (const locale of LOCALES) {
      expect(datePattern(locale)).toBeTruthy();
      expect(parseUserDate(formatDate('2026-02-28', locale))).toBe('2026-02-28');
    }
  });
});

describe('formatDateTime and formatDateLong', () => {
  const d = new Date(2026, 10, 23, 14, 5);

  it('adds 24-hour local time', () => {
    expect(formatDateTime(d, 'hr')).toBe('23.11.2026. 14:05');
    expect(formatDateTime(d, 'sl')).toBe('23. 11. 2026 14:05');
    expect(formatDateTime(d, 'en')).toBe('23/11/2026 14:05');
    expect(formatDateTime(new Date(2026, 0, 2, 9, 7), 'sr-Cyrl')).toBe('02.01.2026. 09:07');
  });

  it('writes the month name in the language and script', () => {
    expect(formatDateLong(d, 'hr')).toMatch(/^23\. studenoga? 2026\.$/);
    expect(formatDateLong(d, 'sr-Latn')).toBe('23. novembar 2026.');
    expect(formatDateLong(d, 'sr-Cyrl')).toBe('23. новембар 2026.');
    expect(formatDateLong(d, 'sl')).toBe('23. november 2026');
    expect(formatDateLong(d, 'en')).toBe('23 November 2026');
  });
});

describe('locale mapping', () => {
  it('maps to date-fns locales', () => {
    expect(dateFnsLocale('hr')).toBe(hr);
    expect(dateFnsLocale('sr-Latn')).toBe(srLatn);
    expect(dateFnsLocale('sr-Cyrl')).toBe(sr);
    expect(dateFnsLocale('bs')).toBe(bs);
    expect(dateFnsLocale('sl')).toBe(sl);
    expect(dateFnsLocale('en')).toBe(enGB);
  });

  it('maps to Intl tags that Intl supports', () => {
    expect(intlTag('sr-Latn')).toBe('sr-Latn-RS');
    expect(intlTag('sr-Cyrl')).toBe('sr-Cyrl-RS');
    for (const locale of LOCALES) {
      expect(Intl.NumberFormat.supportedLocalesOf([intlTag(locale)])).toEqual([intlTag(locale)]);
    }
  });
});

describe('formatNumber', () => {
  it('uses the local separators', () => {
    expect(formatNumber(1234567.5, 'hr')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'sr-Latn')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'sr-Cyrl')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'bs')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'sl')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('passes Intl options through', () => {
    expect(formatNumber(0.256, 'hr', { style: 'percent', maximumFractionDigits: 1 })).toMatch(/^25,6\s?%$/);
    expect(formatNumber(1500, 'hr', { style: 'currency', currency: 'EUR' })).toMatch(/^1\.500,00\s€$/);
  });
});

describe('parseUserDate', () => {
  it.each([
    ['23.11.2026.', '2026-11-23'],
    ['23.11.2026', '2026-11-23'],
    ['23. 11. 2026.', '2026-11-23'],
    ['23. 11. 2026', '2026-11-23'],
    [' 3.4.2026 ', '2026-04-03'],
    ['03.04.2026.', '2026-04-03'],
    ['23/11/2026', '2026-11-23'],
    ['23-11-2026', '2026-11-23'],
    ['2026-11-23', '2026-11-23'],
    ['29.02.2028.', '2028-02-29'],
    ['01022026', '2026-02-01'],
  ])('%s → %s', (input, iso) => {
    expect(parseUserDate(input)).toBe(iso);
  });

  it.each([
    '',
    '23.11.26',
    '32.01.2026',
    '29.02.2026',
    '31.04.2026.',
    '23.13.2026',
    '00.01.2026',
    '23.11.2026..',
    '23.11/2026',
    'sutra',
    '2026-11-23T10:00',
    '23.11.2026. 14:00',
    '31022026',
    '2311202',
  ])('rejects %j', (input) => {
    expect(parseUserDate(input)).toBeNull();
  });
});
