import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, decodeBackup, encodeBackup, type Snapshot, type SnapshotTables } from '@shared/backup/format';
import { TABLE_NAMES, type AuditEntry } from '@shared/model';
import { canonicalPlace } from '@shared/gazetteer';
import { personNameKey } from '@shared/people/nameKey';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { erasureLedger, type ErasureRow } from './ledger';
import { reapplyErasures } from './people';
import { requirePermission } from './permissions';
import { SCHEMA_VERSION } from './schema';

/** Reads every table in one read transaction, so the snapshot is consistent. */
export async function takeSnapshot(db: MrezaDb): Promise<Snapshot> {
  const tables = {} as SnapshotTables;
  await db.transaction('r', db.tables, async () => {
    for (const name of TABLE_NAMES) tables[name] = await db.table(name).toArray();
  });
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString(), tables };
}

export async function backupBytes(db: MrezaDb): Promise<Uint8Array> {
  return encodeBackup(await takeSnapshot(db));
}

/**
 * Validates the whole file first (throws BackupError), then replaces all data in one transaction,
 * in which the erasure ledger is re-applied: nobody erased here comes back from an older backup.
 */
export async function restoreBackup(db: MrezaDb, actor: Actor, bytes: Uint8Array, fileName: string): Promise<Snapshot> {
  requirePermission(actor, 'replaceAllData');
  const snapshot = decodeBackup(bytes, SCHEMA_VERSION);
  await replaceAll(db, actor, snapshot.tables, auditEntry(actor, 'restore', '*', undefined, 'backupRestored', { detail: fileName }), await erasureLedger(db));
  return snapshot;
}

/** Place in the file's chain, else time and id (a backup from before the chain). */
function logOrder(a: AuditEntry, b: AuditEntry): number {
  if (a.seq !== undefined && b.seq !== undefined) return a.seq - b.seq;
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Replaces every table but the audit log and records why, in one transaction: all of it happens or
 * none. The audit log only grows: the file's entries this log lacks are appended (chained anew after
 * the current ones), then the restore itself; nothing written since the backup goes.
 */
async function replaceAll(db: MrezaDb, actor: Actor, tables: Partial<SnapshotTables>, entry: AuditEntry, erasures: readonly ErasureRow[]): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const name of TABLE_NAMES) {
      if (name === 'auditLog') continue;
      const table = db.table(name);
      await table.clear();
      let rows = tables[name] ?? [];
      // Backups from before schema v2 lack the folded name key, and from before v4 the canonical
      // municipality; derive them as those migrations do.
      if (name === 'people') rows = rows.map((p) => canonicalPlace({ ...(p as { firstName: string; lastName: string; municipality?: string; country?: string }), nameKey: personNameKey(p as { firstName: string; lastName: string }) }));
      if (rows.length) await table.bulkAdd(rows);
    }
    const have = new Set((await db.auditLog.toCollection().primaryKeys()) as string[]);
    const missing = ((tables.auditLog ?? []) as AuditEntry[]).filter((e) => !have.has(e.id)).sort(logOrder);
    if (missing.length) await db.auditLog.bulkAdd(missing);
    await db.auditLog.add(entry);
    const reapplied = await reapplyErasures(db, erasures);
    if (reapplied) await db.auditLog.add(auditEntry(actor, 'delete', 'people', undefined, 'erasuresReapplied', { count: reapplied }));
  });
}

/** Erases every record but the installation's own organisation, users and settings. */
export async function clearAllData(db: MrezaDb, actor: Actor): Promise<void> {
  requirePermission(actor, 'replaceAllData');
  await db.transaction('rw', db.tables, async () => {
    for (const name of TABLE_NAMES) {
      if (name === 'users' || name === 'settings' || name === 'auditLog') continue;
      if (name === 'organisations') await db.organisations.filter((o) => !o.isSelf).delete();
      else await db.table(name).clear();
    }
    await db.auditLog.add(auditEntry(actor, 'delete', '*', undefined, 'allData'));
  });
}
