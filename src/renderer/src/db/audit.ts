import { addDays } from 'date-fns';
import type { AuditAction, AuditEntry } from '@shared/model';
import type { Actor } from './actor';
import type { MrezaDb } from './db';

export interface AuditExtra {
  detail?: string;
  count?: number;
}

export function auditEntry(actor: Actor, action: AuditAction, table: string, recordId?: string, summary = '', extra: AuditExtra = {}): AuditEntry {
  return { id: crypto.randomUUID(), at: new Date().toISOString(), userId: actor.userId, userName: actor.userName, action, table, recordId, summary, ...extra };
}

/** Adds an audit entry; call inside the transaction of the change it records. */
export async function audit(db: MrezaDb, actor: Actor, action: AuditAction, table: string, recordId?: string, summary = '', extra: AuditExtra = {}): Promise<void> {
  await db.auditLog.add(auditEntry(actor, action, table, recordId, summary, extra));
}

export interface AuditFilter {
  action?: AuditAction;
  table?: string;
  userId?: string;
  /** Inclusive calendar days (yyyy-MM-dd) in the user's time zone. */
  from?: string;
  to?: string;
}

/** Where the previous page ended: its last entry (time and id, as several entries can share a millisecond). */
export type AuditCursor = Pick<AuditEntry, 'at' | 'id'>;

/** The UTC instant a local calendar day starts at (entries are stored in UTC). */
function localDayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/**
 * Newest first, one page at a time. Paging is keyset on the `at` index (never offset), so
 * the thousandth page costs what the first does. Entries sharing a timestamp are ordered by
 * id, so passing the last entry of a page as `before` returns every entry exactly once.
 */
export async function queryAudit(db: MrezaDb, filter: AuditFilter, limit = 100, before?: AuditCursor): Promise<AuditEntry[]> {
  const cursor = before;
  // The upper bound is exclusive: the start of the day after `to`.
  const upper = cursor?.at ?? (filter.to ? addDays(new Date(`${filter.to}T00:00:00`), 1).toISOString() : '\uffff');
  const lower = filter.from ? localDayStart(filter.from) : '';
  return db.auditLog
    .where('at')
    .between(lower, upper, true, cursor !== undefined)
    .reverse()
    .filter(
      (e) =>
        (!cursor || e.at < cursor.at || e.id < cursor.id) &&
        (!filter.action || e.action === filter.action) &&
        (!filter.table || e.table === filter.table) &&
        (!filter.userId || e.userId === filter.userId),
    )
    .limit(limit)
    .toArray();
}
