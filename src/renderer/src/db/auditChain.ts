import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { chained, entryHash, verifyChain, type ChainHead, type ChainVerdict } from '@shared/audit/chain';
import type { AuditEntry } from '@shared/model';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { advanceChainHead, getChainHead } from './ledger';
import { requirePermission } from './permissions';

/** A write that would change or remove an audit entry: the log only grows. */
export class AuditAppendOnlyError extends Error {
  constructor() {
    super('the audit log is append-only');
    this.name = 'AuditAppendOnlyError';
  }
}

// DBCoreRangeType.Any (a const enum, which isolated modules cannot import).
const ANY_RANGE = { type: 3, lower: undefined, upper: undefined } as unknown as DBCoreKeyRange;

/** The newest link of the chain as this transaction sees it. */
async function lastLink(table: DBCoreTable, trans: DBCoreTransaction): Promise<ChainHead | null> {
  const index = table.schema.getIndexByKeyPath('seq');
  if (!index) throw new Error('auditLog has no seq index');
  const { result } = await table.query({ trans, values: true, limit: 1, query: { index, range: ANY_RANGE }, direction: 'prev' });
  const last = result[0] as AuditEntry | undefined;
  return last?.seq && last.hash ? { seq: last.seq, hash: last.hash } : null;
}

/** Head writes to the ledger still in flight, per store (verification waits for them). */
const pendingHeads = new WeakMap<MrezaDb, Promise<void>>();

/**
 * Chains every audit entry as it is written, inside the transaction that writes it, whoever writes
 * it (audit(), auditEntry() + add, bulkAdd of a restore): `seq`, `prev` and `hash` are always set
 * here, whatever the caller passed. Deleting entries or changing their content is refused. After the
 * transaction commits, the new head goes to the ledger (outside backups). Sits above encryption at
 * rest (level 30), so the hash covers what the app wrote.
 */
export function auditChainMiddleware(db: MrezaDb): Middleware<DBCore> {
  // Per transaction: the head after its last chained write (adds in one transaction are serialised
  // through it, so two adds issued at once cannot take the same place).
  const queues = new WeakMap<DBCoreTransaction, Promise<ChainHead | null>>();
  const finalHeads = new WeakMap<DBCoreTransaction, ChainHead>();

  function noteHead(trans: DBCoreTransaction, head: ChainHead | null): void {
    if (!head) return;
    const first = !finalHeads.has(trans);
    finalHeads.set(trans, head);
    if (!first) return;
    (trans as unknown as IDBTransaction).addEventListener('complete', () => {
      const final = finalHeads.get(trans)!;
      const write = advanceChainHead(db, final).catch((e: unknown) => console.error('audit chain head not saved', e));
      pendingHeads.set(
        db,
        Promise.all([pendingHeads.get(db), write]).then(() => undefined),
      );
    });
  }

  return {
    stack: 'dbcore',
    name: 'auditChain',
    level: 30,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'auditLog') return table;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const trans = req.trans;
              // Schema upgrades (which chain the entries written before the chain existed) pass.
              if ((trans as unknown as IDBTransaction).mode === 'versionchange') return table.mutate(req);
              if (req.type === 'delete' || req.type === 'deleteRange') throw new AuditAppendOnlyError();
              if (req.type === 'put') {
                // Rewriting an entry unchanged (say, to re-encrypt it) is fine; changing it is not.
                const stored = (await table.getMany({ trans, keys: req.values.map((v: AuditEntry) => v.id) })) as Array<AuditEntry | undefined>;
                const same = req.values.every((v: AuditEntry, i: number) => {
                  const s = stored[i];
                  return s?.hash !== undefined && v.hash === s.hash && v.seq === s.seq && v.prev === s.prev && entryHash(v) === s.hash;
                });
                if (!same) throw new AuditAppendOnlyError();
                return table.mutate(req);
              }
              const step = (queues.get(trans) ?? lastLink(table, trans)).then(async (head) => {
                let link = head;
                const values = (req.values as AuditEntry[]).map((v) => {
                  const c = chained(v, link);
                  link = { seq: c.seq, hash: c.hash };
                  return c;
                });
                return { res: await table.mutate({ ...req, values }), head: link };
              });
              queues.set(
                trans,
                step.then(
                  (s) => s.head,
                  () => lastLink(table, trans),
                ),
              );
              const { res, head } = await step;
              noteHead(trans, head);
              return res;
            },
          };
        },
      };
    },
  };
}

/** Orders entries written before the chain existed (by time, then id) and chains them; for the schema upgrade. */
export function chainLegacy(entries: AuditEntry[]): AuditEntry[] {
  let head: ChainHead | null = null;
  return [...entries]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => {
      const c = chained(e, head);
      head = { seq: c.seq, hash: c.hash };
      return c;
    });
}

/**
 * Checks the audit log's chain and its head (on viewing the log, and after sign-in for who may see
 * it). A good chain moves the kept head up to the log's end; the first check after the update
 * adopts the log as it is.
 */
export async function verifyAuditLog(db: MrezaDb, actor: Actor): Promise<ChainVerdict> {
  requirePermission(actor, 'viewAudit');
  await pendingHeads.get(db);
  const [entries, head] = await Promise.all([db.auditLog.toArray(), getChainHead(db)]);
  const verdict = verifyChain(entries, head);
  const last = entries.reduce<AuditEntry | undefined>((m, e) => (e.seq !== undefined && (!m || e.seq > m.seq!) ? e : m), undefined);
  if (verdict.ok && last?.seq && last.hash) await advanceChainHead(db, { seq: last.seq, hash: last.hash });
  return verdict;
}

/** Waits until the heads of committed writes are in the ledger (tests, and before a check). */
export async function chainHeadSettled(db: MrezaDb): Promise<void> {
  await pendingHeads.get(db);
}
