/**
 * The exact solver behind `solveAssignment`: shortest augmenting paths with prices (the Hungarian
 * method in its Jonker–Volgenant form) on the mentors' capacity slots, scanning per mentor instead
 * of per slot, and serving many free mentees per Dijkstra.
 *
 * The model is the square assignment problem on n mentees × (S slots + n private "unmatched"
 * columns): slot s of mentor j costs `cost[i, j] + pen[s]` for mentee i, mentee i's own unmatched
 * column costs 0, everyone else's is forbidden. Any exact method on that matrix gives the optimum.
 * Column prices v[s] are kept dual-feasible throughout (every reduced cost `c - u - v` >= 0, every
 * held column at reduced cost 0, every free slot at price 0), so each step below keeps the
 * current partial assignment optimal for the mentees it covers, and the end is optimal:
 *
 * 1. Augmenting row reduction (JV; an auction with exact bids): each mentee takes her cheapest
 *    column at current prices and raises its price to her second-cheapest, evicting its holder,
 *    who bids next. One pass, bounded work.
 * 2. Rounds of shortest augmenting paths: one Dijkstra on reduced costs from every free mentee at
 *    once (each at distance 0, u = her row minimum) up to the nearest free column, at distance D;
 *    prices move by D - distance, which makes every shortest augmenting path tight (reduced cost 0
 *    all along); a depth-first search then augments a maximal set of disjoint tight paths. A
 *    textbook JV runs one Dijkstra per free mentee instead, re-exploring the same crowded region
 *    over and over when slots run short; here one round serves every path of the same length.
 *
 * A mentor's slots differ only by their penalty, so the reduced cost of slot s of mentor j for
 * mentee i is `cost[i, j] + key[s] - u[i]` with `key[s] = pen[s] - v[s]` shared by all mentees.
 * Each mentor keeps its slots sorted by key: a mentee's best column at that mentor is its first
 * slot, and in Dijkstra every unsettled slot of mentor j sits at `A[j] + key[s]` with a single
 * per-mentor label A[j]. Scans run over the m mentors, not the S slots (4× fewer at capacity 4),
 * in flat typed arrays, in small module-level loops the JIT optimises early, without allocating.
 *
 * Forbidden pairs cost +Infinity and are never the cheapest: no big-M is needed for them.
 */

const FREE = -1;
const UNMATCHED = -2;
const DFS_PASSES = 2;

export interface SlotProblem {
  /** Mentees. */
  n: number;
  /** Mentors with at least one slot (the caller maps them back). */
  m: number;
  /** `cost[i * m + j]`: cost of mentee i with mentor j (lower is better; +Infinity = forbidden). */
  cost: Float64Array;
  /** Slots per mentor. */
  capacity: Int32Array;
  /** Penalty of every slot, mentor by mentor, in the order of `capacity`. */
  penalty: Float64Array;
}

