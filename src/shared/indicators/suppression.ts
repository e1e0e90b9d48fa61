/**
 * THE small-cell suppression of every figure that leaves the organisation (donor report in
 * XLSX/CSV/PDF, the command-line consolidation's report, a bundle's indicators.json).
 *
 * A report is modelled as a set of counts (cells) and the linear relations a reader knows or can
 * guess between them: a breakdown sums to its total, categories that cover everyone add up to at
 * least the total, a subgroup is at most its group. Shares are derived from two cells.
 *
 * - Primary: a count from 1 to threshold − 1 could point at a person: it is hidden ("small",
 *   shown as "<5"). Zero is shown: it says "nobody", which points at no one, and hiding zeros
 *   would turn every sparse table into marks. A reader therefore knows a small cell is 1..t−1.
 * - Complementary: a hidden cell must not be recoverable from what is shown. The routine audits
 *   the report (below) and, while some hidden cell has only one possible value, hides one more
 *   count ("secondary", shown as "x") in a relation of that cell: preferably a part rather than a
 *   total (hiding a total spreads to every table of it), the smallest first. Only counts of at
 *   least the threshold are ever hidden this way, so a reader knows an "x" is ≥ t; the audit
 *   assumes so. When no count is left to hide (everything small), the whole relation is
 *   withdrawn: all its cells, zeros and small ones too, become "x" (then a reader knows nothing
 *   of them, which is what the audit assumes for an "x" under the threshold).
 * - A share is shown only when both its counts are; a hidden count is never shown as a number
 *   or as "<5" unless it really is 1..t−1.
 *
 * The audit: each cell gets the interval a reader can be sure of (shown: the value; small:
 * [1, t−1]; secondary: [t, ∞) or [0, ∞) as said above), then every relation tightens the
 * intervals of its cells (bounds propagation) until nothing changes. A hidden cell whose interval
 * has shrunk to one value is recoverable. For our report shapes the relations form a tree (each
 * breakdown shares only its total with the others; the overlapping breakdowns hang off one total)
 * and every relation is a sum with unit coefficients over integers, and for such systems bounds
 * propagation gives exactly the range the linear constraints allow (no solver needed);
 * tests/unit/suppression.test.ts checks this against brute-force enumeration on random shapes.
 */

export type CellState = 'shown' | 'small' | 'secondary';

/**
 * - sum: total = Σ parts (a breakdown into exclusive categories);
 * - cover: Σ parts ≥ total and each part ≤ total (everyone is in at least one category);
 * - subset: each part ≤ total (categories that need not cover everyone).
 */
export type RelationKind = 'sum' | 'cover' | 'subset';

export interface Relation {
  total: string;
  parts: string[];
  kind: RelationKind;
}

export interface ProtectionModel {
  /** The protected counts by id. */
  cells: Map<string, number>;
  relations: Relation[];
  /** Shares (percentages) of one cell in another: hidden when either is. */
  ratios: Array<{ id: string; numerator: string; denominator: string }>;
}

export interface Protection {
  /** Every cell's and ratio's state. */
  state: Map<string, CellState>;
  threshold: number;
}

export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/**
 * The strongest relation that is true of these values: a reader who guesses that categories do
 * not overlap is right exactly when they sum to the total, so the audit assumes what holds (more
 * knowledge for the reader means more protection, never less). Null when no part relation holds.
 */
export function relationOf(total: string, parts: readonly string[], cells: ReadonlyMap<string, number>): Relation | null {
  const t = cells.get(total)!;
  const values = parts.map((p) => cells.get(p)!);
  if (values.some((v) => v > t)) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return { total, parts: [...parts], kind: sum === t ? 'sum' : sum > t ? 'cover' : 'subset' };
}

interface Interval {
  lo: number;
  hi: number;
}

/** What a reader can be sure of about each cell, before relations. */
function publicInterval(value: number, state: CellState, threshold: number): Interval {
  if (state === 'shown') return { lo: value, hi: value };
  if (state === 'small') return { lo: 1, hi: threshold - 1 };
  return value >= threshold ? { lo: threshold, hi: Infinity } : { lo: 0, hi: Infinity };
}

/**
 * The intervals a reader can narrow every cell to (bounds propagation to a fixpoint). Exported for
 * tests and for anyone who wants to see why a cell had to be hidden.
 */
export function auditIntervals(model: ProtectionModel, state: ReadonlyMap<string, CellState>, threshold: number): Map<string, Interval> {
  const iv = new Map<string, Interval>();
  for (const [id, value] of model.cells) iv.set(id, publicInterval(value, state.get(id) ?? 'shown', threshold));
  const tighten = (id: string, lo: number, hi: number): boolean => {
    const cur = iv.get(id)!;
    const next = { lo: Math.max(cur.lo, lo), hi: Math.min(cur.hi, hi) };
    if (next.lo === cur.lo && next.hi === cur.hi) return false;
    iv.set(id, next);
    return true;
  };
  // Each pass can only narrow an interval; the values are integers, so this ends. The cap guards
  // against unbounded creep in an inconsistent model (which a true model never is).
  for (let pass = 0, changed = true; changed && pass < 1000; pass++) {
    changed = false;
    for (const r of model.relations) {
      const total = iv.get(r.total)!;
      const parts = r.parts.map((p) => iv.get(p)!);
      const sumLo = parts.reduce((s, p) => s + p.lo, 0);
      const sumHi = parts.reduce((s, p) => s + p.hi, 0);
      // The others' bounds summed afresh (∞ − ∞ would be NaN).
      const othersHi = (k: number) => parts.reduce((s, p, j) => (j === k ? s : s + p.hi), 0);
      if (r.kind === 'sum') {
        changed = tighten(r.total, sumLo, sumHi) || changed;
        r.parts.forEach((p, k) => {
          changed = tighten(p, total.lo - othersHi(k), total.hi - (sumLo - parts[k]!.lo)) || changed;
        });
        continue;
      }
      // cover and subset: every part ≤ total.
      const maxLo = parts.reduce((m, p) => Math.max(m, p.lo), 0);
      changed = tighten(r.total, maxLo, Infinity) || changed;
      for (const p of r.parts) changed = tighten(p, 0, iv.get(r.total)!.hi) || changed;
      if (r.kind === 'cover') {
        // Σ parts ≥ total.
        changed = tighten(r.total, 0, sumHi) || changed;
        r.parts.forEach((p, k) => {
          changed = tighten(p, iv.get(r.total)!.lo - othersHi(k), Infinity) || changed;
        });
      }
    }
  }
  return iv;
}

