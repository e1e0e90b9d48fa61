import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, decodeBackup, type Snapshot, type SnapshotTables } from '@shared/backup/format';
import { isSealedBackup, openSealedBackup, sealBackup } from '@shared/backup/sealed';
import { equalBytes } from '@shared/crypto/bytes';
import { TABLE_NAMES, type AuditEntry, type User } from '@shared/model';
import { canonicalPlace } from '@shared/gazetteer';
import { personNameKey } from '@shared/people/nameKey';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import { dropDataKey, getDataKey, rekeyAborted, rekeyCommitted, rekeyWithin, setDataKey } from './dataKey';
import type { MrezaDb } from './db';
import { backupKeyring } from './keyring';
import { erasureLedger, type ErasureRow } from './ledger';
import { reapplyErasures } from './people';
import { requirePermission } from './permissions';
import { SCHEMA_VERSION } from './schema';
import { rememberSelfOrganisation } from './selfOrganisation';

/** Reads every table in one read transaction, so the snapshot is consistent. */
export async function takeSnapshot(db: MrezaDb): Promise<Snapshot> {
  const tables = {} as SnapshotTables;
  await db.transaction('r', db.tables, async () => {
    for (const name of TABLE_NAMES) tables[name] = await db.table(name).toArray();
  });
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString(), tables };
}

/**
 * The backup file: every table, encrypted with the data key, with the keyring's recovery wrap and
 * the coordinators' wraps in its header (backup/sealed.ts). Only while someone is signed in.
 */
export async function backupBytes(db: MrezaDb): Promise<Uint8Array> {
  const dataKey = getDataKey(db);
  const keyring = await backupKeyring(db);
  if (!dataKey || !keyring) throw new BackupError('locked');
  return sealBackup(await takeSnapshot(db), dataKey, keyring);
}

/**
 * Reads and fully validates a backup file (throws BackupError, never returns half a file). An
 * encrypted one opens with `dataKey` (from a passphrase or the recovery key, backup/sealed.ts
 * `unlockSealedBackup`) or else with the data key held now (this installation's own backups);
 * otherwise `needsKey`. A plain one is a format-1 file from before backups were encrypted.
 */
export async function readBackupFile(db: MrezaDb, bytes: Uint8Array, dataKey?: Uint8Array): Promise<{ snapshot: Snapshot; dataKey?: Uint8Array }> {
  if (!isSealedBackup(bytes)) return { snapshot: decodeBackup(bytes, SCHEMA_VERSION) };
  const key = dataKey ?? getDataKey(db);
  if (!key) throw new BackupError('needsKey');
  try {
    return { snapshot: await openSealedBackup(bytes, key, SCHEMA_VERSION), dataKey: key };
  } catch (e) {
    if (!dataKey && e instanceof BackupError && e.code === 'wrongKey') throw new BackupError('needsKey');
    throw e;
  }
}

/**
 * Validates the whole file first (throws BackupError), then replaces all data in one transaction, in which the erasure ledger is re-applied: nobody erased here comes back from an older backup.
 * An encrypted backup brings its own keyring (its users' wraps and its recovery wrap) and data
 * key, which the installation adopts. A plain one from before keeps the keyring in use: users it
 * shares with this installation keep their current passphrases, and others get one from a
 * coordinator.
 */
export async function restoreBackup(db: MrezaDb, actor: Actor, bytes: Uint8Array, fileName: string, dataKey?: Uint8Array): Promise<Snapshot> {
  requirePermission(actor, 'replaceAllData');
  const { snapshot, dataKey: backupKey } = await readBackupFile(db, bytes, dataKey);
  const tables = backupKey ? snapshot.tables : await keepCurrentKeyring(db, snapshot.tables);
  const heldBefore = getDataKey(db);
  // The backup's key (another keyring) replaces the one held: the rows that stay are re-sealed with
  // it in the restore's own transaction. With none held, it is the key from the first row on.
  const switchTo = backupKey && heldBefore && !equalBytes(heldBefore, backupKey) ? backupKey : undefined;
  if (backupKey && !heldBefore) await setDataKey(db, backupKey);
  try {
    await replaceAll(
      db,
      actor,
      tables,
      auditEntry(actor, 'restore', '*', undefined, 'backupRestored', { detail: fileName }),
      await erasureLedger(db),
      switchTo,
    );
  } catch (e) {
    if (switchTo) rekeyAborted(db);
    if (!heldBefore) dropDataKey(db);
    throw e;
  }
  if (switchTo) await rekeyCommitted(db, switchTo);
  // A backup from before the settings named the own organisation.
  await rememberSelfOrganisation(db);
  // Restored on a new computer (nobody signed in): she signs in now, with the backup's passphrase.
  if (!heldBefore) dropDataKey(db);
  return snapshot;
}

/** A plain (format-1) backup restored where a keyring exists: the keyring row and the wraps of users it knows stay. */
async function keepCurrentKeyring(db: MrezaDb, tables: SnapshotTables): Promise<SnapshotTables> {
  const keyringRow = await db.table('settings').get('keyring');
  if (!keyringRow) return tables;
  const wraps = new Map((await db.users.toArray()).filter((u) => u.keyWrap && !u.disabled).map((u) => [u.id, u.keyWrap!]));
  const users = (tables.users as User[]).map((u) => {
    const { passHash: _hash, passSalt: _salt, keyWrap: _old, ...rest } = u;
    const wrap = wraps.get(u.id);
    // The old file's PBKDF2 hash would let its passphrase past the keyring's: only the keyring signs in.
    return wrap && !u.disabled ? { ...rest, keyWrap: wrap } : rest;
  });
  const settings = [...(tables.settings as Array<{ key: string }>).filter((r) => r.key !== 'keyring'), keyringRow];
  return { ...tables, users, settings };
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
async function replaceAll(
  db: MrezaDb,
  actor: Actor,
  tables: Partial<SnapshotTables>,
  entry: AuditEntry,
  erasures: readonly ErasureRow[],
  switchTo?: Uint8Array,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    if (switchTo) await rekeyWithin(db, switchTo, ['auditLog']);
    for (const name of TABLE_NAMES) {
      if (name === 'auditLog') continue;
      const table = db.table(name);
      await table.clear();
      let rows = tables[name] ?? [];
      // Backups from before schema v2 lack the folded name key, and from before v4 the canonical
      // municipality; derive them as those migrations do.
      if (name === 'people')
        rows = rows.map((p) =>
          canonicalPlace({
            ...(p as { firstName: string; lastName: string; municipality?: string; country?: string }),
            nameKey: personNameKey(p as { firstName: string; lastName: string }),
          }),
        );
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