/** Returns, per mentee, the mentor index (into the problem's mentors) or -1 for unmatched. */
export function solveSlots(p: SlotProblem, onProgress?: (done: number, total: number) => void): Int32Array {
  const { n, m, cost: c, capacity: cap } = p;
  if (n === 0) return new Int32Array(0);
  const S = p.penalty.length;
  const off = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) off[j + 1] = off[j]! + cap[j]!;
  const slotMentor = new Int32Array(S);
  for (let j = 0; j < m; j++) slotMentor.fill(j, off[j]!, off[j + 1]!);

  // key[s] = penalty - price; order[off[j]..off[j+1]) = mentor j's slots by increasing key.
  const key = Float64Array.from(p.penalty);
  const order = new Int32Array(S);
  for (let s = 0; s < S; s++) order[s] = s;
  const bestKey = new Float64Array(m);
  for (let j = 0; j < m; j++) resort(j, off, order, key, bestKey);

  const owner = new Int32Array(S).fill(FREE); // mentee holding each slot
  const rowSlot = new Int32Array(n).fill(FREE); // slot of each mentee, FREE or UNMATCHED
  const free = new Int32Array(n);
  for (let i = 0; i < n; i++) free[i] = i;
  const step = Math.max(1, Math.floor(n / 50));
  const half = Math.floor(n / 2);

  // ---- Phase 1: augmenting row reduction, one pass over every mentee.
  let numFree = 0;
  {
    const two = new Float64Array(3);
    // Bounded work: a price war between near-equal options is settled faster by phase 2.
    let budget = 4 * n + 1000;
    let k = 0;
    let reported = 0;
    while (k < n) {
      if (--budget < 0) {
        free.copyWithin(numFree, k, n);
        numFree += n - k;
        break;
      }
      const i = free[k++]!;
      const base = i * m;
      const j1 = best2(c, base, bestKey, m, two);
      let u1 = two[0]!;
      let u2 = two[1]!;
      const j2 = two[2]!;
      let s1 = j1 >= 0 ? order[off[j1]!]! : UNMATCHED;
      let s2 = j2 >= 0 ? order[off[j2]!]! : UNMATCHED;
      if (j1 >= 0 && cap[j1]! > 1) {
        const second = order[off[j1]! + 1]!;
        const val = c[base + j1]! + key[second]!;
        if (val < u2) {
          u2 = val;
          s2 = second;
        }
      }
      // Her own "unmatched" column costs 0; on a tie a real slot comes first.
      if (0 < u1) {
        u2 = u1;
        s2 = s1;
        u1 = 0;
        s1 = UNMATCHED;
      } else if (0 < u2) {
        u2 = 0;
        s2 = UNMATCHED;
      }
      let i0 = s1 >= 0 ? owner[s1]! : FREE;
      const raise = u1 < u2;
      if (raise) {
        if (s1 >= 0) {
          key[s1]! += u2 - u1;
          resort(slotMentor[s1]!, off, order, key, bestKey);
        }
      } else if (i0 >= 0) {
        s1 = s2;
        i0 = s1 >= 0 ? owner[s1]! : FREE;
      }
      rowSlot[i] = s1;
      if (s1 >= 0) owner[s1] = i;
      if (i0 >= 0) {
        rowSlot[i0] = FREE;
        if (raise) free[--k] = i0;
        else free[numFree++] = i0;
      }
      if (onProgress && k > reported && k % step === 0) {
        reported = k;
        onProgress(Math.floor((k * half) / n), n);
      }
    }
  }
  onProgress?.(half, n);

  // ---- Phase 2: rounds of shortest augmenting paths from all free mentees at once.
  const A = new Float64Array(m); // per-mentor label: min over scanned mentees x of cost[x, j] - h[x]
  const pred = new Int32Array(m); // the mentee that set A[j]
  const ptr = new Int32Array(m); // mentor j's slots order[off[j]..off[j]+ptr[j]) are settled
  const nextKey = new Float64Array(m); // key of mentor j's next unsettled slot, Infinity if none
  const cur = new Float64Array(m); // A[j] + nextKey[j]: tentative distance of that slot
  const dist = new Float64Array(S); // distance of settled slots
  const predSlot = new Int32Array(S);
  const settled = new Int32Array(S);
  const uFree = new Float64Array(n); // u of each free mentee this round
  const touched = new Int32Array(m);
  const mark = new Int32Array(m);
  const search: Search = {
    c,
    m,
    off,
    order,
    key,
    bestKey,
    owner,
    rowSlot,
    slotMentor,
    rowSeen: new Int32Array(n),
    slotSeen: new Int32Array(S),
    stackRow: new Int32Array(n + 1),
    stackSlot: new Int32Array(n + 1),
    stackU: new Float64Array(n + 1),
    stackJ: new Int32Array(n + 1),
    stackT: new Int32Array(n + 1),
    stamp: 0,
  };
  let round = 0;
  let mark0 = 0; // stamps of the depth-first searches
  const initialFree = numFree;

  while (numFree > 0) {
    round++;
    A.fill(Infinity);
    ptr.fill(0);
    nextKey.set(bestKey);
    let T = Infinity; // nearest "unmatched" column reached, and by whom
    let predT = -1;
    for (let f = 0; f < numFree; f++) {
      const r = free[f]!;
      const u = rowMin(c, r * m, bestKey, m); // her own "unmatched" column (0) included
      uFree[r] = u;
      if (-u < T) {
        T = -u;
        predT = r;
      }
      lower(c, r * m, u, A, pred, r, m);
    }
    let jmin = initCur(A, nextKey, cur, m);
    let mn = jmin >= 0 ? cur[jmin]! : Infinity;
    let D: number;
    let nSettled = 0;
    let endSlot = -1;
    for (;;) {
      if (T < mn) {
        D = T;
        break;
      }
      const j = jmin;
      const s = order[off[j]! + ptr[j]!]!;
      const q = ++ptr[j]!;
      const nk = q < cap[j]! ? key[order[off[j]! + q]!]! : Infinity;
      nextKey[j] = nk;
      cur[j] = A[j]! + nk;
      dist[s] = mn;
      predSlot[s] = pred[j]!;
      settled[nSettled++] = s;
      const x = owner[s]!;
      if (x < 0) {
        D = mn;
        endSlot = s;
        break;
      }
      // Scan x, who holds s at reduced cost 0: u_x = cost[x, j] + key[s], reached at mn.
      const h = c[x * m + j]! + key[s]! - mn;
      if (-h < T) {
        T = -h;
        predT = x;
      }
      const d0 = mn;
      jmin = relax(c, x * m, h, A, pred, x, cur, nextKey, m);
      mn = jmin >= 0 ? cur[jmin]! : Infinity;
      if (mn < d0) mn = d0; // rounding only: reduced costs are never negative
    }

    // Prices: every slot settled nearer than D becomes dearer by the difference, every free
    // mentee's u rises by D. Reduced costs stay >= 0 and are 0 along every shortest path.
    let nTouched = 0;
    for (let q = 0; q < nSettled; q++) {
      const s = settled[q]!;
      const gap = D - dist[s]!;
      if (gap > 0) {
        key[s]! += gap;
        const j = slotMentor[s]!;
        if (mark[j] !== round) {
          mark[j] = round;
          touched[nTouched++] = j;
        }
      }
    }
    for (let q = 0; q < nTouched; q++) resort(touched[q]!, off, order, key, bestKey);

    // The path Dijkstra found, then a maximal set of further tight paths from the other free mentees.
    let s = endSlot;
    if (s < 0) {
      s = rowSlot[predT]!;
      rowSlot[predT] = UNMATCHED;
    }
    while (s >= 0) {
      const x = predSlot[s]!;
      const prev = rowSlot[x]!;
      owner[s] = x;
      rowSlot[x] = s;
      s = prev;
    }
    // Marks that made one pass maximal can hide paths that the flips opened: while a pass finds
    // some, another pass with fresh marks (same prices) is cheaper than another round.
    for (let pass = 0, found = 1; found > 0 && pass < DFS_PASSES; pass++) {
      search.stamp = ++mark0;
      found = 0;
      for (let f = 0; f < numFree; f++) {
        const r = free[f]!;
        if (rowSlot[r] === FREE && augment(search, r, uFree[r]! + D)) found++;
      }
    }

    let kept = 0;
    for (let f = 0; f < numFree; f++) if (rowSlot[free[f]!] === FREE) free[kept++] = free[f]!;
    numFree = kept;
    if (onProgress) onProgress(half + Math.floor(((initialFree - numFree) * (n - half)) / Math.max(1, initialFree)), n);
  }
  onProgress?.(n, n);

  const result = new Int32Array(n);
  for (let i = 0; i < n; i++) result[i] = rowSlot[i]! >= 0 ? slotMentor[rowSlot[i]!]! : -1;
  return result;
}

