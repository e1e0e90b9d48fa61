import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntry } from '@shared/model';
import { audit, queryAudit, type AuditFilter } from '../../src/renderer/src/db/audit';
import type { Actor } from '../../src/renderer/src/db/actor';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import { createRecord } from '../../src/renderer/src/db/records';
import { withDb, withSetUpDb } from '../fixtures/testDb';

/** Reading the log takes a role that may (viewAudit). */
const COORDINATOR: Actor = { userName: 'Marija Horvat', role: 'coordinator' };
const ANA = { id: crypto.randomUUID(), name: 'Ana' };
const IVO = { id: crypto.randomUUID(), name: 'Ivo' };

function entry(at: string, action: AuditAction, table: string, user = ANA): AuditEntry {
  return { id: crypto.randomUUID(), at, userId: user.id, userName: user.name, action, table, summary: '' };
}

/** A hand-made log spanning month boundaries, with several entries sharing one millisecond. */
function sampleLog(): AuditEntry[] {
  return [
    entry('2026-02-28T23:59:59.999Z', 'create', 'people'),
    entry('2026-03-01T00:00:00.000Z', 'create', 'people', IVO),
    entry('2026-03-01T08:15:00.000Z', 'update', 'people'),
    entry('2026-03-10T12:00:00.000Z', 'create', 'programmes', IVO),
    entry('2026-03-10T12:00:00.000Z', 'create', 'events', IVO),
    entry('2026-03-10T12:00:00.000Z', 'create', 'sessions', IVO),
    entry('2026-03-15T09:00:00.000Z', 'delete', 'people'),
    entry('2026-03-31T23:59:59.999Z', 'export', '*'),
    entry('2026-04-01T00:00:00.000Z', 'backup', '*', IVO),
    entry('2026-04-02T10:00:00.000Z', 'update', 'programmes'),
  ];
}

async function withLog(fn: (db: MrezaDb, log: AuditEntry[]) => Promise<void>): Promise<void> {
  await withDb(async (db) => {
    const log = sampleLog();
    // Stored in shuffled order: the result order must come from the index, not insertion.
    await db.auditLog.bulkAdd([...log].reverse().sort((a, b) => a.id.localeCompare(b.id)));
    await fn(db, log);
  });
}

/** Reads every page until a short one, using the last entry of each page as the cursor. */
async function allPages(db: MrezaDb, filter: AuditFilter, pageSize: number): Promise<AuditEntry[][]> {
  const pages: AuditEntry[][] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const last = pages.at(-1)?.at(-1);
    const page = await queryAudit(db, COORDINATOR, filter, pageSize, last ? { at: last.at, id: last.id } : undefined);
    pages.push(page);
    if (page.length < pageSize) break;
  }
  return pages;
}

const ats = (rows: AuditEntry[]) => rows.map((e) => e.at);
const newestFirst = (rows: AuditEntry[]) => [...rows].sort((a, b) => b.at.localeCompare(a.at));

describe('queryAudit', () => {
  it('lists newest first', async () => {
    await withLog(async (db, log) => {
      const rows = await queryAudit(db, COORDINATOR, {});
      expect(rows).toHaveLength(log.length);
      expect(ats(rows)).toEqual(ats(newestFirst(log)));
    });
  });

  it('filters by action, table and user', async () => {
    await withLog(async (db, log) => {
      expect(ats(await queryAudit(db, COORDINATOR, { action: 'create' }))).toEqual(ats(newestFirst(log.filter((e) => e.action === 'create'))));
      expect((await queryAudit(db, COORDINATOR, { table: 'people' })).map((e) => e.action)).toEqual(['delete', 'update', 'create', 'create']);
      const ivo = await queryAudit(db, COORDINATOR, { userId: IVO.id });
      expect(ivo).toHaveLength(5);
      expect(ivo.every((e) => e.userId === IVO.id)).toBe(true);
      expect(await queryAudit(db, COORDINATOR, { action: 'create', table: 'people', userId: IVO.id })).toEqual([log[1]]);
      expect(await queryAudit(db, COORDINATOR, { action: 'restore' })).toEqual([]);
    });
  });

  it('date bounds are inclusive whole days', async () => {
    await withLog(async (db) => {
      const march = await queryAudit(db, COORDINATOR, { from: '2026-03-01', to: '2026-03-31' });
      expect(ats(march)).toEqual([
        '2026-03-31T23:59:59.999Z',
        '2026-03-15T09:00:00.000Z',
        '2026-03-10T12:00:00.000Z',
        '2026-03-10T12:00:00.000Z',
        '2026-03-10T12:00:00.000Z',
        '2026-03-01T08:15:00.000Z',
        '2026-03-01T00:00:00.000Z',
      ]);
      expect(ats(await queryAudit(db, COORDINATOR, { from: '2026-04-01' }))).toEqual(['2026-04-02T10:00:00.000Z', '2026-04-01T00:00:00.000Z']);
      expect(ats(await queryAudit(db, COORDINATOR, { to: '2026-02-28' }))).toEqual(['2026-02-28T23:59:59.999Z']);
      expect(ats(await queryAudit(db, COORDINATOR, { from: '2026-03-10', to: '2026-03-10' }))).toHaveLength(3);
      expect(await queryAudit(db, COORDINATOR, { from: '2026-05-01' })).toEqual([]);
    });
  });

  it.each([1, 2, 3, 4, 100])('keyset paging (page size %i) returns every entry exactly once, in order', async (size) => {
    await withLog(async (db, log) => {
      const pages = await allPages(db, {}, size);
      const seen = pages.flat();
      expect(seen.map((e) => e.id).sort()).toEqual(log.map((e) => e.id).sort());
      expect(new Set(seen.map((e) => e.id)).size).toBe(log.length);
      expect(ats(seen)).toEqual(ats(newestFirst(log)));
      for (const page of pages.slice(0, -1)) expect(page).toHaveLength(size);
    });
  });

  it('paging keeps the filters', async () => {
    await withLog(async (db, log) => {
      const seen = (await allPages(db, { userId: IVO.id, from: '2026-03-01', to: '2026-03-31' }, 2)).flat();
      const expected = log.filter((e) => e.userId === IVO.id && e.at >= '2026-03-01' && e.at < '2026-04-01');
      expect(seen.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
      expect(seen).toHaveLength(4);
    });
  });

  it('pages through a real log written within the same milliseconds', async () => {
    await withSetUpDb(async (db, { actor }) => {
      for (let i = 0; i < 25; i++) await createRecord(db, actor, 'programmes', { kind: 'other', title: `P${i}` });
      await db.transaction('rw', db.auditLog, async () => {
        for (let i = 0; i < 20; i++) await audit(db, actor, 'export', '*', undefined, `burst ${i}`);
      });
      const total = await db.auditLog.count();
      expect(total).toBe(2 + 25 + 20);
      const seen = (await allPages(db, {}, 7)).flat();
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((e) => e.id)).size).toBe(total);
      expect(ats(seen)).toEqual([...ats(seen)].sort().reverse());
    });
  });
});
