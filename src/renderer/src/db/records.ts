import { Dexie } from 'dexie';
import type { z } from 'zod';
import { TABLE_SCHEMAS, type TableName, type TableRow } from '@shared/model';
import { personNameKey } from '@shared/people/nameKey';
import { audit } from './audit';
import { TABLE_WRITE_PERMISSION } from '@shared/auth/permissions';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { requireMatchAccess, requirePermission } from './permissions';

type RecordTable = Exclude<TableName, 'settings' | 'auditLog'>;
type Draft<T extends RecordTable> = Omit<z.input<(typeof TABLE_SCHEMAS)[T]>, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

/** Validates a row with its table's schema; people also get their folded name key (search and duplicate checks use it). */
function validRow<T extends RecordTable>(table: T, input: object): TableRow<T> {
  const row = TABLE_SCHEMAS[table].parse(input) as TableRow<T>;
  if (table === 'people') (row as TableRow<'people'>).nameKey = personNameKey(row as TableRow<'people'>);
  return row;
}

/** The id of this installation's own organisation; records it creates belong to it. */
export async function selfOrgId(db: MrezaDb): Promise<string> {
  return (await selfOrg(db)).id;
}

/** This installation's own organisation (its country sets the defaults and legal forms). */
export async function selfOrg(db: MrezaDb): Promise<TableRow<'organisations'>> {
  const self = await db.organisations.filter((o) => o.isSelf).first();
  if (!self) throw new Error('organisation not set up');
  return self;
}

/**
 * The role check of a plain write (TABLE_WRITE_PERMISSION); a mentor's session logs only on her
 * own matches. `row` is the new row, or the stored one for a change or a delete.
 */
function requireWrite(db: MrezaDb, actor: Actor, table: RecordTable, row: object | undefined): Promise<void> {
  // A Dexie promise, not a native one: awaited inside a caller's transaction it keeps the caller's
  // zone, so the write below joins that transaction instead of starting another.
  const permission = TABLE_WRITE_PERMISSION[table];
  if (requirePermission(actor, permission) === 'all') return Dexie.Promise.resolve();
  return requireMatchAccess(db, actor, permission, String((row as { matchId?: unknown } | undefined)?.matchId ?? ''));
}

/** Validates with the entity's schema, stores, and records the creation in the audit log, atomically. */
export async function createRecord<T extends RecordTable>(db: MrezaDb, actor: Actor, table: T, draft: Draft<T>, summary = ''): Promise<TableRow<T>> {
  await requireWrite(db, actor, table, draft);
  return db.transaction('rw', [...new Set([db.table(table), db.auditLog, db.organisations])], async () => {
    const now = new Date().toISOString();
    const row = validRow(table, { ...draft, id: crypto.randomUUID(), orgId: await selfOrgId(db), createdAt: now, updatedAt: now });
    await db.table(table).add(row);
    await audit(db, actor, 'create', table, row.id, summary);
    return row;
  });
}

export async function updateRecord<T extends RecordTable>(
  db: MrezaDb,
  actor: Actor,
  table: T,
  id: string,
  changes: Partial<Draft<T>>,
  summary = '',
): Promise<TableRow<T>> {
  await requireWrite(db, actor, table, await db.table(table).get(id));
  // A change may move the row (a session log to another match): the new place is checked too.
  if ('matchId' in changes) await requireWrite(db, actor, table, changes);
  return updateRecordAfterCheck(db, actor, table, id, changes, summary);
}

/** updateRecord for a caller that has made its own, narrower role check (a user setting her own passphrase). */
export async function updateRecordAfterCheck<T extends RecordTable>(
  db: MrezaDb,
  actor: Actor,
  table: T,
  id: string,
  changes: Partial<Draft<T>>,
  summary = '',
): Promise<TableRow<T>> {
  return db.transaction('rw', [db.table(table), db.auditLog], async () => {
    const current = (await db.table(table).get(id)) as TableRow<T> | undefined;
    if (!current) throw new Error(`${table} ${id} not found`);
    // A change to undefined clears the field: the key goes, rather than being stored as undefined.
    const merged = Object.fromEntries(Object.entries({ ...current, ...changes }).filter(([, v]) => v !== undefined));
    const row = validRow(table, { ...merged, id, updatedAt: new Date().toISOString() });
    await db.table(table).put(row);
    await audit(db, actor, 'update', table, id, summary);
    return row;
  });
}

export async function deleteRecord(db: MrezaDb, actor: Actor, table: RecordTable, id: string, summary = ''): Promise<void> {
  await requireWrite(db, actor, table, await db.table(table).get(id));
  await db.transaction('rw', [db.table(table), db.auditLog], async () => {
    await db.table(table).delete(id);
    await audit(db, actor, 'delete', table, id, summary);
  });
}
