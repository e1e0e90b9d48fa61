/** CSV as spreadsheets write it: `;` (regional Excel) or `,` or tab, quotes doubled, CRLF or LF. */
export type Delimiter = ';' | ',' | '\t';
const CANDIDATES: Delimiter[] = [';', ',', '\t'];

/** Counts a delimiter on one line, ignoring what sits inside quotes. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** The delimiter that splits the first lines into the same, largest number of columns. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Parses CSV text into rows of cells (RFC 4180 quoting). Blank lines are dropped. */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.trim() !== '')) rows.push(row);
  return rows;
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with a UTF-8 BOM-friendly layout (the caller prepends the BOM when writing bytes). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, delimiter: Delimiter = ';'): string {
  return rows.map((r) => r.map((v) => quote(v === undefined ? '' : String(v), delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/** UTF-8 with BOM, so Excel on Windows opens č, ć, š, ž, đ and Cyrillic correctly. */
export function csvBytes(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, delimiter: Delimiter = ';'): Uint8Array {
  const body = new TextEncoder().encode(toCsv(rows, delimiter));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
