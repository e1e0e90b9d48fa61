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

/**
 * Newest first, one page at a time. Paging is keyset on the `at` index (never offset), so
 * the thousandth page costs what the first does.
 */
export async function queryAudit(db: MrezaDb, filter: AuditFilter, limit = 100, before?: string): Promise<AuditEntry[]> {
  const upper = before ?? (filter.to ? `${filter.to}T23:59:59.999Z\uffff` : '\uffff');
  const lower = filter.from ? `${filter.from}T00:00:00` : '';
  return db.auditLog
    .where('at')
    .between(lower, upper, true, before === undefined)
    .reverse()
    .filter((e) => (!filter.action || e.action === filter.action) && (!filter.table || e.table === filter.table) && (!filter.userId || e.userId === filter.userId))
    .limit(limit)
    .toArray();
}
