import Papa from 'papaparse';

/** CSV as spreadsheets write it: `;` (regional Excel) or `,` or tab, quotes doubled, CRLF or LF. */
export type Delimiter = ';' | ',' | '\t';
const CANDIDATES: Delimiter[] = [';', ',', '\t'];

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The delimiter that splits the first lines most consistently (Papa Parse's guess among ours). */
export function detectDelimiter(text: string): Delimiter {
  const guessed = Papa.parse<string[]>(stripBom(text), { preview: 20, delimitersToGuess: CANDIDATES, skipEmptyLines: true }).meta.delimiter;
  return (CANDIDATES as string[]).includes(guessed) ? (guessed as Delimiter) : ';';
}

/** Parses CSV text into rows of cells (RFC 4180 quoting). Blank lines are dropped. */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const { data } = Papa.parse<string[]>(stripBom(text), { delimiter, skipEmptyLines: 'greedy' });
  return data;
}

/** CSV text (the caller prepends the BOM when writing bytes). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, delimiter: Delimiter = ';'): string {
  return `${Papa.unparse(rows.map((r) => r.map((v) => (v === undefined ? '' : v))), { delimiter, newline: '\r\n', quotes: (v: unknown) => typeof v === 'string' && /^\s|\s$/.test(v) })}\r\n`;
}

/** UTF-8 with BOM, so Excel on Windows opens č, ć, š, ž, đ and Cyrillic correctly. */
export function csvBytes(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, delimiter: Delimiter = ';'): Uint8Array {
  const body = new TextEncoder().encode(toCsv(rows, delimiter));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
