import { parseUserDate } from '../i18n/format';

/** Excel's day 0 is 30 Dec 1899 (the 1900 leap-year bug is absorbed by starting there). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** 45000 → "2023-03-15". Only plausible serials (1 Jan 1900 to 31 Dec 2199) are accepted. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 109_572) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A date cell from a spreadsheet or CSV: dd.MM.yyyy (and the other forms parseUserDate reads) or an Excel serial. */
export function parseImportDate(value: string | number | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return excelSerialToIso(value);
  const s = value.trim();
  if (s === '') return null;
  if (/^\d{4,6}(\.0+)?$/.test(s) && Number(s) > 9999) return excelSerialToIso(Number(s));
  return parseUserDate(s);
}

/** A birth year cell: 1984, "1984.", "1984", a full date or an Excel serial date. */
export function parseBirthYear(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return value;
    const iso = excelSerialToIso(value);
    return iso ? Number(iso.slice(0, 4)) : null;
  }
  const s = value.trim();
  const year = /^(\d{4})\.?$/.exec(s);
  if (year) {
    const y = Number(year[1]);
    return y >= 1900 && y <= 2100 ? y : null;
  }
  const iso = parseImportDate(s);
  return iso ? Number(iso.slice(0, 4)) : null;
}
