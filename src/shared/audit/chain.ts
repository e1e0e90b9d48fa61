import { sha256Hex } from '../crypto/sha256';
import type { AuditEntry } from '../model';

/**
 * The audit log's hash chain. Every entry carries its place (`seq`, from 1), the hash of the entry
 * before it (`prev`; the first one has GENESIS) and its own `hash`: SHA-256 over the canonical
 * serialisation of every field but `hash` itself. Changing, inserting or removing an entry through
 * anything but the app breaks a link; removing the newest ones shows against the chain head kept
 * outside the data (db/ledger.ts).
 */
export const GENESIS = '0'.repeat(64);

/** JSON with keys sorted at every level and undefined left out: the same entry always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = entry;
  return sha256Hex(new TextEncoder().encode(canonicalJson(rest)));
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The entry as the next link after `head`. */
export function chained<T extends AuditEntry>(entry: T, head: ChainHead | null): T & { seq: number; prev: string; hash: string } {
  const { hash: _h, seq: _s, prev: _p, ...content } = entry;
  const linked = { ...content, seq: (head?.seq ?? 0) + 1, prev: head?.hash ?? GENESIS } as T & { seq: number; prev: string; hash: string };
  linked.hash = entryHash(linked);
  return linked;
}

export type ChainProblem =
  /** An entry's content no longer matches its hash. */
  | 'edited'
  /** An entry is missing, or one was inserted: a link points at something else. */
  | 'broken'
  /** The newest entries are gone: the log ends before the head kept outside it. */
  | 'truncated'
  /** An entry carries no place in the chain. */
  | 'unchained';

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  problem?: ChainProblem;
  /** Where the chain first fails: the entry's place in it, and its time when there is one. */
  at?: { seq: number; time?: string };
}

/**
 * Checks the whole log (any order) against itself and against the head kept outside it. A head
 * behind the log's end is fine (the app stopped between writing an entry and noting the head).
 */
export function verifyChain(entries: readonly AuditEntry[], head: ChainHead | null): ChainVerdict {
  const unchained = entries.find((e) => typeof e.seq !== 'number' || !e.hash || !e.prev);
  if (unchained) return { ok: false, entries: entries.length, problem: 'unchained', at: { seq: 0, time: unchained.at } };
  const sorted = [...entries].sort((a, b) => a.seq! - b.seq!);
  let prev = GENESIS;
  for (const [i, e] of sorted.entries()) {
    if (e.seq !== i + 1 || e.prev !== prev) return { ok: false, entries: entries.length, problem: 'broken', at: { seq: i + 1, time: e.at } };
    if (entryHash(e) !== e.hash) return { ok: false, entries: entries.length, problem: 'edited', at: { seq: e.seq, time: e.at } };
    prev = e.hash;
  }
  if (head && head.seq > 0) {
    const atHead = sorted[head.seq - 1];
    if (!atHead) return { ok: false, entries: entries.length, problem: 'truncated', at: { seq: sorted.length + 1 } };
    if (atHead.hash !== head.hash) return { ok: false, entries: entries.length, problem: 'broken', at: { seq: head.seq, time: atHead.at } };
  }
  return { ok: true, entries: entries.length };
}
