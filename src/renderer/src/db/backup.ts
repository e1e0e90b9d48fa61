import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, decodeBackup, encodeBackup, type Snapshot, type SnapshotTables } from '@shared/backup/format';
import { TABLE_NAMES, type AuditEntry } from '@shared/model';
import { canonicalPlace } from '@shared/gazetteer';
import { personNameKey } from '@shared/people/nameKey';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
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

/** Validates the whole file first (throws BackupError), then replaces all data in one transaction. */
export async function restoreBackup(db: MrezaDb, actor: Actor, bytes: Uint8Array, fileName: string): Promise<Snapshot> {
  const snapshot = decodeBackup(bytes, SCHEMA_VERSION);
  await replaceAll(db, snapshot.tables, auditEntry(actor, 'restore', '*', undefined, 'backupRestored', { detail: fileName }));
  return snapshot;
}

/** Replaces every table and records why, in one transaction: all of it happens or none. */
async function replaceAll(db: MrezaDb, tables: Partial<SnapshotTables>, entry: AuditEntry): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      await table.clear();
      let rows = tables[name] ?? [];
      // Backups from before schema v2 lack the folded name key, and from before v4 the canonical
      // municipality; derive them as those migrations do.
      if (name === 'people') rows = rows.map((p) => canonicalPlace({ ...(p as { firstName: string; lastName: string; municipality?: string; country?: string }), nameKey: personNameKey(p as { firstName: string; lastName: string }) }));
      if (rows.length) await table.bulkAdd(rows);
    }
    await db.auditLog.add(entry);
  });
}

/** Erases every record but the installation's own organisation, users and settings. */
export async function clearAllData(db: MrezaDb, actor: Actor): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const name of TABLE_NAMES) {
      if (name === 'users' || name === 'settings' || name === 'auditLog') continue;
      if (name === 'organisations') await db.organisations.filter((o) => !o.isSelf).delete();
      else await db.table(name).clear();
    }
    await db.auditLog.add(auditEntry(actor, 'delete', '*', undefined, 'allData'));
  });
}
