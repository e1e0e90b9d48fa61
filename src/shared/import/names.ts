/**
 * One cell holding a whole name → first name and surname.
 *
 * Registers write names in several orders; which part is the surname decides a person's key, so a
 * wrong guess makes one woman two people at the lead. The signals, strongest first:
 *   1. a comma: "Horvat, Ana Marija" — surname before it;
 *   2. capitals: "HORVAT Ana", "Ana Marija HORVAT" — the all-capital words (at the start or the
 *      end) are the surname, written back in title case ("Horvat");
 *   3. the column's order: "Ime i prezime" → the last word is the surname; "Prezime i ime" → the
 *      first word is.
 */

export type NameOrder = 'firstNameFirst' | 'surnameFirst';

export interface SplitName {
  firstName: string;
  lastName: string;
}

const LETTER = /\p{L}/u;

/** A word of two or more letters written all in capitals ("HORVAT", "KOVAČEVIĆ-HORVAT", "ПЕТРОВИЋ"). */
function isCapitals(word: string): boolean {
  const letters = [...word].filter((c) => LETTER.test(c));
  return letters.length >= 2 && word === word.toLocaleUpperCase() && word !== word.toLocaleLowerCase();
}

/** "KOVAČEVIĆ-HORVAT" → "Kovačević-Horvat", "LJUBIČIĆ" → "Ljubičić". */
export function titleCase(text: string): string {
  return text.toLocaleLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase());
}

/** Splits a whole name, or returns null when it has no two parts. */
export function splitFullName(text: string, order: NameOrder): SplitName | null {
  const clean = text.trim().replace(/\s+/g, ' ');
  const comma = clean.indexOf(',');
  if (comma >= 0) {
    const last = clean.slice(0, comma).trim();
    const first = clean.slice(comma + 1).trim();
    if (!last || !first) return null;
    return { firstName: first, lastName: isCapitals(last) && !isCapitals(first) ? titleCase(last) : last };
  }
  const words = clean.split(' ').filter(Boolean);
  if (words.length < 2) return null;
  const caps = words.map(isCapitals);
  const capsCount = caps.filter(Boolean).length;
  if (capsCount > 0 && capsCount < words.length) {
    // The capital words must sit together at one end: "HORVAT Ana" or "Ana HORVAT".
    if (caps.slice(0, capsCount).every(Boolean))
      return { lastName: titleCase(words.slice(0, capsCount).join(' ')), firstName: words.slice(capsCount).join(' ') };
    if (caps.slice(words.length - capsCount).every(Boolean))
      return { lastName: titleCase(words.slice(words.length - capsCount).join(' ')), firstName: words.slice(0, words.length - capsCount).join(' ') };
  }
  return order === 'surnameFirst'
    ? { lastName: words[0]!, firstName: words.slice(1).join(' ') }
    : { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}
