import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@shared/model';
import { cyrillicToLatin, latinToCyrillic } from '@shared/i18n/transliterate';

/**
 * Which key sets which attendance status, on whatever keyboard layout the coordinator has on.
 *
 * Each language names the statuses with its own initial letters (`attendance.keys.*`: P/Z/O/N in
 * Croatian, П/З/О/Н in Serbian Cyrillic, P/L/E/A in English), and the hint shows those letters.
 * A key press is read in this order:
 *  1. the digits 1–4 by their physical key (`KeyboardEvent.code`: Digit1–4, Numpad1–4), so they
 *     work on every layout, AZERTY included;
 *  2. the letter the key typed, or its counterpart in the other Serbian script, so a coordinator
 *     with a Serbian Cyrillic layout presses П for "P" and one with a Latin layout presses P for
 *     "П" (and Z is Z on a QWERTY and on a QWERTZ keyboard);
 *  3. a key that typed no Latin or Serbian Cyrillic letter (another script, a dead key, an IME)
 *     by its physical position on the language's own keyboard (QWERTZ for hr/bs/sr/sl, where
 *     the Serbian Cyrillic layout has the same positions, QWERTY for English).
 * Another letter of the user's own alphabets sets nothing: she typed a letter that is not on the hint.
 */

const DIGIT_CODES: Record<string, AttendanceStatus> = Object.fromEntries(
  ATTENDANCE_STATUSES.flatMap((s, i) => [
    [`Digit${i + 1}`, s],
    [`Numpad${i + 1}`, s],
  ]),
);
/** Clears a mark: 0 on the number row or the keypad. */
export const CLEAR_CODES = new Set(['Digit0', 'Numpad0']);

/** The letter a physical key types on the language's standard layout (QWERTZ swaps Y and Z). */
function standardLetter(code: string, qwertz: boolean): string | undefined {
  const m = /^Key([A-Z])$/.exec(code);
  if (!m) return undefined;
  const letter = m[1]!.toLowerCase();
  if (qwertz && letter === 'y') return 'z';
  if (qwertz && letter === 'z') return 'y';
  return letter;
}

const SERBIAN_LETTER = /^[a-zčćđšžа-шђјљњћџ]$/u;
const otherScript = (letter: string) => (/^[a-zčćđšž]$/.test(letter) ? latinToCyrillic(letter) : cyrillicToLatin(letter));

export interface AttendanceKeyMap {
  /** The letter shown on the hint and in the cells, per status, as the language writes it. */
  letters: Record<AttendanceStatus, string>;
  byLetter: Map<string, AttendanceStatus>;
  qwertz: boolean;
}

/** The key map of one language from its status letters (`attendance.keys.*`). */
export function attendanceKeyMap(letters: Record<AttendanceStatus, string>, locale: string): AttendanceKeyMap {
  const byLetter = new Map<string, AttendanceStatus>();
  for (const s of ATTENDANCE_STATUSES) {
    const letter = letters[s].toLocaleLowerCase();
    byLetter.set(letter, s);
    byLetter.set(otherScript(letter), s);
  }
  return { letters, byLetter, qwertz: locale !== 'en' };
}

/** The status a key press sets, or undefined when it sets none. */
export function statusForKey(map: AttendanceKeyMap, e: { key: string; code: string }): AttendanceStatus | undefined {
  const digit = DIGIT_CODES[e.code];
  if (digit) return digit;
  const typed = e.key.length === 1 ? e.key.toLocaleLowerCase() : '';
  if (typed) {
    const s = map.byLetter.get(typed);
    if (s) return s;
    if (SERBIAN_LETTER.test(typed) || !/\p{L}/u.test(typed)) return undefined;
  }
  const letter = standardLetter(e.code, map.qwertz);
  return letter ? map.byLetter.get(letter) : undefined;
}
