/**
 * Serbian script conversion (Latin "gajica" ⇄ Cyrillic "vukovica") and search folding.
 *
 * Pure TypeScript with no imports, so that it runs in the renderer, in the main process, in
 * vitest and in plain Node (`node scripts/gen-sr-cyrl.ts`).
 *
 * latinToCyrillic is meant for UI strings (the sr-Cyrl resources are generated from sr-Latn with
 * it), so it leaves alone everything that is not Serbian text:
 *   - i18next interpolation `{{name}}`, `{{count, number}}`, `{{- html}}`
 *   - i18next nesting `$t(key)`, `$t(key, {"count": 2})` (balanced parentheses)
 *   - tags as used by <Trans>: `<1>`, `</1>`, `<0/>`, `<strong>`, `<a href="…">` (the text
 *     *between* tags is converted)
 *   - HTML entities `&nbsp;`, URLs (`https://…`, `www.…`, bare domains with a known TLD),
 *     e-mail addresses
 *   - the words in LATIN_KEEP (acronyms, brand names and key names, matched case-sensitively as
 *     whole words), key combinations (`Ctrl+S`), ISO language codes (`hr`, `sr-Latn`), file
 *     extensions and file names (`(.ics)`, `*.pdf`, `izvoz.csv`); a Latin word inflected with a
 *     hyphen keeps its stem and gets a Cyrillic ending (`Excel-a` → `Excel-а`)
 *   - foreign words: any word with a Latin letter outside the Serbian alphabet (q, w, x, y, é,
 *     ü, …), camel-case words (`iPhone`, `GitHub`), words containing digits (`A4`, `SHA256`)
 *   - Roman numerals made of I, V, X (`II`, `IV`, `XXI`), unless they sit among other
 *     all-caps words (so `DA LI STE VI SIGURNI` becomes `ДА ЛИ СТЕ ВИ СИГУРНИ`).
 *
 * Digraphs lj, nj, dž become љ, њ, џ except in the words listed in DIGRAPH_SPLITS (prefix
 * + root: nad|živeti, pod|župan, kon|junkcija, in|jekcija, …), also after further prefixes
 * inside the word (iz|van|jezički).
 */

// ---------------------------------------------------------------------------------------------
// Tables

const LAT_TO_CYR: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  u: 'у',
  v: 'в',
  z: 'з',
  ž: 'ж',
  A: 'А',
  B: 'Б',
  C: 'Ц',
  Č: 'Ч',
  Ć: 'Ћ',
  D: 'Д',
  Đ: 'Ђ',
  E: 'Е',
  F: 'Ф',
  G: 'Г',
  H: 'Х',
  I: 'И',
  J: 'Ј',
  K: 'К',
  L: 'Л',
  M: 'М',
  N: 'Н',
  O: 'О',
  P: 'П',
  R: 'Р',
  S: 'С',
  Š: 'Ш',
  T: 'Т',
  U: 'У',
  V: 'В',
  Z: 'З',
  Ž: 'Ж',
};

const DIGRAPH_TO_CYR: Record<string, [lower: string, upper: string]> = {
  lj: ['љ', 'Љ'],
  nj: ['њ', 'Њ'],
  dž: ['џ', 'Џ'],
};

const CYR_TO_LAT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Ђ: 'Đ',
  Е: 'E',
  Ж: 'Ž',
  З: 'Z',
  И: 'I',
  Ј: 'J',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  Ћ: 'Ć',
  У: 'U',
  Ф: 'F',
  Х: 'H',
  Ц: 'C',
  Ч: 'Č',
  Ш: 'Š',
  // Љ, Њ, Џ are handled separately: "Lj" in "Ljubav", "LJ" in "LJUBAV".
};

const CYR_DIGRAPH_UPPER: Record<string, [title: string, upper: string]> = {
  Љ: ['Lj', 'LJ'],
  Њ: ['Nj', 'NJ'],
  Џ: ['Dž', 'DŽ'],
};

/**
 * Words kept in Latin script inside Cyrillic text. Matched as whole words, case-sensitively
 * ("OK" is kept, "ok" is not). Serbian acronyms (JMBG, PIB, MUP, …) are NOT listed: they are
 * written in Cyrillic in Cyrillic text (ЈМБГ, ПИБ). Extend this list when a generated sr-Cyrl
 * string shows a mangled foreign word, then run `npm run i18n:gen`.
 */
