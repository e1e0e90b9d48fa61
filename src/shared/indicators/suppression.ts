/**
 * Small-cell suppression for aggregate reports that leave the organisation: a count between 1
 * and threshold − 1 could identify a person, so it is shown as "<threshold". Where a total is
 * shown, suppressing a single cell is not enough (total minus the others gives it back), so
 * the next smallest cell is suppressed too (complementary suppression).
 */
export interface Cell {
  key: string;
  count: number;
  suppressed: boolean;
}

export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

export function suppressBreakdown(cells: ReadonlyArray<{ key: string; count: number }>, threshold: number, withTotal = true): { cells: Cell[]; total: { count: number; suppressed: boolean } } {
  const out: Cell[] = cells.map((c) => ({ ...c, suppressed: isSmall(c.count, threshold) }));
  const total = out.reduce((s, c) => s + c.count, 0);
  const totalSuppressed = isSmall(total, threshold);
  if (withTotal && !totalSuppressed) {
    const hidden = out.filter((c) => c.suppressed);
    if (hidden.length === 1) {
      // Hide the smallest other non-zero cell as well, so the hidden one cannot be recomputed.
      const next = out.filter((c) => !c.suppressed && c.count > 0).sort((a, b) => a.count - b.count)[0];
      if (next) next.suppressed = true;
    }
  }
  return { cells: out, total: { count: total, suppressed: totalSuppressed } };
}

/** A single figure on its own (no breakdown to protect). */
export function suppressCount(count: number, threshold: number): { count: number; suppressed: boolean } {
  return { count, suppressed: isSmall(count, threshold) };
}

export function displayCount(cell: { count: number; suppressed: boolean }, threshold: number, format: (n: number) => string = String): string {
  return cell.suppressed ? `<${threshold}` : format(cell.count);
}
