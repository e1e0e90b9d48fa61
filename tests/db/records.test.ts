import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS } from '@shared/model';
import { createRecord, deleteRecord, selfOrgId, updateRecord } from '../../src/renderer/src/db/records';
import { searchEverything } from '../../src/renderer/src/db/search';
import { allTables, withDb, withSetUpDb } from '../fixtures/testDb';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createRecord', () => {
  it('stores a validated row with a fresh UUID, the own orgId, timestamps and an audit entry', async () => {
    await withSetUpDb(async (db, { orgId, actor, user }) => {
      const person = await createRecord(
        db,
        actor,
        'people',
        { kind: 'beneficiary', firstName: ' Ana ', lastName: 'Petrović', gender: 'woman', birthYear: 1984 },
        'new beneficiary',
      );
      expect(person.id).toMatch(UUID);
      expect(person.orgId).toBe(orgId);
      expect(await selfOrgId(db)).toBe(orgId);
      expect(person.createdAt).toBe(person.updatedAt);
      expect(Date.parse(person.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      // The schema's output is what is stored: trimmed text and defaults filled in.
      expect(person).toMatchObject({ firstName: 'Ana', targetGroups: [], anonymised: false });
      expect(await db.people.get(person.id)).toEqual(person);

      const entries = await db.auditLog.where('table').equals('people').toArray();
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'create',
          table: 'people',
          recordId: person.id,
          userId: user.id,
          userName: 'Marija Horvat',
          summary: 'new beneficiary',
        }),
      ]);

      const other = await createRecord(db, actor, 'programmes', { kind: 'badge', title: 'BADGE 2026' });
      expect(other.id).not.toBe(person.id);
      expect(other.completionRule).toEqual({ type: 'minShare', minShare: 0.8 });
    });
  });

  it('gives people the folded name key, so the header search finds them', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Јелена', lastName: 'Петровић', gender: 'woman' });
      expect(p.nameKey).toBe('jelena petrovic');
      expect((await db.people.get(p.id))?.nameKey).toBe('jelena petrovic');
      expect((await searchEverything(db, actor, 'petrovic')).map((h) => h.id)).toEqual([p.id]);
    });
  });

  it.each([
    ['a bad e-mail', { email: 'not-an-email' }],
    ['a birth year out of range', { birthYear: 1850 }],
    ['an unknown target group', { targetGroups: ['aliens'] }],
    ['an empty first name', { firstName: '  ' }],
  ])('refuses %s: throws, writes nothing and logs nothing', async (_label, bad) => {
    await withSetUpDb(async (db, { actor }) => {
      const before = await allTables(db);
      await expect(
        createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman', ...bad } as never),
      ).rejects.toThrow();
      expect(await allTables(db)).toEqual(before);
    });
  });

  it('refuses to create records before the organisation is set up', async () => {
    await withDb(async (db) => {
      await expect(createRecord(db, { userName: 'x', role: 'coordinator' }, 'programmes', { kind: 'badge', title: 'BADGE' })).rejects.toThrow(/not set up/);
      expect(await db.programmes.count()).toBe(0);
      expect(await db.auditLog.count()).toBe(0);
    });
  });
});

describe('updateRecord', () => {
  it('validates the merged row, keeps id/orgId/createdAt, moves updatedAt and logs the actor', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      await tick();
      const other = { userId: crypto.randomUUID(), userName: 'Ivana Novak', role: 'staff' as const };
      const updated = await updateRecord(db, other, 'people', p.id, { municipality: 'Varaždin' }, 'moved');
      expect(updated).toMatchObject({ id: p.id, orgId: p.orgId, createdAt: p.createdAt, municipality: 'Varaždin', firstName: 'Ana' });
      expect(updated.updatedAt > p.updatedAt).toBe(true);
      expect(await db.people.get(p.id)).toEqual(updated);
      expect(TABLE_SCHEMAS.people.parse(updated)).toEqual(updated);

      const log = await db.auditLog.where('action').equals('update').toArray();
      expect(log).toEqual([expect.objectContaining({ table: 'people', recordId: p.id, userId: other.userId, userName: 'Ivana Novak', summary: 'moved' })]);
    });
  });

  it('recomputes the name key when the name changes', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      await updateRecord(db, actor, 'people', p.id, { lastName: 'Česar' });
      expect((await db.people.get(p.id))?.nameKey).toBe('ana cesar');
      expect((await searchEverything(db, actor, 'cesar')).map((h) => h.id)).toEqual([p.id]);
      expect(await searchEverything(db, actor, 'horvat')).toEqual([]);
    });
  });

  it('refuses an invalid change: throws, the row and the log stay as they were', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const p = await createRecord(db, actor, 'people', { kind: 'beneficiary', firstName: 'Ana', lastName: 'Horvat', gender: 'woman' });
      const before = await allTables(db);
      await expect(updateRecord(db, actor, 'people', p.id, { email: 'ana@' })).rejects.toThrow();
      await expect(updateRecord(db, actor, 'people', p.id, { gender: 'unknown' as never })).rejects.toThrow();
      await expect(updateRecord(db, actor, 'people', crypto.randomUUID(), { firstName: 'X' })).rejects.toThrow(/not found/);
      expect(await allTables(db)).toEqual(before);
    });
  });
});

describe('deleteRecord', () => {
  it('removes the row and logs the deletion with the actor', async () => {
    await withSetUpDb(async (db, { actor, user }) => {
      const keep = await createRecord(db, actor, 'programmes', { kind: 'badge', title: 'Keep' });
      const gone = await createRecord(db, actor, 'programmes', { kind: 'other', title: 'Gone' });
      await deleteRecord(db, actor, 'programmes', gone.id, 'mistake');
      expect(await db.programmes.toArray()).toEqual([keep]);
      const log = await db.auditLog.where('action').equals('delete').toArray();
      expect(log).toEqual([expect.objectContaining({ table: 'programmes', recordId: gone.id, userId: user.id, userName: user.name, summary: 'mistake' })]);
    });
  });
});
