import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS } from '@shared/model';
import { addUser, listUsers, setPassphrase, setUserDisabled } from '../../src/renderer/src/db/users';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { lockDatabase, signIn } from '../../src/renderer/src/db/signIn';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import type { User } from '@shared/model';
import type { Actor } from '../../src/renderer/src/db/actor';
import { withDb, withSetUpDb } from '../fixtures/testDb';

/** A database set up as the setup screen does it: the coordinator has a passphrase, and the keyring exists. */
function withSignedInDb<T>(fn: (db: MrezaDb, ctx: { user: User; actor: Actor }) => Promise<T>): Promise<T> {
  return withDb(async (db) => {
    const { user } = await setUpOrganisation(
      db,
      { name: 'Udruga Mreža', country: 'HR', town: 'Čakovec', role: 'lead', language: 'hr', userName: 'Marija Horvat' },
      { passphrase: 'Zelena livada uz Dravu 2026' },
    );
    return fn(db, { user, actor: { userId: user.id, userName: user.name, role: user.role } });
  });
}

describe('users and passphrases', { timeout: 120_000 }, () => {
  it('addUser in an installation from before the keyring stores only a salted hash and logs the creation', async () => {
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

  it('signIn accepts the right passphrase and refuses a wrong one', async () => {
    await withSignedInDb(async (db, { actor }) => {
      const u = await addUser(db, actor, { name: 'Ivana Novak', role: 'mentor', passphrase: 'ljubičasta jabuka 7' });
      expect(u.keyWrap).toBeDefined();
      expect(JSON.stringify(await db.users.get(u.id))).not.toContain('jabuka');
      expect(TABLE_SCHEMAS.users.safeParse(await db.users.get(u.id)).success).toBe(true);
      lockDatabase(db);
      expect(await signIn(db, u.id, 'ljubičasta jabuka 7')).toMatchObject({ ok: true, user: { id: u.id } });
      expect(await signIn(db, u.id, 'ljubicasta jabuka 7')).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(await signIn(db, u.id, '')).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(await signIn(db, crypto.randomUUID(), 'ljubičasta jabuka 7')).toEqual({ ok: false, reason: 'unknownUser' });
    });
  });

  it('setPassphrase changes it; an empty one is refused (nobody signs in without a passphrase)', async () => {
    await withSignedInDb(async (db, { actor }) => {
      const u = await addUser(db, actor, { name: 'Ivana Novak', role: 'viewer', passphrase: 'stara lozinka iz Varaždina' });
      await setPassphrase(db, actor, u.id, 'nova lozinka iz Osijeka');
      await expect(setPassphrase(db, actor, u.id, '')).rejects.toThrow();
      const stored = await db.users.get(u.id);
      expect(stored?.keyWrap).toBeDefined();
      expect(TABLE_SCHEMAS.users.safeParse(stored).success).toBe(true);
      lockDatabase(db);
      expect(await signIn(db, u.id, 'stara lozinka iz Varaždina')).toMatchObject({ ok: false });
      expect(await signIn(db, u.id, 'nova lozinka iz Osijeka')).toMatchObject({ ok: true });
      const updates = (await db.auditLog.toArray()).filter((e) => e.recordId === u.id && e.action === 'update');
      expect(updates.map((e) => e.summary)).toEqual(['passphraseSet']);
      expect(updates.every((e) => e.userName === actor.userName)).toBe(true);
    });
  });

  it('a disabled user cannot sign in', async () => {
    await withSignedInDb(async (db, { actor, user }) => {
      const u = await addUser(db, actor, { name: 'Ivana Novak', role: 'mentor', passphrase: 'ljubičasta jabuka 7' });
      await setUserDisabled(db, actor, u.id, true);
      lockDatabase(db);
      expect(await signIn(db, u.id, 'ljubičasta jabuka 7')).toEqual({ ok: false, reason: 'unknownUser' });
      await db.users.update(user.id, { disabled: true });
      expect(await signIn(db, user.id, 'Zelena livada uz Dravu 2026')).toEqual({ ok: false, reason: 'unknownUser' });
    });
  });

  it('refuses a user without a name', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await expect(addUser(db, actor, { name: '  ', role: 'viewer' })).rejects.toThrow();
      expect(await db.users.count()).toBe(1);
    });
  });
});