export const LATIN_KEEP: readonly string[] = [
  // file formats and technical acronyms
  'CSV',
  'XLSX',
  'XLS',
  'PDF',
  'ICS',
  'JSON',
  'ZIP',
  'PNG',
  'JPG',
  'JPEG',
  'SVG',
  'HTML',
  'URL',
  'HTTP',
  'HTTPS',
  'UTF',
  'ID',
  'UUID',
  'HMAC',
  'SHA',
  'AES',
  'PIN',
  'QR',
  'USB',
  'IT',
  'OK',
  // organisations, programmes and law
  'NGO',
  'EU',
  'SME',
  'GDPR',
  'IBAN',
  'BIC',
  'SWIFT',
  'ISO',
  'BADGE',
  'Interreg',
  'IPA',
  'UN',
  'UNDP',
  'USAID',
  'OSCE',
  // products
  'Google',
  'Microsoft',
  'Excel',
  'Word',
  'Outlook',
  'LibreOffice',
  'Android',
  'Chrome',
  'Electron',
  'Zoom',
  'Facebook',
  'Instagram',
  'LinkedIn',
  'GitHub',
  'Calc',
  'Mac',
  'Linux',
  // keyboard keys, as printed on the key (Serbian users read "Enter", not "Ентер")
  'Ctrl',
  'Alt',
  'Shift',
  'Esc',
  'Cmd',
  'Enter',
  'Tab',
  'Space',
  'Backspace',
  'Delete',
  'Del',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'PgUp',
  'PgDn',
  'Return',
  'Option',
  'Fn',
  // "e-mail" would otherwise become "е-маил"; prefer "imejl" (→ имејл) or "e-pošta" in sr-Latn.
  'e-mail',
  'E-mail',
];

/**
 * Words in which l+j, n+j or d+ž are two letters rather than the digraph љ, њ, џ. Each entry is
 * a lower-case word *beginning*; `|` marks where the two letters are split. An entry without `|`
 * overrides a shorter entry (nadžak = наџак although nad|ž… = над-ж…). The longest matching
 * entry wins. Matching is case-insensitive, at the start of the word or after up to two
 * prefixes from DIGRAPH_PREFIXES (iz|van|jezički, ne|in|jektivan, ne|nad|življen).
 */
export const DIGRAPH_SPLITS: readonly string[] = [
  // d + ž: prefixes nad-, od-, pod-, pred- before a root in ž
  'nad|ž',
  'od|ž',
  'pod|ž',
  'pred|ž',
  'ispod|ž',
  'iznad|ž',
  // … but these are real џ words
  'nadžak',
  'nadžac',
  'odžak',
  'odžac',
  'odžač',
  // n + j
  'in|jek',
  'in|junk',
  'kon|jug',
  'kon|junk',
  'kon|jektur',
  'tan|jug',
  'an|jon',
  'van|jez',
  'pan|jevr',
  'pan|jelin',
  'pan|jonsk',
  // l + j: no common Serbian word; the mechanism is there if one turns up.
];

/** Prefixes that may stand before a DIGRAPH_SPLITS entry inside a word (izvan- = iz + van-). */
export const DIGRAPH_PREFIXES: readonly string[] = [
  'iz',
  'is',
  'raz',
  'ras',
  'bez',
  'bes',
  'ne',
  'naj',
  'pre',
  'pro',
  'pri',
  'do',
  'za',
  'su',
  'sa',
  'u',
  'o',
  'ob',
  'po',
  'na',
];

/**
 * Two-letter ISO 639-1 codes of the languages Mreža deals with, and BCP 47 tags, kept in Latin:
 * a code is data, and "ср" would never match "sr". Not "me" (a Serbian word) and not "sl." with
 * a period (the abbreviation "i sl." = "и сл.").
 */
const ISO_LANGUAGE_CODE = /(?<![\p{L}\p{N}_-])(?:(?:hr|sr|bs|sl|en|de|hu|sq|mk|it|ro)(?:-(?:Latn|Cyrl|HR|RS|BA|SI|ME))?)(?![\p{L}\p{N}_.-])/gu;

