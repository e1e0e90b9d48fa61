import type { Locale } from './locales';

/**
 * The collation a list is sorted by in each UI language: Č, Ć, DŽ, Đ, LJ, NJ, Š, Ž in their places
 * (Croatian, Serbian, Bosnian, Slovenian alphabets), numbers by value. Serbian Cyrillic uses the
 * Serbian Latin alphabet: names are shown as typed, mostly in Latin, and Cyrillic text falls in
 * the Unicode order, which is the азбука's.
 */
const COLLATION: Record<Locale, string> = { hr: 'hr', 'sr-Latn': 'sr-Latn', 'sr-Cyrl': 'sr-Latn', bs: 'bs', sl: 'sl', en: 'en' };

const cache = new Map<string, Intl.Collator>();

export function collatorFor(locale: Locale | string): Intl.Collator {
  const tag = COLLATION[locale as Locale] ?? locale;
  let collator = cache.get(tag);
  if (!collator) {
    collator = new Intl.Collator(tag, { numeric: true });
    cache.set(tag, collator);
  }
  return collator;
}

/** `(a, b) => number` for `.sort`, in the language's alphabetical order. */
export function compareText(locale: Locale | string): (a: string, b: string) => number {
  const collator = collatorFor(locale);
  return (a, b) => collator.compare(a, b);
}

/** A picker's choices (a Select's or MultiSelect's data) in the language's alphabetical order of what the user reads: the labels. Returns a new array. */
export function sortByLabel<T extends { label: string }>(items: readonly T[], locale: Locale | string): T[] {
  const collator = collatorFor(locale);
  return [...items].sort((a, b) => collator.compare(a.label, b.label));
}
