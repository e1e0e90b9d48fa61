import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDemoData } from '@shared/demo/demoData';
import { TABLE_NAMES, TABLE_SCHEMAS } from '@shared/model';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { allTables, counts, withDb, withSetUpDb } from '../fixtures/testDb';

describe('loadDemoData', () => {
  it('adds exactly what buildDemoData builds, every row valid, and logs it once', async () => {
    await withSetUpDb(async (db, { actor, orgId }) => {
      const before = await counts(db);
      const added = await loadDemoData(db, actor);
      const expected = buildDemoData(orgId, new Date(), () => crypto.randomUUID());
      const after = await counts(db);

      let total = 0;
      for (const [table, rows] of Object.entries(expected) as Array<[keyof typeof expected, unknown[]]>) {
        expect(after[table] - before[table], table).toBe(rows.length);
        total += rows.length;
      }
      expect(added).toBe(total);
      expect(after.users).toBe(before.users);
      expect(after.settings).toBe(before.settings);

      const tables = await allTables(db);
      for (const t of TABLE_NAMES) {
        for (const row of tables[t]) expect(TABLE_SCHEMAS[t].safeParse(row).success, t).toBe(true);
      }
      expect((tables.people as Array<{ orgId: string }>).every((p) => p.orgId === orgId)).toBe(true);

      const log = (await db.auditLog.toArray()).filter((e) => e.action === 'import');
      expect(log).toEqual([expect.objectContaining({ table: '*', userId: actor.userId, userName: actor.userName, summary: 'demoData', count: total })]);
    });
  });

  it('refuses before setup and writes nothing', async () => {
    await withDb(async (db) => {
      await expect(loadDemoData(db, { userName: 'x', role: 'coordinator' })).rejects.toThrow(/not set up/);
      expect(Object.values(await counts(db)).every((n) => n === 0)).toBe(true);
    });
  });
});
