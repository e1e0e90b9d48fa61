/**
 * Sign-in sheet layout on A4: every page repeats the header, rows are numbered across pages, and
 * the trainers' signature block goes after the last row (on a page of its own if it does not fit).
 */
export interface SheetLayout {
  /** Participant rows that fit on one page under the repeated header. */
  rowsPerPage: number;
  /** Rows' worth of space the trainers' signature block needs. */
  trainerBlockRows: number;
  /** Empty rows added after the enrolled people for walk-ins (they sign too). */
  blankRows: number;
}

export const DEFAULT_SHEET_LAYOUT: SheetLayout = { rowsPerPage: 15, trainerBlockRows: 5, blankRows: 3 };

export interface SheetPage<T> {
  /** 1-based page number. */
  page: number;
  /** Rows on this page with their 1-based running number; `row` undefined for blank rows. */
  rows: Array<{ n: number; row?: T }>;
  /** The trainers sign on this page. */
  trainers: boolean;
}

export function paginateSignInSheet<T>(rows: T[], layout: SheetLayout = DEFAULT_SHEET_LAYOUT): Array<SheetPage<T>> {
  const all: Array<{ n: number; row?: T }> = [
    ...rows.map((row, i) => ({ n: i + 1, row })),
    ...Array.from({ length: layout.blankRows }, (_, i) => ({ n: rows.length + i + 1 })),
  ];
  const pages: Array<SheetPage<T>> = [];
  for (let i = 0; i < all.length || pages.length === 0; i += layout.rowsPerPage) {
    pages.push({ page: pages.length + 1, rows: all.slice(i, i + layout.rowsPerPage), trainers: false });
    if (all.length === 0) break;
  }
  const last = pages[pages.length - 1]!;
  if (last.rows.length + layout.trainerBlockRows <= layout.rowsPerPage) last.trainers = true;
  else pages.push({ page: pages.length + 1, rows: [], trainers: true });
  return pages;
}
