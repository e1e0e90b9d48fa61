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
