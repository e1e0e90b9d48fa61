import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS } from '@shared/model';
import { addUser, checkPassphrase, listUsers, setPassphrase } from '../../src/renderer/src/db/users';
import { withSetUpDb } from '../fixtures/testDb';

describe('users and passphrases', () => {
  it('addUser stores only a salted hash and logs the creation', async () => {
    await withSetUpDb(async (db, { actor, orgId }) => {
      const u = await addUser(db, actor, { name: 'Ivana Novak', role: 'mentor', passphrase: 'ljubičasta jabuka 7' });
      expect(u).toMatchObject({ name: 'Ivana Novak', role: 'mentor', orgId, disabled: false });
      expect(u.passHash).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(u.passSalt).toMatch(/^[A-Za-z0-9+/]+=*$/);
      const stored = await db.users.get(u.id);
      expect(JSON.stringify(stored)).not.toContain('jabuka');
      expect(TABLE_SCHEMAS.users.safeParse(stored).success).toBe(true);
      expect((await db.auditLog.toArray()).filter((e) => e.recordId === u.id && e.action === 'create' && e.table === 'users')).toHaveLength(1);
      expect((await listUsers(db)).map((x) => x.name)).toEqual(['Ivana Novak', 'Marija Horvat']);
    });
  });

  it('checkPassphrase accepts the right passphrase and refuses a wrong one', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const u = await addUser(db, actor, { name: 'Ivana Novak', role: 'mentor', passphrase: 'ljubičasta jabuka 7' });
      expect(await checkPassphrase(db, u.id, 'ljubičasta jabuka 7')).toEqual(u);
      expect(await checkPassphrase(db, u.id, 'ljubicasta jabuka 7')).toBeNull();
      expect(await checkPassphrase(db, u.id, '')).toBeNull();
      expect(await checkPassphrase(db, crypto.randomUUID(), 'ljubičasta jabuka 7')).toBeNull();
    });
  });

  it('setPassphrase changes it, and an empty one removes it', async () => {
    await withSetUpDb(async (db, { actor }) => {
      const u = await addUser(db, actor, { name: 'Ivana Novak', role: 'viewer', passphrase: 'stara' });
      await setPassphrase(db, actor, u.id, 'nova');
      expect(await checkPassphrase(db, u.id, 'stara')).toBeNull();
      expect(await checkPassphrase(db, u.id, 'nova')).not.toBeNull();

      const cleared = await setPassphrase(db, actor, u.id, '');
      expect(cleared.passHash).toBeUndefined();
      expect(cleared.passSalt).toBeUndefined();
      const stored = await db.users.get(u.id);
      expect(stored?.passHash).toBeUndefined();
      expect(TABLE_SCHEMAS.users.safeParse(stored).success).toBe(true);
      // Without a passphrase the user signs in by choosing their name.
      expect(await checkPassphrase(db, u.id, '')).not.toBeNull();
      const updates = (await db.auditLog.toArray()).filter((e) => e.recordId === u.id && e.action === 'update');
      expect(updates).toHaveLength(2);
      expect(updates.map((e) => e.summary).sort()).toEqual(['passphraseRemoved', 'passphraseSet']);
      expect(updates.every((e) => e.userName === actor.userName)).toBe(true);
    });
  });

  it('a disabled user cannot sign in, with or without a passphrase', async () => {
    await withSetUpDb(async (db, { actor, user }) => {
      const u = await addUser(db, actor, { name: 'Ivana Novak', role: 'mentor', passphrase: 'tajna' });
      await db.users.update(u.id, { disabled: true });
      await db.users.update(user.id, { disabled: true });
      expect(await checkPassphrase(db, u.id, 'tajna')).toBeNull();
      expect(await checkPassphrase(db, user.id, '')).toBeNull();
    });
  });

  it('refuses a user without a name', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await expect(addUser(db, actor, { name: '  ', role: 'viewer' })).rejects.toThrow();
      expect(await db.users.count()).toBe(1);
    });
  });
});
