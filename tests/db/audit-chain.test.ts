import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { GENESIS } from '@shared/audit/chain';
import type { AuditEntry } from '@shared/model';
import { audit } from '../../src/renderer/src/db/audit';
import { AuditAppendOnlyError, chainHeadSettled, verifyAuditLog } from '../../src/renderer/src/db/auditChain';
import { backupBytes, clearAllData, restoreBackup } from '../../src/renderer/src/db/backup';
import { createDb } from '../../src/renderer/src/db/db';
import { deleteLedger, getChainHead } from '../../src/renderer/src/db/ledger';
import { createRecord } from '../../src/renderer/src/db/records';
import { STORES_V5 } from '../../src/renderer/src/db/schema';
import { COORDINATOR, giveKeyring, newDbName, TEST_PASSPHRASE, withDb, withSetUpDb } from '../fixtures/testDb';
import { unlockSealedBackup } from '@shared/backup/sealed';

/** Opens the store with the plain IndexedDB API, as someone with access to the profile folder would. */
async function raw<T>(name: string, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
  const conn = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const tx = conn.transaction('auditLog', 'readwrite');
    const result = await work(tx.objectStore('auditLog'));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return result;
  } finally {
    conn.close();
  }
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

async function bySeq(db: { auditLog: { toArray(): Promise<AuditEntry[]> } }): Promise<AuditEntry[]> {
  return (await db.auditLog.toArray()).sort((a, b) => a.seq! - b.seq!);
}

async function someEntries(db: Parameters<typeof createRecord>[0], actor: Parameters<typeof createRecord>[1], n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await createRecord(db, actor, 'programmes', { kind: 'other', title: `Program ${i}` });
}

