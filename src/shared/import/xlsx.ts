import { read, utils, write } from '@e965/xlsx';

export type Cell = string | number | boolean | Date | null;

/** The first worksheet of an .xlsx/.xls file as rows of raw cells (dates stay Excel serial numbers). */
export function readSpreadsheet(bytes: Uint8Array): Cell[][] {
  const book = read(bytes, { type: 'array', cellDates: false, dense: true });
  const first = book.SheetNames[0];
  const sheet = first ? book.Sheets[first] : undefined;
  if (!sheet) return [];
  const rows = utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: false });
  return rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c)));
}

/** One worksheet .xlsx from rows of cells. */
export function writeSpreadsheet(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, sheetName = 'Sheet1'): Uint8Array {
  const sheet = utils.aoa_to_sheet(rows.map((r) => r.map((v) => v ?? '')));
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, sheetName.slice(0, 31));
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Zip files start with "PK\3\4"; old .xls with the OLE2 signature. */
export function isSpreadsheet(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
  );
}