/**
 * Hidden cells a reader can work out exactly from the rest of the report. (With a threshold of 2
 * the mark "<2" itself says 1: that is the threshold's choice, not a recovery.)
 */
export function recoverableCells(model: ProtectionModel, state: ReadonlyMap<string, CellState>, threshold: number): string[] {
  const iv = auditIntervals(model, state, threshold);
  return [...model.cells.keys()].filter((id) => {
    const s = state.get(id) ?? 'shown';
    if (s === 'shown') return false;
    const own = publicInterval(model.cells.get(id)!, s, threshold);
    return own.lo < own.hi && iv.get(id)!.lo === iv.get(id)!.hi;
  });
}

/** Primary and complementary suppression of a report (see the top of this file). */
export function protect(model: ProtectionModel, threshold: number): Protection {
  const state = new Map<string, CellState>();
  for (const [id, value] of model.cells) state.set(id, isSmall(value, threshold) ? 'small' : 'shown');
  const totals = new Set(model.relations.map((r) => r.total));
  const relationsOf = new Map<string, Relation[]>();
  for (const r of model.relations) for (const id of [r.total, ...r.parts]) relationsOf.set(id, [...(relationsOf.get(id) ?? []), r]);

  for (let guard = 0; guard <= model.cells.size + model.relations.length; guard++) {
    const exposed = recoverableCells(model, state, threshold);
    if (exposed.length === 0) break;
    const cell = exposed[0]!;
    // Shown non-zero counts in a relation of the exposed cell; then one relation further out.
    const near = (rs: readonly Relation[]) =>
      [...new Set(rs.flatMap((r) => [r.total, ...r.parts]))].filter((id) => state.get(id) === 'shown' && model.cells.get(id)! > 0);
    const mine = relationsOf.get(cell) ?? [];
    let candidates = near(mine);
    if (candidates.length === 0) candidates = near(mine.flatMap((r) => [r.total, ...r.parts]).flatMap((id) => relationsOf.get(id) ?? []));
    if (candidates.length > 0) {
      candidates.sort((a, b) => Number(totals.has(a)) - Number(totals.has(b)) || model.cells.get(a)! - model.cells.get(b)! || a.localeCompare(b));
      state.set(candidates[0]!, 'secondary');
    } else {
      // Nothing left to hide near it: withdraw its relations whole.
      for (const r of mine) for (const id of [r.total, ...r.parts]) state.set(id, 'secondary');
    }
  }
  // Never reached on the shapes we know (the property test would say so); if it were, hiding
  // every count is the one answer that cannot be reversed (nothing shown bounds an "x" above).
  if (recoverableCells(model, state, threshold).length > 0) for (const id of model.cells.keys()) state.set(id, 'secondary');
  for (const r of model.ratios) {
    const shown = state.get(r.numerator) === 'shown' && state.get(r.denominator) === 'shown';
    state.set(r.id, shown ? 'shown' : 'secondary');
  }
  return { state, threshold };
}

/** The mark of a hidden figure: "<5" for a small count, "x" for one hidden to protect another. */
export function hiddenMark(state: Exclude<CellState, 'shown'>, threshold: number): string {
  return state === 'small' ? `<${threshold}` : SECONDARY_MARK;
}

export const SECONDARY_MARK = 'x';

/**
 * A shown figure as itself, a hidden one as its mark. `format` formats the shown number.
 */
export function displayCell(value: number, state: CellState, threshold: number, format: (n: number) => string = String): string {
  return state === 'shown' ? format(value) : hiddenMark(state, threshold);
}

/** A figure as the report shows it: its number, or the mark of why it is hidden. */
export function displayCount(cell: { count: number; state: CellState }, threshold: number, format: (n: number) => string = String): string {
  return displayCell(cell.count, cell.state, threshold, format);
}

/**
 * One breakdown on its own (with its total when `withTotal`): the same routine on a one-table
 * model.
 */
export function suppressBreakdown(
  cells: ReadonlyArray<{ key: string; count: number }>,
  threshold: number,
  withTotal = true,
): { cells: Array<{ key: string; count: number; state: CellState; suppressed: boolean }>; total: { count: number; state: CellState; suppressed: boolean } } {
  const values = new Map<string, number>(cells.map((c) => [`cell:${c.key}`, c.count]));
  const total = cells.reduce((s, c) => s + c.count, 0);
  values.set('total', total);
  const relations: Relation[] = withTotal ? [{ total: 'total', parts: cells.map((c) => `cell:${c.key}`), kind: 'sum' }] : [];
  const { state } = protect({ cells: values, relations, ratios: [] }, threshold);
  const out = (s: CellState) => ({ state: s, suppressed: s !== 'shown' });
  return { cells: cells.map((c) => ({ ...c, ...out(state.get(`cell:${c.key}`)!) })), total: { count: total, ...out(state.get('total')!) } };
}
