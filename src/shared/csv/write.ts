/**
 * The one CSV writer of the app and the command-line tool (people list, donor report, evidence
 * pack). What Excel in HR/RS/BA/SI opens correctly by double-click: UTF-8 with a byte-order mark
 * (otherwise it guesses Windows-1250/1251 and breaks č, ћ), `;` as the separator (the regional
 * list separator: these locales write decimals with a comma), CRLF line ends. docs/decisions.md.
 *
 * Cells are made inert: a spreadsheet treats text that begins with = + - @ (and tab or carriage
 * return, which it strips before looking) as a formula, so a surname `=HYPERLINK(…)` typed into
 * a form or imported from a register would run on the reader's machine. Such text gets a leading
 * apostrophe (OWASP's advice); numbers stay numbers.
 */

export type CsvCell = string | number | undefined | null;

export const CSV_SEPARATOR = ';';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would read as a formula, with an apostrophe in front. */
export function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = inertText(value);
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text, every line ending in CRLF (no byte-order mark; csvBytes adds it). */
export function csvText(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return rows.map((r) => `${r.map(cell).join(CSV_SEPARATOR)}\r\n`).join('');
}

/** The file's bytes: UTF-8 with a byte-order mark. */
export function csvBytes(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${csvText(rows)}`);
}
