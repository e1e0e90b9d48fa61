import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/shared/i18n/locales';
import { resources } from '../../src/shared/i18n/resources';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../src/shared/model';
import { attendanceKeyMap, statusForKey } from '../../src/renderer/src/features/programmes/attendanceKeys';

const letters = (locale: (typeof LOCALES)[number]) =>
  (resources[locale].programmes as { attendance: { keys: Record<AttendanceStatus, string> } }).attendance.keys;
const names = (locale: (typeof LOCALES)[number]) =>
  (resources[locale].programmes as { attendance: { status: Record<AttendanceStatus, string> } }).attendance.status;
const map = (locale: (typeof LOCALES)[number]) => attendanceKeyMap(letters(locale), locale);

describe('attendance keys', () => {
  it('each language uses four different letters, each the initial of its own status name', () => {
    for (const locale of LOCALES) {
      const l = letters(locale);
      expect(new Set(ATTENDANCE_STATUSES.map((s) => l[s].toLowerCase())).size, locale).toBe(4);
      for (const s of ATTENDANCE_STATUSES) expect(names(locale)[s].charAt(0), `${locale} ${s}`).toBe(l[s]);
    }
    expect(Object.values(letters('hr'))).toEqual(['P', 'Z', 'O', 'N']);
    expect(Object.values(letters('sr-Cyrl'))).toEqual(['П', 'З', 'О', 'Н']);
  });

  it('a Serbian Cyrillic keyboard: П/З/О/Н set the statuses in Cyrillic and in Latin Serbian', () => {
    for (const locale of ['sr-Cyrl', 'sr-Latn'] as const) {
      const m = map(locale);
      // The keys where a Serbian Cyrillic layout has them (З sits where QWERTZ has Z).
      expect(statusForKey(m, { key: 'п', code: 'KeyP' })).toBe('present');
      expect(statusForKey(m, { key: 'з', code: 'KeyY' })).toBe('late');
      expect(statusForKey(m, { key: 'О', code: 'KeyO' })).toBe('excused');
      expect(statusForKey(m, { key: 'н', code: 'KeyN' })).toBe('absent');
      // The same keys with a Latin layout on.
      expect(statusForKey(m, { key: 'p', code: 'KeyP' })).toBe('present');
      expect(statusForKey(m, { key: 'z', code: 'KeyY' })).toBe('late');
    }
  });

  it('the letter typed decides, so Z is "late" on a QWERTY keyboard too, and Y sets nothing', () => {
    const m = map('hr');
    expect(statusForKey(m, { key: 'z', code: 'KeyZ' })).toBe('late');
    expect(statusForKey(m, { key: 'y', code: 'KeyY' })).toBeUndefined();
    expect(statusForKey(m, { key: 'Z', code: 'KeyY' })).toBe('late');
    // Letters that are not on the hint (the old English P/L/E/A in Croatian) set nothing.
    expect(statusForKey(m, { key: 'l', code: 'KeyL' })).toBeUndefined();
    expect(statusForKey(m, { key: 'a', code: 'KeyA' })).toBeUndefined();
    expect(statusForKey(m, { key: 'š', code: 'BracketLeft' })).toBeUndefined();
  });

  it('English letters on a Cyrillic layout: П/Л/Е/А set present/late/excused/absent', () => {
    const m = map('en');
    expect(['п', 'л', 'е', 'а'].map((key, i) => statusForKey(m, { key, code: ['KeyP', 'KeyL', 'KeyE', 'KeyA'][i]! }))).toEqual([...ATTENDANCE_STATUSES]);
  });

  it('a key of another script or a dead key goes by its position on the language’s keyboard', () => {
    expect(statusForKey(map('hr'), { key: 'π', code: 'KeyP' })).toBe('present');
    expect(statusForKey(map('hr'), { key: 'Dead', code: 'KeyY' })).toBe('late');
    expect(statusForKey(map('en'), { key: 'Unidentified', code: 'KeyL' })).toBe('late');
  });

  it('the digits 1–4 work in every language on the number row and the keypad, whatever they type', () => {
    for (const locale of LOCALES) {
      const m = map(locale);
      ATTENDANCE_STATUSES.forEach((s, i) => {
        expect(statusForKey(m, { key: String(i + 1), code: `Digit${i + 1}` })).toBe(s);
        expect(statusForKey(m, { key: String(i + 1), code: `Numpad${i + 1}` })).toBe(s);
      });
      // AZERTY: the 1 key types "&" without Shift.
      expect(statusForKey(m, { key: '&', code: 'Digit1' })).toBe('present');
      expect(statusForKey(m, { key: '5', code: 'Digit5' })).toBeUndefined();
      expect(statusForKey(m, { key: '-', code: 'Minus' })).toBeUndefined();
    }
  });
});