describe('the audit log is hash-chained (#15 item 5)', () => {
  it('every entry links to the one before, whoever wrote it, also several in one transaction at once', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await someEntries(db, actor);
      await db.transaction('rw', db.auditLog, async () => {
        await Promise.all([1, 2, 3].map((i) => audit(db, actor, 'export', '*', undefined, `parallel ${i}`)));
      });
      const log = await bySeq(db);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log[0]!.prev).toBe(GENESIS);
      for (let i = 1; i < log.length; i++) expect(log[i]!.prev).toBe(log[i - 1]!.hash);
      expect(await verifyAuditLog(db, actor)).toEqual({ ok: true, entries: log.length });
      await chainHeadSettled(db);
      expect(await getChainHead(db)).toEqual({ seq: log.length, hash: log.at(-1)!.hash });
      await deleteLedger(db);
    });
  });

  it('a caller cannot place an entry: seq, prev and hash it passes are replaced', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await db.auditLog.add({
        id: crypto.randomUUID(),
        at: new Date().toISOString(),
        userName: 'x',
        action: 'export',
        table: '*',
        summary: '',
        seq: 1,
        prev: GENESIS,
        hash: 'f'.repeat(64),
      });
      expect((await verifyAuditLog(db, actor)).ok).toBe(true);
      await deleteLedger(db);
    });
  });

  it('changing or deleting entries through the app is refused and changes nothing', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await someEntries(db, actor, 2);
      const before = await bySeq(db);
      const first = before[0]!;
      await expect(db.auditLog.delete(first.id)).rejects.toBeInstanceOf(AuditAppendOnlyError);
      await expect(db.auditLog.clear()).rejects.toBeInstanceOf(AuditAppendOnlyError);
      await expect(db.auditLog.update(first.id, { summary: 'nothing happened' })).rejects.toBeInstanceOf(AuditAppendOnlyError);
      await expect(db.auditLog.put({ ...first, userName: 'Someone else' })).rejects.toBeInstanceOf(AuditAppendOnlyError);
      // Rewriting an entry exactly as it is (say, re-encrypting it) is allowed.
      await db.auditLog.put({ ...first });
      expect(await bySeq(db)).toEqual(before);
      expect((await verifyAuditLog(db, actor)).ok).toBe(true);
      await deleteLedger(db);
    });
  });

  it('attack: an entry edited through raw IndexedDB → a warning naming it', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await someEntries(db, actor);
      const target = (await bySeq(db))[3]!;
      await raw(db.name, async (store) => {
        const row = (await request(store.get(target.id))) as AuditEntry;
        await request(store.put({ ...row, userName: 'Netko drugi' }));
      });
      expect(await verifyAuditLog(db, actor)).toMatchObject({ ok: false, problem: 'edited', at: { seq: target.seq, time: target.at } });
      await deleteLedger(db);
    });
  });

  it('attack: an entry edited with its hash recomputed still breaks the next link', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await someEntries(db, actor);
      const { entryHash } = await import('@shared/audit/chain');
      const target = (await bySeq(db))[2]!;
      await raw(db.name, async (store) => {
        const forged = { ...target, summary: 'forged' };
        await request(store.put({ ...forged, hash: entryHash(forged) }));
      });
      expect(await verifyAuditLog(db, actor)).toMatchObject({ ok: false, problem: 'broken', at: { seq: target.seq! + 1 } });
      await deleteLedger(db);
    });
  });

  it('attack: an entry deleted through raw IndexedDB → a warning', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await someEntries(db, actor);
      const target = (await bySeq(db))[2]!;
      await raw(db.name, (store) => request(store.delete(target.id)));
      expect(await verifyAuditLog(db, actor)).toMatchObject({ ok: false, problem: 'broken', at: { seq: target.seq } });
      await deleteLedger(db);
    });
  });

  it('attack: the newest entries deleted (nothing left to break a link) → shown against the head kept outside', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await someEntries(db, actor);
      expect((await verifyAuditLog(db, actor)).ok).toBe(true);
      const log = await bySeq(db);
      await raw(db.name, async (store) => {
        for (const e of log.slice(-2)) await request(store.delete(e.id));
      });
      expect(await verifyAuditLog(db, actor)).toMatchObject({ ok: false, problem: 'truncated', at: { seq: log.length - 1 } });
      await deleteLedger(db);
    });
  });

  it('a restore appends and never removes: entries made after the backup stay, the restore is added, the chain holds', async () => {
    await withSetUpDb(async (db, { actor, user }) => {
      await giveKeyring(db, user); // backups are encrypted with the signed-in data key
      await someEntries(db, actor, 2);
      const backup = await backupBytes(db);
      await someEntries(db, actor, 3);
      await clearAllData(db, actor);
      const before = await bySeq(db);
      await restoreBackup(db, actor, backup, 'older.json.gz');
      const after = await bySeq(db);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length).map((e) => e.summary)).toEqual(['backupRestored']);
      expect(await verifyAuditLog(db, actor)).toEqual({ ok: true, entries: after.length });
      await deleteLedger(db);
    });
  });

  it('restoring on a new PC brings the backup\u2019s log, chained as it was, then the restore', async () => {
    let bytes: Uint8Array = new Uint8Array();
    let original: AuditEntry[] = [];
    await withSetUpDb(async (db, { actor, user }) => {
      await giveKeyring(db, user); // backups are encrypted with the signed-in data key
      await someEntries(db, actor, 3);
      original = await bySeq(db);
      bytes = await backupBytes(db);
      await deleteLedger(db);
    });
    await withDb(async (db) => {
      // The new PC holds no data key: the coordinator's passphrase opens the backup.
      await restoreBackup(db, COORDINATOR, bytes, 'copy.json.gz', (await unlockSealedBackup(bytes, { passphrase: TEST_PASSPHRASE }))!);
      const log = await bySeq(db);
      expect(log.slice(0, original.length)).toEqual(original);
      expect(log.at(-1)).toMatchObject({ action: 'restore', seq: original.length + 1, prev: original.at(-1)!.hash });
      expect((await verifyAuditLog(db, COORDINATOR)).ok).toBe(true);
      await deleteLedger(db);
    });
  });

  it('the update to schema v6 chains the entries written before, in order of time', async () => {
    const name = newDbName();
    const old = new Dexie(name);
    old.version(5).stores(STORES_V5);
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m)).toISOString();
    const legacy = [3, 1, 2].map((m) => ({ id: crypto.randomUUID(), at: at(m), userName: 'Marija', action: 'create', table: 'people', summary: `entry ${m}` }));
    await old.open();
    await old.table('auditLog').bulkAdd(legacy);
    old.close();
    const db = createDb(name);
    try {
      await db.open();
      const log = await bySeq(db);
      expect(log.map((e) => e.summary)).toEqual(['entry 1', 'entry 2', 'entry 3']);
      expect((await verifyAuditLog(db, COORDINATOR)).ok).toBe(true);
    } finally {
      await deleteLedger(db);
      db.close();
      await Dexie.delete(name);
    }
  });
});
