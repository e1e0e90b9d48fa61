import type { AuditAction, AuditEntry } from '@shared/model';
import type { Actor } from './actor';
import type { MrezaDb } from './db';

export function auditEntry(actor: Actor, action: AuditAction, table: string, recordId?: string, summary = ''): AuditEntry {
  return { id: crypto.randomUUID(), at: new Date().toISOString(), userId: actor.userId, userName: actor.userName, action, table, recordId, summary };
}

/** Adds an audit entry; call inside the transaction of the change it records. */
export async function audit(db: MrezaDb, actor: Actor, action: AuditAction, table: string, recordId?: string, summary = ''): Promise<void> {
  await db.auditLog.add(auditEntry(actor, action, table, recordId, summary));
}

export interface AuditFilter {
  action?: AuditAction;
  table?: string;
  userId?: string;
  /** Inclusive ISO date bounds (yyyy-MM-dd). */
  from?: string;
  to?: string;
}

/** Where the previous page ended: its last entry. (A bare `at` string is accepted too, but entries written in the same millisecond as it are then skipped.) */
export type AuditCursor = Pick<AuditEntry, 'at' | 'id'> | string;

/**
 * Newest first, one page at a time. Paging is keyset on the `at` index (never offset), so
 * the thousandth page costs what the first does. Entries sharing a timestamp are ordered by
 * id, so passing the last entry of a page as `before` returns every entry exactly once.
 */
export async function queryAudit(db: MrezaDb, filter: AuditFilter, limit = 100, before?: AuditCursor): Promise<AuditEntry[]> {
  const cursor = typeof before === 'string' ? { at: before, id: undefined } : before;
  const upper = cursor?.at ?? (filter.to ? `${filter.to}T23:59:59.999Z\uffff` : '\uffff');
  const lower = filter.from ? `${filter.from}T00:00:00` : '';
  return db.auditLog
    .where('at')
    .between(lower, upper, true, cursor === undefined || cursor.id !== undefined)
    .reverse()
    .filter(
      (e) =>
        (!cursor?.id || e.at < cursor.at || e.id < cursor.id) &&
        (!filter.action || e.action === filter.action) &&
        (!filter.table || e.table === filter.table) &&
        (!filter.userId || e.userId === filter.userId),
    )
    .limit(limit)
    .toArray();
}