/** File extensions, alone ("(.ics)", "*.pdf") or ending a file name ("izvoz.csv"). */
const FILE_NAME = /(?:(?<![\p{L}\p{N}.])\*?|[\p{L}\p{N}_-]+)\.(?:csv|xlsx|xls|ods|pdf|ics|json|zip|png|jpe?g|svg|html?|txt|docx?|odt|mreza)(?![\p{L}\p{N}])/gu;

// ---------------------------------------------------------------------------------------------
// Latin → Cyrillic

const SERBIAN_LATIN_LETTER = /^[abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ]$/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const KEEP_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${[...LATIN_KEEP]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'gu',
);

const PROTECTED_PATTERNS: readonly RegExp[] = [
  // i18next interpolation, incl. {{count, number}} and {{- raw}}
  /\{\{[^{}]*\}\}/g,
  // tags used by <Trans>: numbered ones take no attributes, named ones may
  /<\/?\d+\s*\/?>/g,
  /<\/?[A-Za-z][\w-]*(?:\s+[^<>]*)?\/?>/g,
  // HTML entities
  /&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g,
  // URLs with a scheme or www.
  /(?:\b(?:https?|ftp):\/\/|\bmailto:|\bwww\.)[^\s<>"'{}]+/giu,
  // e-mail addresses
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  // bare domains with a known TLD (mreza.org, gov.rs/path)
  /(?<![\p{L}\p{N}@.-])(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|int|eu|rs|hr|ba|si|me|mk|io|app|dev|info)(?:\/[^\s<>"'{}]*)?(?![\p{L}\p{N}-])/giu,
  ISO_LANGUAGE_CODE,
  FILE_NAME,
  // key combinations: the letter after Ctrl+ is the key's label (Ctrl+S, not Ctrl+С)
  /\b(?:Ctrl|Alt|Shift|Cmd|Option)(?:\+[A-Za-z0-9]+)+/g,
  KEEP_RE,
];

type Range = [start: number, end: number];

/** `$t(` … `)` with balanced parentheses (nesting options may contain `{…}` and `(…)`). */
function nestingRanges(s: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (;;) {
    const start = s.indexOf('$t(', from);
    if (start < 0) break;
    let depth = 0;
    let end = s.length;
    for (let i = start + 2; i < s.length; i++) {
      if (s[i] === '(') depth++;
      else if (s[i] === ')') {
        depth--;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    out.push([start, end]);
    from = end;
  }
  return out;
}

function protectedRanges(s: string): Range[] {
  const ranges: Range[] = nestingRanges(s);
  for (const re of PROTECTED_PATTERNS) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/;

/** An all-caps word of two or more letters that is not itself a Roman numeral. */
function isAllCapsWord(w: string | undefined): boolean {
  return w !== undefined && w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase() && !ROMAN.test(w);
}

/** Where a DIGRAPH_SPLITS entry may start: the word start and after one or two prefixes. */
function entryStarts(lower: string): number[] {
  const starts = [0];
  for (const from of [0, ...DIGRAPH_PREFIXES.filter((p) => lower.startsWith(p)).map((p) => p.length)]) {
    for (const p of DIGRAPH_PREFIXES) if (lower.startsWith(p, from)) starts.push(from + p.length);
  }
  return [...new Set(starts)];
}

/** Split point (index of the second letter) that DIGRAPH_SPLITS imposes on a word. */
function digraphSplit(word: string): number | undefined {
  const lower = word.toLowerCase();
  let best: { entry: string; at: number } | undefined;
  for (const at of entryStarts(lower)) {
    for (const entry of DIGRAPH_SPLITS) {
      const plain = entry.replace('|', '');
      if (lower.startsWith(plain, at) && (!best || plain.length > best.entry.replace('|', '').length)) best = { entry, at };
    }
  }
  if (!best) return undefined;
  const bar = best.entry.indexOf('|');
  return bar < 0 ? undefined : best.at + bar;
}

function keepWordInLatin(word: string, prev: string | undefined, next: string | undefined): boolean {
  for (const ch of word) {
    if (/\p{N}/u.test(ch)) return true; // A4, SHA256, 2FA
    if (/\p{Script=Latin}/u.test(ch) && !SERBIAN_LATIN_LETTER.test(ch)) return true; // q w x y é ü
    if (/\p{M}/u.test(ch)) return true; // decomposed accents: not Serbian text
  }
  if (/\p{Ll}\p{Lu}/u.test(word)) return true; // iPhone, GitHub, macOS
  if (word.length >= 2 && ROMAN.test(word)) {
    if (!isAllCapsWord(prev) && !isAllCapsWord(next)) return true;
  }
  return false;
}

function wordToCyrillic(word: string): string {
  const split = digraphSplit(word);
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    const pair = word.slice(i, i + 2);
    const digraph = DIGRAPH_TO_CYR[pair.toLowerCase()];
    if (digraph && pair.length === 2 && split !== i + 1) {
      out += ch === ch.toLowerCase() ? digraph[0] : digraph[1];
      i++;
      continue;
    }
    out += LAT_TO_CYR[ch] ?? ch;
  }
  return out;
}

function segmentToCyrillic(text: string): string {
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return text;
  let out = '';
  let pos = 0;
  words.forEach((m, k) => {
    const word = m[0];
    out += text.slice(pos, m.index);
    const prev = words[k - 1]?.[0];
    const next = words[k + 1]?.[0];
    out += keepWordInLatin(word, prev, next) ? word : wordToCyrillic(word);
    pos = m.index + word.length;
  });
  return out + text.slice(pos);
}

/** Serbian Latin → Cyrillic for UI text; see the module comment for what is left untouched. */
export function latinToCyrillic(text: string): string {
  const s = text.normalize('NFC');
  let out = '';
  let pos = 0;
  for (const [start, end] of protectedRanges(s)) {
    out += segmentToCyrillic(s.slice(pos, start)) + s.slice(start, end);
    pos = end;
  }
  return out + segmentToCyrillic(s.slice(pos));
}

// ---------------------------------------------------------------------------------------------
// Cyrillic → Latin

function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Lu}/u.test(ch);
}
function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/**
 * Serbian Cyrillic → Latin. Љ, Њ, Џ become "LJ", "NJ", "DŽ" inside an all-caps word (ЉУБАВ →
 * LJUBAV, single-letter caps word next to another caps letter) and "Lj", "Nj", "Dž" otherwise
 * (Љубав → Ljubav). Characters that are not Serbian Cyrillic pass through unchanged, so the
 * function is safe on mixed text and on placeholders.
 */
export function cyrillicToLatin(text: string): string {
  const s = text.normalize('NFC');
  const chars = [...s];
  let out = '';
  chars.forEach((ch, i) => {
    const digraph = CYR_DIGRAPH_UPPER[ch];
    if (digraph) {
      const next = chars[i + 1];
      const prev = chars[i - 1];
      const upper = isLetter(next) ? isUpperLetter(next) : isUpperLetter(prev);
      out += upper ? digraph[1] : digraph[0];
      return;
    }
    out += CYR_TO_LAT[ch] ?? ch;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Search folding

/** Non-Serbian Cyrillic letters, so that names typed in Macedonian/Russian/Ukrainian still fold. */
const EXTRA_CYR_FOLD: Record<string, string> = {
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  й: 'j',
  ы: 'y',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  щ: 'sc',
  ъ: '',
  ь: '',
  ё: 'e',
  є: 'je',
  ї: 'ji',
  і: 'i',
  ґ: 'g',
};

/**
 * Folds text for search and for matching the same name written differently:
 *   1. Unicode NFC, then lower case (locale-independent),
 *   2. Serbian Cyrillic → Latin (Петровић → petrović), other Cyrillic by a simple table,
 *   3. đ → "dj" (the usual ASCII spelling: Đurđević ~ "djurdjevic"; "durdevic" does NOT match —
 *      a deliberate choice, since "d" alone would also merge unrelated names),
 *   4. strip all other diacritics (č, ć → c; š → s; ž → z; dž → dz; é → e; ü → u),
 *   5. ß → ss, æ → ae, ø → o, ł → l (letters NFD does not decompose).
 * Whitespace and punctuation are left as they are (callers trim/collapse as they need).
 * So "cesar" finds "Česar", "petrovic" finds "Петровић", and both spellings of a person share
 * one key.
 */
export function foldForSearch(text: string): string {
  const lower = cyrillicToLatin(text.normalize('NFC').toLowerCase());
  let out = '';
  for (const ch of lower) out += EXTRA_CYR_FOLD[ch] ?? ch;
  return out
    .replace(/đ/g, 'dj')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** Applies a string transform to every string leaf of a JSON-like value (keys are kept). */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out as T;
  }
  return value;
}
