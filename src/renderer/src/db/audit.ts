import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { dayStart } from '@shared/calendar/localDay';
import type { AuditAction, AuditEntry } from '@shared/model';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { selfTimeZone } from './orgDay';
import { requirePermission } from './permissions';

export interface AuditExtra {
  detail?: string;
  count?: number;
}

export function auditEntry(actor: Actor, action: AuditAction, table: string, recordId?: string, summary = '', extra: AuditExtra = {}): AuditEntry {
  return { id: crypto.randomUUID(), at: new Date().toISOString(), userId: actor.userId, userName: actor.userName, action, table, recordId, summary, ...extra };
}

/** Adds an audit entry; call inside the transaction of the change it records. */
export async function audit(
  db: MrezaDb,
  actor: Actor,
  action: AuditAction,
  table: string,
  recordId?: string,
  summary = '',
  extra: AuditExtra = {},
): Promise<void> {
  await db.auditLog.add(auditEntry(actor, action, table, recordId, summary, extra));
}

export interface AuditFilter {
  action?: AuditAction;
  table?: string;
  userId?: string;
  /** Inclusive calendar days (yyyy-MM-dd) of the organisation (calendar/localDay.ts). */
  from?: string;
  to?: string;
}

/** Where the previous page ended: its last entry (time and id, as several entries can share a millisecond). */
export type AuditCursor = Pick<AuditEntry, 'at' | 'id'>;

/**
 * Newest first, one page at a time. Paging is keyset on the `at` index (never offset), so
 * the thousandth page costs what the first does. Entries sharing a timestamp are ordered by
 * id, so passing the last entry of a page as `before` returns every entry exactly once.
 */
export async function queryAudit(db: MrezaDb, actor: Actor, filter: AuditFilter, limit = 100, before?: AuditCursor): Promise<AuditEntry[]> {
  requirePermission(actor, 'viewAudit');
  const cursor = before;
  // Entries are stored in UTC: a day of the organisation starts at dayStart in its zone. The upper
  // bound is exclusive: the start of the day after `to`.
  const zone = filter.from || filter.to ? await selfTimeZone(db) : '';
  const upper = cursor?.at ?? (filter.to ? dayStart(format(addDays(parseISO(filter.to), 1), 'yyyy-MM-dd'), zone) : '\uffff');
  const lower = filter.from ? dayStart(filter.from, zone) : '';
  return (
    db.auditLog
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
      .toArray()
      // The chain fields are checked as a whole (verifyAuditLog), not read entry by entry.
      .then((rows) => rows.map(({ seq: _seq, prev: _prev, hash: _hash, ...entry }) => entry))
  );
}
