import { detectDelimiter, parseCsv, type Delimiter } from '@shared/import/csv';
import { decodeText, type TextEncodingName } from '@shared/import/decode';
import { isSpreadsheet, readSpreadsheet, type Cell } from '@shared/import/xlsx';

export interface LoadedFile {
  fileName: string;
  rows: Cell[][];
  format: 'xlsx' | 'csv';
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
}

export class ImportFileError extends Error {
  constructor(readonly code: 'empty' | 'unreadable' | 'noData') {
    super(code);
  }
}

/** Bytes of a user's file → rows of cells, whatever spreadsheet or CSV dialect it is. */
export function loadImportFile(fileName: string, data: Uint8Array): LoadedFile {
  if (data.byteLength === 0) throw new ImportFileError('empty');
  let out: LoadedFile;
  if (isSpreadsheet(data)) {
    try {
      out = { fileName, rows: readSpreadsheet(data), format: 'xlsx' };
    } catch {
      throw new ImportFileError('unreadable');
    }
  } else {
    const { text, encoding } = decodeText(data);
    if (text.includes('\u0000')) throw new ImportFileError('unreadable');
    const delimiter = detectDelimiter(text);
    out = { fileName, rows: parseCsv(text, delimiter), format: 'csv', encoding, delimiter };
  }
  if (out.rows.length < 2) throw new ImportFileError('noData');
  return out;
}

/** The file's first row, as the column headers the user maps. */
export function importHeaders(file: LoadedFile): string[] {
  return (file.rows[0] ?? []).map((h) => String(h ?? ''));
}
