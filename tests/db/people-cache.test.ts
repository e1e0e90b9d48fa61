import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { atRestState } from '../../src/renderer/src/db/atRest';
import { dropDataKey, getDataKey, setDataKey } from '../../src/renderer/src/db/dataKey';
import { createPerson, erasePerson, findDuplicates, mergePeople, municipalities, peopleForList, updatePerson } from '../../src/renderer/src/db/people';
import { searchEverything, searchPeople } from '../../src/renderer/src/db/search';
import { withSetUpDb } from '../fixtures/testDb';

const woman = (firstName: string, lastName: string, municipality?: string) => ({
  kind: 'beneficiary' as const,
  firstName,
  lastName,
  gender: 'woman' as const,
  targetGroups: [],
  ...(municipality ? { municipality } : {}),
});

/**
 * Schema v7 dropped the identifying indexes; search, duplicate checks and the municipality list
 * read the decrypted people cache, which must follow every write and go with the key.
 */
describe('the decrypted people cache', () => {
  it('follows creates, edits, erasures and merges', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ana = await createPerson(db, actor, woman('Ana', 'Kovačević', 'Čakovec'));
      const iva = await createPerson(db, actor, woman('Iva', 'Novak', 'Prelog'));
      expect((await searchPeople(db, actor, 'kovac')).map((p) => p.id)).toEqual([ana.id]);
      expect(await municipalities(db)).toEqual(['Čakovec', 'Prelog']); // in the abeceda: Č before P
      await updatePerson(db, actor, ana.id, woman('Ana', 'Horvat', 'Varaždin'));
      expect(await searchPeople(db, actor, 'kovac')).toEqual([]);
      expect((await searchEverything(db, actor, 'horvat')).map((h) => h.id)).toEqual([ana.id]);
      expect((await findDuplicates(db, { firstName: 'ana', lastName: 'HORVAT' })).map((p) => p.id)).toEqual([ana.id]);
      expect(await municipalities(db)).toEqual(['Prelog', 'Varaždin']);
      const twin = await createPerson(db, actor, woman('Iva', 'Novak'));
      await mergePeople(db, actor, iva.id, twin.id);
      expect((await searchPeople(db, actor, 'novak')).map((p) => p.id)).toEqual([iva.id]);
      await erasePerson(db, actor, iva.id);
      expect(await searchPeople(db, actor, 'novak')).toEqual([]);
      expect(await municipalities(db)).toEqual(['Varaždin']);
    });
  });

  it('a transaction that fails leaves no one in the search who is not stored', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await expect(
        db.transaction('rw', db.people, async () => {
          await db.people.add({
            ...woman('Ghost', 'Duhović'),
            id: crypto.randomUUID(),
            orgId: crypto.randomUUID(),
            createdAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:00.000Z',
            nameKey: 'ghost duhovic',
            anonymised: false,
          });
          throw new Error('fails after the write');
        }),
      ).rejects.toThrow('fails after the write');
      expect(await db.people.count()).toBe(0);
      expect(await searchPeople(db, actor, 'duhov')).toEqual([]);
      await createPerson(db, actor, woman('Ana', 'Duhović'));
      expect((await searchPeople(db, actor, 'duhov')).map((p) => p.firstName)).toEqual(['Ana']);
    });
  });

  it('what a search returns is a copy: changing it changes neither the cache nor the store', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await createPerson(db, actor, woman('Ana', 'Kovačević'));
      const [hit] = await searchPeople(db, actor, 'kovac');
      hit!.lastName = 'Changed';
      hit!.targetGroups.push('roma');
      expect((await searchPeople(db, actor, 'kovac'))[0]).toMatchObject({ lastName: 'Kovačević', targetGroups: [] });
      expect((await db.people.toArray())[0]).toMatchObject({ lastName: 'Kovačević', targetGroups: [] });
    });
  });

  it("the list reads the cache's own rows without decrypting again: read-only, and current after every write", async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ana = await createPerson(db, actor, woman('Ana', 'Kovačević'));
      const [row] = await peopleForList(db, actor);
      expect(() => {
        (row as { lastName: string }).lastName = 'Changed';
      }).toThrow(TypeError);
      await updatePerson(db, actor, ana.id, woman('Ana', 'Horvat'));
      expect((await peopleForList(db, actor)).map((p) => p.lastName)).toEqual(['Horvat']);
      expect((await db.people.get(ana.id))?.lastName).toBe('Horvat');
    });
  });

  it('a search on screen (a live query) shows a person added after it started', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const seen: string[][] = [];
      const sub = liveQuery(() => searchPeople(db, actor, 'novak')).subscribe((rows) => seen.push(rows.map((p) => p.firstName)));
      try {
        await expect.poll(() => seen.length).toBeGreaterThan(0);
        await createPerson(db, actor, woman('Iva', 'Novak'));
        await expect.poll(() => seen.at(-1)).toEqual(['Iva']);
      } finally {
        sub.unsubscribe();
      }
    });
  });

  it('unlocking uses the sealed people read while locked, unless people changed meanwhile', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const ana = await createPerson(db, actor, woman('Ana', 'Kovačević'));
      await createPerson(db, actor, woman('Iva', 'Novak'));
      const key = getDataKey(db)!;
      dropDataKey(db);
      expect(atRestState(db).prefetch).toBeDefined();
      await setDataKey(db, key);
      expect((await searchPeople(db, actor, '')).map((p) => p.lastName).sort()).toEqual(['Kovačević', 'Novak']);
      // Locked, someone's row goes (nothing to seal in a delete): the rows read at the lock are stale.
      dropDataKey(db);
      await db.people.delete(ana.id);
      await setDataKey(db, key);
      expect((await searchPeople(db, actor, '')).map((p) => p.lastName)).toEqual(['Novak']);
      expect(atRestState(db).prefetch).toBeUndefined();
    });
  });

  it('locking empties it; unlocking builds it again', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await createPerson(db, actor, woman('Ana', 'Kovačević'));
      const key = getDataKey(db)!;
      expect(atRestState(db).people.rows.size).toBe(1);
      dropDataKey(db);
      expect(atRestState(db).people.rows.size).toBe(0);
      expect(atRestState(db).cipher).toBeNull();
      await setDataKey(db, key);
      expect(atRestState(db).people).toMatchObject({ complete: true });
      expect(atRestState(db).people.rows.size).toBe(1);
    });
  });
});
