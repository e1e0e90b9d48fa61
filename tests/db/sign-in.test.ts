import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readMentorPack } from '@shared/mentorPack';
import { unwrapWithRecoveryKey } from '@shared/auth/keyring';
import { THROTTLE } from '@shared/auth/throttle';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { getDataKey } from '../../src/renderer/src/db/dataKey';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { getKeyringSettings, readKeyring } from '../../src/renderer/src/db/keyring';
import { openMentorPack } from '../../src/renderer/src/db/mentorMode';
import { exportMentorPack } from '../../src/renderer/src/db/mentorPacks';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { chooseFirstPassphrase, lockDatabase, PassphrasePolicyError, resetWithRecoveryKey, signIn, signInWait } from '../../src/renderer/src/db/signIn';
import { addUser, changeOwnPassphrase, setPassphrase, setUserDisabled } from '../../src/renderer/src/db/users';
import { newDbName, withDb, withLockedDb } from '../fixtures/testDb';

const SANJA = 'Zelena livada uz Dravu 2026';
const IVA = 'brod kiša Mura tiho';
const SETUP = { name: 'Udruga Korak', country: 'HR', town: 'Čakovec', role: 'partner', language: 'hr', userName: 'Sanja Horvat' } as const;

// Argon2id (64 MiB) runs for real here; a busy machine makes each derivation take seconds.
describe('sign-in: the passphrase opens the data key', { timeout: 180_000 }, () => {
  it('setup with a passphrase makes the keyring, holds the data key and shows a recovery key once', async () => {
    await withLockedDb(async (db) => {
      const { user, recoveryKey } = await setUpOrganisation(db, SETUP, { passphrase: SANJA });
      const dataKey = getDataKey(db);
      expect(dataKey).toHaveLength(32);
      expect(user.keyWrap).toBeDefined();
      expect(user.passHash).toBeUndefined();
      const keyring = (await getKeyringSettings(db))!;
      expect(await unwrapWithRecoveryKey(keyring.recovery, recoveryKey!)).toEqual(dataKey);
      // Nothing stored holds the passphrase, the recovery key or the data key.
      const stored = JSON.stringify([await db.users.toArray(), await db.settings.toArray(), await db.auditLog.toArray()]);
      for (const secret of [SANJA, recoveryKey!, recoveryKey!.replace(/-/g, ''), Buffer.from(dataKey!).toString('base64')])
        expect(stored).not.toContain(secret);

      lockDatabase(db);
      expect(getDataKey(db)).toBeUndefined();
      expect(await signIn(db, user.id, 'Zelena livada uz Dravu 2025')).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(getDataKey(db)).toBeUndefined();
      expect(await signIn(db, user.id, SANJA)).toMatchObject({ ok: true, user: { id: user.id } });
      expect(getDataKey(db)).toEqual(dataKey);
    });
  });

  it('setup refuses a weak passphrase and writes nothing', async () => {
    await withLockedDb(async (db) => {
      await expect(setUpOrganisation(db, SETUP, { passphrase: 'password1234' })).rejects.toBeInstanceOf(PassphrasePolicyError);
      await expect(setUpOrganisation(db, SETUP, { passphrase: 'Sanja Horvat 2026' })).rejects.toBeInstanceOf(PassphrasePolicyError);
      expect(await db.organisations.count()).toBe(0);
      expect(await db.users.count()).toBe(0);
      expect(getDataKey(db)).toBeUndefined();
    });
  });

  it('failed attempts are throttled per user, and a restart does not reset the count', async () => {
    const name = newDbName();
    let db: MrezaDb = createDb(name);
    try {
      await db.open();
      const { user } = await setUpOrganisation(db, SETUP, { passphrase: SANJA });
      lockDatabase(db);
      let now = 1_800_000_000_000;
      for (let i = 1; i < THROTTLE.freeFailures; i++)
        expect(await signIn(db, user.id, `wrong ${i}`, now)).toEqual({ ok: false, reason: 'wrongPassphrase', waitMs: 0 });
      expect(await signIn(db, user.id, 'wrong 5', now)).toEqual({ ok: false, reason: 'wrongPassphrase', waitMs: 30_000 });
      // The app is closed and opened again: still waiting.
      db.close();
      db = createDb(name);
      await db.open();
      now += 10_000;
      expect(await signInWait(db, user.id, now)).toBe(20_000);
      // Even the right passphrase waits (nothing is derived meanwhile).
      expect(await signIn(db, user.id, SANJA, now)).toEqual({ ok: false, reason: 'throttled', waitMs: 20_000 });
      expect(getDataKey(db)).toBeUndefined();
      now += 20_000;
      expect(await signIn(db, user.id, 'wrong 6', now)).toEqual({ ok: false, reason: 'wrongPassphrase', waitMs: 60_000 });
      now += 60_000;
      expect(await signIn(db, user.id, SANJA, now)).toMatchObject({ ok: true });
      expect(await signInWait(db, user.id, now)).toBe(0);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it('users: a coordinator adds one with a passphrase (policy), she opens the same data key; changing rewraps; disabling removes her wrap', async () => {
    await withLockedDb(async (db) => {
      const { user: sanja } = await setUpOrganisation(db, SETUP, { passphrase: SANJA });
      const actor = { userId: sanja.id, userName: sanja.name, role: sanja.role };
      const dataKey = getDataKey(db)!;
      await expect(addUser(db, actor, { name: 'Iva Kovač', role: 'mentor' })).rejects.toThrow(/passphrase/);
      await expect(addUser(db, actor, { name: 'Iva Kovač', role: 'mentor', passphrase: 'tajna' })).rejects.toBeInstanceOf(PassphrasePolicyError);
      const iva = await addUser(db, actor, { name: 'Iva Kovač', role: 'mentor', passphrase: IVA });
      expect(iva.passHash).toBeUndefined();
      expect(Object.keys((await readKeyring(db))!.users).sort()).toEqual([sanja.id, iva.id].sort());

      lockDatabase(db);
      expect(await signIn(db, iva.id, IVA)).toMatchObject({ ok: true });
      expect(getDataKey(db)).toEqual(dataKey);

      // Her own change needs the current passphrase.
      const ivaActor = { userId: iva.id, userName: iva.name, role: iva.role };
      expect(await changeOwnPassphrase(db, ivaActor, 'not mine at all', 'Drava teče tiho 1991')).toBe(false);
      expect(await changeOwnPassphrase(db, ivaActor, IVA, 'Drava teče tiho 1991')).toBe(true);
      lockDatabase(db);
      expect(await signIn(db, iva.id, IVA)).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(await signIn(db, iva.id, 'Drava teče tiho 1991')).toMatchObject({ ok: true });

      // A coordinator resets it; it cannot be removed.
      await signIn(db, sanja.id, SANJA);
      await expect(setPassphrase(db, actor, iva.id, '')).rejects.toThrow();
      await setPassphrase(db, actor, iva.id, 'novi početak u Čakovcu');
      await setUserDisabled(db, actor, iva.id, true);
      expect((await db.users.get(iva.id))!.keyWrap).toBeUndefined();
      lockDatabase(db);
      expect(await signIn(db, iva.id, 'novi početak u Čakovcu')).toEqual({ ok: false, reason: 'unknownUser' });
      await signIn(db, sanja.id, SANJA);
      await setUserDisabled(db, actor, iva.id, false);
      lockDatabase(db);
      // Enabled again, she has no wrap until a coordinator gives her a passphrase.
      expect(await signIn(db, iva.id, 'novi početak u Čakovcu')).toEqual({ ok: false, reason: 'askCoordinator' });
      // The audit log is read signed in (its summaries are sealed at rest).
      await signIn(db, sanja.id, SANJA);
      const summaries = (await db.auditLog.toArray()).filter((e) => e.recordId === iva.id).map((e) => e.summary);
      expect(summaries).toEqual(expect.arrayContaining(['passphraseChanged', 'passphraseSet', 'userDisabled', 'userEnabled']));
    });
  });

  it('forgot passphrase: the recovery key sets a new one for any user, is throttled, and is audited', async () => {
    await withLockedDb(async (db) => {
      const { user: sanja, recoveryKey } = await setUpOrganisation(db, SETUP, { passphrase: SANJA });
      const iva = await addUser(db, { userId: sanja.id, userName: sanja.name, role: sanja.role }, { name: 'Iva Kovač', role: 'viewer', passphrase: IVA });
      const dataKey = getDataKey(db)!;
      lockDatabase(db);
      const other = '7K3M-QX2D-AAAA-BBBB-CCCC-DDDD-EEEE';
      expect(await resetWithRecoveryKey(db, { recoveryKey: other, userId: sanja.id, newPassphrase: 'Mura i Drava 2027' })).toMatchObject({
        ok: false,
        reason: 'wrongPassphrase',
      });
      await expect(resetWithRecoveryKey(db, { recoveryKey: recoveryKey!, userId: sanja.id, newPassphrase: 'sanja' })).rejects.toBeInstanceOf(
        PassphrasePolicyError,
      );
      expect(await resetWithRecoveryKey(db, { recoveryKey: recoveryKey!.toLowerCase(), userId: sanja.id, newPassphrase: 'Mura i Drava 2027' })).toMatchObject({
        ok: true,
        user: { id: sanja.id },
      });
      expect(getDataKey(db)).toEqual(dataKey);
      lockDatabase(db);
      expect(await signIn(db, sanja.id, SANJA)).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(await signIn(db, sanja.id, 'Mura i Drava 2027')).toMatchObject({ ok: true });
      // Iva's passphrase is untouched.
      lockDatabase(db);
      expect(await signIn(db, iva.id, IVA)).toMatchObject({ ok: true });
      const entry = (await db.auditLog.toArray()).find((e) => e.summary === 'passphraseResetWithRecoveryKey');
      expect(entry).toMatchObject({ action: 'update', table: 'users', recordId: sanja.id, userId: sanja.id });

      // Guessing recovery keys is throttled like passphrases.
      lockDatabase(db);
      const now = 1_900_000_000_000;
      for (let i = 0; i < THROTTLE.freeFailures; i++)
        await resetWithRecoveryKey(db, { recoveryKey: other, userId: iva.id, newPassphrase: 'Mura i Drava 2028' }, now);
      expect(await resetWithRecoveryKey(db, { recoveryKey: recoveryKey!, userId: iva.id, newPassphrase: 'Mura i Drava 2028' }, now + 1000)).toEqual({
        ok: false,
        reason: 'throttled',
        waitMs: 29_000,
      });
    });
  });

  it('an installation from before: a coordinator signs in once with her PBKDF2 passphrase and is upgraded; others then need a coordinator', async () => {
    // An older installation (set up and used before sign-in held the key; here the key is held so that its writes can be made).
    await withDb(async (db) => {
      const { user: sanja } = await setUpOrganisation(db, SETUP);
      const actor = { userId: sanja.id, userName: sanja.name, role: sanja.role };
      // As the old app stored them: PBKDF2 hashes, or no passphrase at all.
      await setPassphrase(db, actor, sanja.id, SANJA);
      const iva = await addUser(db, actor, { name: 'Iva Kovač', role: 'mentor', passphrase: 'tajna' });
      const petra = await addUser(db, actor, { name: 'Petra Jurić', role: 'viewer' });
      expect((await db.users.get(sanja.id))!.passHash).toBeDefined();

      // Before any coordinator has signed in, nobody else can make the keyring (and its recovery key).
      expect(await signIn(db, iva.id, 'tajna')).toEqual({ ok: false, reason: 'coordinatorFirst' });
      expect(await signIn(db, petra.id, '')).toEqual({ ok: false, reason: 'coordinatorFirst' });
      expect(await signIn(db, sanja.id, 'wrong')).toMatchObject({ ok: false, reason: 'wrongPassphrase' });

      const first = await signIn(db, sanja.id, SANJA);
      expect(first).toMatchObject({ ok: true, recoveryKey: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/) });
      const upgraded = (await db.users.get(sanja.id))!;
      expect(upgraded.keyWrap).toBeDefined();
      expect(upgraded.passHash).toBeUndefined();
      expect(getDataKey(db)).toHaveLength(32);
      lockDatabase(db);
      expect(await signIn(db, sanja.id, SANJA)).toMatchObject({ ok: true });
      expect((await signIn(db, sanja.id, SANJA)) as { recoveryKey?: string }).not.toHaveProperty('recoveryKey');

      // Iva's old passphrase is right, but it cannot open the data key: a coordinator sets a new one.
      lockDatabase(db);
      expect(await signIn(db, iva.id, 'tajna')).toEqual({ ok: false, reason: 'askCoordinator' });
      expect(await signIn(db, iva.id, 'wrong')).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(await signIn(db, petra.id, '')).toEqual({ ok: false, reason: 'askCoordinator' });
      expect(await chooseFirstPassphrase(db, petra.id, { newPassphrase: 'Petra bira lozinku 7' })).toEqual({ ok: false, reason: 'askCoordinator' });
      expect(getDataKey(db)).toBeUndefined();
    });
  });

  it('an installation from before whose coordinator had no passphrase, or a weak one, chooses one at her next sign-in', async () => {
    await withLockedDb(async (db) => {
      const { user: sanja } = await setUpOrganisation(db, SETUP);
      expect(await signIn(db, sanja.id, '')).toEqual({ ok: false, reason: 'choosePassphrase' });
      expect(getDataKey(db)).toBeUndefined();
      await expect(chooseFirstPassphrase(db, sanja.id, { newPassphrase: 'sanja123' })).rejects.toBeInstanceOf(PassphrasePolicyError);
      const chosen = await chooseFirstPassphrase(db, sanja.id, { newPassphrase: SANJA });
      expect(chosen).toMatchObject({ ok: true, recoveryKey: expect.any(String) });
      expect((await db.auditLog.toArray()).some((e) => e.summary === 'keyringCreated' && e.recordId === sanja.id)).toBe(true);
    });
    // An older installation with a (weak) passphrase set by a signed-in coordinator: the key held.
    await withDb(async (db) => {
      const { user: sanja } = await setUpOrganisation(db, SETUP);
      await setPassphrase(db, { userId: sanja.id, userName: sanja.name, role: sanja.role }, sanja.id, 'tajna');
      expect(await signIn(db, sanja.id, 'tajna')).toEqual({ ok: false, reason: 'choosePassphrase' });
      expect(await chooseFirstPassphrase(db, sanja.id, { oldPassphrase: 'guess', newPassphrase: SANJA })).toMatchObject({
        ok: false,
        reason: 'wrongPassphrase',
      });
      expect(await chooseFirstPassphrase(db, sanja.id, { newPassphrase: SANJA })).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(await chooseFirstPassphrase(db, sanja.id, { oldPassphrase: 'tajna', newPassphrase: SANJA })).toMatchObject({ ok: true });
      lockDatabase(db);
      expect(await signIn(db, sanja.id, 'tajna')).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
      expect(await signIn(db, sanja.id, SANJA)).toMatchObject({ ok: true });
    });
  });

  it('a mentor pack opened on a fresh computer makes the mentor with the passphrase she chose there', async () => {
    await withDb(async (coord) => {
      const { org, user } = await setUpOrganisation(coord, SETUP);
      const actor = { userId: user.id, userName: user.name, role: user.role };
      await loadDemoData(coord, actor);
      const mentorId = (await coord.matches.where('status').equals('active').first())!.mentorId;
      const pack = await exportMentorPack(coord, actor, org, mentorId, 'plavi-bicikl-2026', { iterations: 100_000 });
      const opened = await readMentorPack(pack.bytes, 'plavi-bicikl-2026');
      await withLockedDb(async (laptop) => {
        await expect(openMentorPack(laptop, opened, 'hr', pack.fileName, { passphrase: 'mentor' })).rejects.toBeInstanceOf(PassphrasePolicyError);
        expect(await laptop.people.count()).toBe(0);
        const { user: mentor, recoveryKey } = await openMentorPack(laptop, opened, 'hr', pack.fileName, { passphrase: IVA });
        expect(recoveryKey).toBeDefined();
        expect(mentor).toMatchObject({ role: 'mentor', mentorId });
        const dataKey = getDataKey(laptop);
        expect(dataKey).toHaveLength(32);
        lockDatabase(laptop);
        expect(await signIn(laptop, mentor.id, 'plavi-bicikl-2026')).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
        expect(await signIn(laptop, mentor.id, IVA)).toMatchObject({ ok: true });
        expect(getDataKey(laptop)).toEqual(dataKey);
      });
    });
  });
});
