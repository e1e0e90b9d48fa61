/**
 * An attacker, written independently of src/shared/indicators/suppression.ts: given what a report
 * shows (numbers, "<t" for 1..t−1, "x" for a hidden count) and the sums a reader knows, it
 * searches exhaustively (depth-first, checking each relation once its cells are assigned, no
 * interval reasoning) for a second value of each hidden cell. A hidden cell with no second
 * value is recovered.
 */
export type Known = { kind: 'shown'; value: number } | { kind: 'small' } | { kind: 'x' };

export interface KnownRelation {
  total: string;
  parts: string[];
  /** sum: total = Σ; cover: Σ ≥ total and each ≤ total; subset: each ≤ total. */
  kind: 'sum' | 'cover' | 'subset';
}

/**
 * `truth` holds the true values (the search starts from them: the truth is always one solution).
 * `xFloor`: what an "x" tells the reader about its size (the threshold when "x" marks only
 * counts of at least the threshold, else 0).
 */
export function recoveredCells(
  known: ReadonlyMap<string, Known>,
  relations: readonly KnownRelation[],
  truth: ReadonlyMap<string, number>,
  threshold: number,
  xFloor: (id: string) => number,
): string[] {
  const hidden = [...known].filter(([, k]) => k.kind !== 'shown').map(([id]) => id);
  const maxTruth = Math.max(0, ...truth.values());
  const ceiling = 2 * maxTruth + threshold + 2;
  const domain = (id: string): [number, number] => {
    const k = known.get(id)!;
    if (k.kind === 'shown') return [k.value, k.value];
    if (k.kind === 'small') return [1, threshold - 1];
    return [xFloor(id), ceiling];
  };
  const holds = (r: KnownRelation, v: Map<string, number>): boolean | undefined => {
    const ids = [r.total, ...r.parts];
    if (ids.some((id) => !v.has(id))) return undefined;
    const total = v.get(r.total)!;
    const parts = r.parts.map((p) => v.get(p)!);
    const sum = parts.reduce((a, b) => a + b, 0);
    if (r.kind === 'sum') return sum === total;
    if (parts.some((p) => p > total)) return false;
    return r.kind === 'cover' ? sum >= total : true;
  };
  // Search order: the cells in the most relations first, so relations close early.
  const degree = (id: string) => relations.filter((r) => r.total === id || r.parts.includes(id)).length;
  const order = [...hidden].sort((a, b) => degree(b) - degree(a));
  const relationsOf = new Map(order.map((id) => [id, relations.filter((r) => r.total === id || r.parts.includes(id))]));

  const exists = (target: string): boolean => {
    const v = new Map<string, number>();
    for (const [id, k] of known) if (k.kind === 'shown') v.set(id, k.value);
    // Pruning for sums with the total known: the assigned parts may not exceed it.
    const feasible = (id: string) =>
      relationsOf.get(id)!.every((r) => {
        const h = holds(r, v);
        if (h !== undefined) return h;
        if (r.kind !== 'sum' || !v.has(r.total)) return true;
        const assigned = r.parts.filter((p) => v.has(p)).reduce((s, p) => s + v.get(p)!, 0);
        const minRest = r.parts.filter((p) => !v.has(p)).reduce((s, p) => s + domain(p)[0], 0);
        return assigned + minRest <= v.get(r.total)!;
      });
    const go = (i: number): boolean => {
      if (i === order.length) return true;
      const id = order[i]!;
      const [lo, hi] = domain(id);
      for (let x = lo; x <= hi; x++) {
        if (id === target && x === truth.get(id)) continue;
        v.set(id, x);
        if (feasible(id) && go(i + 1)) return true;
        v.delete(id);
      }
      return false;
    };
    return go(0);
  };
  return hidden.filter((id) => {
    const [lo, hi] = domain(id);
    return lo < hi && !exists(id);
  });
}
