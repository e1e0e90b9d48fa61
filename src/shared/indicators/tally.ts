/** A count per category, in a fixed category order (so reports line up across partners). */
export type Breakdown = Array<{ key: string; count: number }>;

/** Counts per category; categories in `order` come first (even at 0), the rest by count, then name. */
export class Tally {
  private readonly counts: Map<string, number>;
  constructor(private readonly order: readonly string[] = []) {
    this.counts = new Map(order.map((k) => [k, 0]));
  }
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  result(): Breakdown {
    const fixed = new Set(this.order);
    const rest = [...this.counts].filter(([k]) => !fixed.has(k)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return [...this.order.map((key) => ({ key, count: this.get(key) })), ...rest.map(([key, count]) => ({ key, count }))];
  }
}

/** Month counts oldest first, with the months in between that reached nobody shown as 0. */
export function everyMonth(months: Breakdown): Breakdown {
  const sorted = [...months].sort((a, b) => a.key.localeCompare(b.key));
  if (sorted.length < 2) return sorted;
  const byKey = new Map(sorted.map((m) => [m.key, m.count]));
  const out: Breakdown = [];
  let [y, m] = sorted[0]!.key.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!.key;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, count: byKey.get(key) ?? 0 });
    if (key >= last) return out;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}