/** The two cheapest mentors for one mentee at current keys: returns the first, `out` = [u1, u2, j2]. */
function best2(c: Float64Array, base: number, bestKey: Float64Array, m: number, out: Float64Array): number {
  let u1 = Infinity;
  let u2 = Infinity;
  let j1 = -1;
  let j2 = -1;
  for (let j = 0; j < m; j++) {
    const val = c[base + j]! + bestKey[j]!;
    if (val < u2) {
      if (val < u1) {
        u2 = u1;
        j2 = j1;
        u1 = val;
        j1 = j;
      } else {
        u2 = val;
        j2 = j;
      }
    }
  }
  out[0] = u1;
  out[1] = u2;
  out[2] = j2;
  return j1;
}

/** A mentee's row minimum of reduced costs, her own "unmatched" column (0) included. */
function rowMin(c: Float64Array, base: number, bestKey: Float64Array, m: number): number {
  let u = 0;
  for (let j = 0; j < m; j++) {
    const val = c[base + j]! + bestKey[j]!;
    if (val < u) u = val;
  }
  return u;
}

/** Dijkstra labels from free mentee r at distance 0. */
function lower(c: Float64Array, base: number, u: number, A: Float64Array, pred: Int32Array, r: number, m: number): void {
  for (let j = 0; j < m; j++) {
    const a = c[base + j]! - u;
    if (a < A[j]!) {
      A[j] = a;
      pred[j] = r;
    }
  }
}

/** Tentative distances of every mentor's next slot; returns the nearest mentor, -1 if none. */
function initCur(A: Float64Array, nextKey: Float64Array, cur: Float64Array, m: number): number {
  let mn = Infinity;
  let jmin = -1;
  for (let j = 0; j < m; j++) {
    const d = A[j]! + nextKey[j]!;
    cur[j] = d;
    if (d < mn) {
      mn = d;
      jmin = j;
    }
  }
  return jmin;
}

/** Relaxes every mentor from scanned mentee x (h = u_x - distance); returns the nearest mentor, -1 if none. */
function relax(
  c: Float64Array,
  base: number,
  h: number,
  A: Float64Array,
  pred: Int32Array,
  x: number,
  cur: Float64Array,
  nextKey: Float64Array,
  m: number,
): number {
  let mn = Infinity;
  let jmin = -1;
  for (let k = 0; k < m; k++) {
    const a = c[base + k]! - h;
    let d = cur[k]!;
    if (a < A[k]!) {
      A[k] = a;
      pred[k] = x;
      d = a + nextKey[k]!;
      cur[k] = d;
    }
    if (d < mn) {
      mn = d;
      jmin = k;
    }
  }
  return jmin;
}

