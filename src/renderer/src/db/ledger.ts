import { Dexie, type EntityTable } from 'dexie';
import type { ChainHead } from '@shared/audit/chain';
import type { MrezaDb } from './db';

/**
 * What must outlive a restore, kept in an IndexedDB database of its own beside the data: backups
 * (takeSnapshot) never see it and a restore never replaces it.
 * - erasures: the people erased (or anonymised) here, by id only, nothing that identifies them;
 *   re-applied after every restore (db/backup.ts) and left out of every bundle (db/exchange.ts).
 * - chain: the audit log's chain head (shared/audit/chain.ts), so removing the newest entries shows.
 */
export interface ErasureRow {
  personId: string;
  kind: 'erased' | 'anonymised';
  /** When (ISO time), for the tombstone a re-applied erasure writes. */
  at: string;
  orgId: string;
}

interface ChainRow extends ChainHead {
  key: 'head';
}

type LedgerDb = Dexie & { erasures: EntityTable<ErasureRow, 'personId'>; chain: EntityTable<ChainRow, 'key'> };

const ledgers = new WeakMap<MrezaDb, LedgerDb>();

export function ledgerName(db: MrezaDb): string {
  return `${db.name}-ledger`;
}

/** The ledger of this data store (one per store, so tests can hold several). */
export function ledgerOf(db: MrezaDb): LedgerDb {
  let ledger = ledgers.get(db);
  if (!ledger) {
    ledger = new Dexie(ledgerName(db)) as LedgerDb;
    ledger.version(1).stores({ erasures: 'personId', chain: 'key' });
    ledgers.set(db, ledger);
  }
  return ledger;
}

/**
 * Notes an erasure before it is carried out, so no restore can undo it (db/people.ts). Returns what
 * was noted for the person before, for `undoErasureNote` if the erasure itself then fails.
 */
export async function recordErasure(db: MrezaDb, row: ErasureRow): Promise<ErasureRow | undefined> {
  const ledger = ledgerOf(db);
  return ledger.transaction('rw', ledger.erasures, async () => {
    const existing = await ledger.erasures.get(row.personId);
    // An erasure outranks an earlier anonymisation; never the other way round.
    if (!(existing?.kind === 'erased' && row.kind === 'anonymised')) await ledger.erasures.put(row);
    return existing;
  });
}

/** Takes back a note whose erasure failed (nothing changed, so nothing must be re-applied). */
export async function undoErasureNote(db: MrezaDb, personId: string, previous: ErasureRow | undefined): Promise<void> {
  const ledger = ledgerOf(db);
  await ledger.transaction('rw', ledger.erasures, async () => {
    if (previous) await ledger.erasures.put(previous);
    else await ledger.erasures.delete(personId);
  });
}

export async function erasureLedger(db: MrezaDb): Promise<ErasureRow[]> {
  return ledgerOf(db).erasures.toArray();
}

export async function erasedPersonIds(db: MrezaDb): Promise<Set<string>> {
  return new Set((await ledgerOf(db).erasures.toArray()).filter((r) => r.kind === 'erased').map((r) => r.personId));
}

export async function getChainHead(db: MrezaDb): Promise<ChainHead | null> {
  const row = await ledgerOf(db).chain.get('head');
  return row ? { seq: row.seq, hash: row.hash } : null;
}

/** Moves the head forward only: two writers finishing out of order never move it back. */
export async function advanceChainHead(db: MrezaDb, head: ChainHead): Promise<void> {
  const ledger = ledgerOf(db);
  await ledger.transaction('rw', ledger.chain, async () => {
    const current = await ledger.chain.get('head');
    if (!current || current.seq < head.seq) await ledger.chain.put({ key: 'head', ...head });
  });
}

/**
 * Carries the erasures of the store named `fromStore` (one that will not open: its ledger is a
 * database of its own and usually still does) into `to`'s ledger, so a restore into a new store
 * re-applies them as a restore in place would. Nothing is created when that store never had a
 * ledger; a ledger that exists but cannot be read throws, so nobody erased comes back unnoticed.
 */
export async function carryOverErasures(fromStore: string, to: MrezaDb): Promise<number> {
  const name = `${fromStore}-ledger`;
  if (!(await Dexie.exists(name))) return 0;
  const from = new Dexie(name) as LedgerDb;
  from.version(1).stores({ erasures: 'personId', chain: 'key' });
  try {
    const rows = await from.erasures.toArray();
    for (const row of rows) await recordErasure(to, row);
    return rows.length;
  } finally {
    from.close();
  }
}

/** Deletes the ledger with its store (tests; "End mentoring on this computer" wipes both). */
export async function deleteLedger(db: MrezaDb): Promise<void> {
  const ledger = ledgers.get(db);
  ledger?.close();
  ledgers.delete(db);
  await Dexie.delete(ledgerName(db));
}
