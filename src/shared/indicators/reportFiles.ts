import { csvBytes } from '../csv/write';
import type { ReportTable } from './report';

/**
 * The donor report's tables as files: the renderer's "Export" and the command-line
 * consolidation write the same bytes. The spreadsheet library is loaded on first use, so the
 * screens that never export do not fetch it.
 */

/** Excel limits sheet names to 31 characters without []:*?/\ and they must be unique. */
export function sheetNames(tables: ReportTable[]): string[] {
  const used = new Set<string>();
  return tables.map((t) => {
    const base =
      t.title
        .replace(/[[\]:*?/\\]/g, ' ')
        .slice(0, 28)
        .trim() || t.id;
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The donor report as a workbook: one sheet per table, counts as numbers. */
export async function reportXlsx(tables: ReportTable[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const names = sheetNames(tables);
  tables.forEach((t, i) => {
    const ws = XLSX.utils.aoa_to_sheet([t.header, ...t.rows]);
    ws['!cols'] = [{ wch: 48 }, { wch: 12 }];
    XLSX.utils.book_append_sheet(wb, ws, names[i]);
  });
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The same tables in one CSV (table, category, value), written by the app's one CSV writer. */
export function reportCsv(tables: ReportTable[]): Uint8Array {
  return csvBytes(tables.flatMap((t) => t.rows.map(([label, value]) => [t.title, label, value])));
}