/** The first mentor from j on whose cheapest slots are tight for a mentee (u = ux); m if none. */
function nextTight(c: Float64Array, base: number, bestKey: Float64Array, ux: number, j: number, m: number): number {
  while (j < m && c[base + j]! + bestKey[j]! !== ux) j++;
  return j;
}

/** Restores mentor j's slot order after keys changed (a few slots: insertion sort). */
function resort(j: number, off: Int32Array, order: Int32Array, key: Float64Array, bestKey: Float64Array): void {
  const lo = off[j]!;
  const hi = off[j + 1]!;
  for (let a = lo + 1; a < hi; a++) {
    const s = order[a]!;
    const ks = key[s]!;
    let b = a - 1;
    while (b >= lo && key[order[b]!]! > ks) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = s;
  }
  bestKey[j] = hi > lo ? key[order[lo]!]! : Infinity;
}

interface Search {
  c: Float64Array;
  m: number;
  off: Int32Array;
  order: Int32Array;
  key: Float64Array;
  bestKey: Float64Array;
  owner: Int32Array;
  rowSlot: Int32Array;
  slotMentor: Int32Array;
  rowSeen: Int32Array;
  slotSeen: Int32Array;
  stackRow: Int32Array;
  /** The slot by which each mentee on the stack was reached. */
  stackSlot: Int32Array;
  stackU: Float64Array;
  /** Next mentor to try. */
  stackJ: Int32Array;
  /** Next position in `order` of mentor stackJ - 1 to try, -1 for none. */
  stackT: Int32Array;
  stamp: number;
}

/**
 * Depth-first search for a tight augmenting path from free mentee `root` (u = `uRoot`): a tight
 * edge to a free slot ends it, a tight edge to a held slot continues from its holder, a mentee
 * whose own "unmatched" column is tight may end it by leaving. Mentees and slots that led nowhere
 * stay marked for the round, so a round costs O(mentees · m) at most. Flips the path if found.
 */
function augment(g: Search, root: number, uRoot: number): boolean {
  const { c, m, off, order, key, bestKey, owner, rowSeen, slotSeen, stackRow, stackSlot, stackU, stackJ, stackT, stamp } = g;
  if (rowSeen[root] === stamp) return false;
  rowSeen[root] = stamp;
  let depth = 0;
  stackRow[0] = root;
  stackSlot[0] = FREE;
  stackU[0] = uRoot;
  stackJ[0] = 0;
  stackT[0] = -1;
  while (depth >= 0) {
    const x = stackRow[depth]!;
    const ux = stackU[depth]!;
    const base = x * m;
    let j = stackJ[depth]!;
    let t = stackT[depth]!;
    let next = -1; // a held slot to go through
    let end = -1; // a free slot that ends the path
    while (next < 0 && end < 0) {
      if (t < 0) {
        j = nextTight(c, base, bestKey, ux, j, m);
        if (j >= m) break;
        const bk = bestKey[j]!;
        t = off[j]!;
        j++;
        // A free tight slot of this mentor ends the path at once.
        for (let q = t; q < off[j]! && key[order[q]!] === bk; q++) {
          const s = order[q]!;
          if (owner[s]! < 0 && slotSeen[s] !== stamp) {
            end = s;
            break;
          }
        }
        if (end >= 0) break;
      }
      const bk = bestKey[j - 1]!;
      while (t < off[j]! && key[order[t]!] === bk) {
        const s = order[t++]!;
        const y = owner[s]!;
        if (y >= 0 && slotSeen[s] !== stamp && rowSeen[y] !== stamp) {
          next = s;
          break;
        }
      }
      if (next < 0) t = -1;
    }
    if (end >= 0) {
      slotSeen[end] = stamp;
      flipStack(g, depth, end);
      return true;
    }
    if (next >= 0) {
      stackJ[depth] = j;
      stackT[depth] = t;
      slotSeen[next] = stamp;
      const y = owner[next]!;
      rowSeen[y] = stamp;
      depth++;
      stackRow[depth] = y;
      stackSlot[depth] = next;
      stackU[depth] = c[y * m + g.slotMentor[next]!]! + key[next]!;
      stackJ[depth] = 0;
      stackT[depth] = -1;
      continue;
    }
    // No tight slot left for x: leaving is the last option, if her "unmatched" column is tight.
    if (ux === 0) {
      flipStack(g, depth, UNMATCHED);
      return true;
    }
    depth--;
  }
  return false;
}

/** Flips the path on the stack: the top mentee takes `last`, each one below the slot of the one above. */
function flipStack(g: Search, top: number, last: number): void {
  let s = last;
  for (let d = top; d >= 0; d--) {
    const x = g.stackRow[d]!;
    g.rowSlot[x] = s;
    if (s >= 0) g.owner[s] = x;
    s = g.stackSlot[d]!;
  }
}
