/**
 * Sign-in sheet layout on A4: every page repeats the header, rows are numbered across pages, and
 * the trainers' signature block goes after the last row, never alone on a page.
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
  const chunk = (list: typeof all): Array<SheetPage<T>> => {
    const pages: Array<SheetPage<T>> = [];
    for (let i = 0; i < list.length; i += layout.rowsPerPage)
      pages.push({ page: pages.length + 1, rows: list.slice(i, i + layout.rowsPerPage), trainers: false });
    return pages;
  };
  const pages = chunk(all);
  const last = pages.at(-1);
  if (last && last.rows.length + layout.trainerBlockRows <= layout.rowsPerPage && (rows.length === 0 || last.rows.some((r) => r.row !== undefined))) {
    last.trainers = true;
    return pages;
  }
  if (!last) return [{ page: 1, rows: [], trainers: true }];
  // No lone signature block (#17 part 6): the trainers sign on a page that shows whom they trained.
  // The last names (up to two) go over with the block, the walk-in rows after them as far as they
  // fit; walk-in rows that fit nowhere are dropped, so the numbers still run without a gap.
  const room = Math.max(1, layout.rowsPerPage - layout.trainerBlockRows);
  const from = rows.length - Math.min(rows.length, CARRIED_NAMES, room);
  const before = chunk(all.slice(0, from));
  return [...before, { page: before.length + 1, rows: all.slice(from, from + room), trainers: true }];
}

/** How many of the last names accompany the trainers' block to its page. */
const CARRIED_NAMES = 2;
