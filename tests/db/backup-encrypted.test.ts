import 'fake-indexeddb/auto';
import { gunzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { argon2idHere, setArgon2idRunner } from '@shared/auth/kdf';
import { BACKUP_FORMAT, BackupError, encodeBackup, type Snapshot } from '@shared/backup/format';
import { isSealedBackup, readSealedHeader, unlockSealedBackup } from '@shared/backup/sealed';
import { fromUtf8, utf8 } from '@shared/crypto/bytes';
import { backupBytes, restoreBackup, takeSnapshot } from '../../src/renderer/src/db/backup';
import { getDataKey } from '../../src/renderer/src/db/dataKey';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import { createRecord } from '../../src/renderer/src/db/records';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { lockDatabase, signIn } from '../../src/renderer/src/db/signIn';
import { addUser } from '../../src/renderer/src/db/users';
import type { User } from '@shared/model';
import type { Actor } from '../../src/renderer/src/db/actor';
import fixtureV1 from '../fixtures/db-v1.json';
import { oldPlainBackup, restoreAsNewComputer } from '../fixtures/backups';
import { withDb, withLockedDb } from '../fixtures/testDb';

const SANJA = 'Zelena livada uz Dravu 2026';
const IVA = 'brod kiša Mura tiho';
const PLANTED = {
  firstName: 'Jasminka',
  lastName: 'Zlatarević',
  phone: '+385 91 765 4321',
  email: 'jasminka.zlatarevic@example.hr',
  notes: 'Sklonište u Ulici lipa 7',
};

async function office(db: MrezaDb, orgName = 'Udruga Korak'): Promise<{ sanja: User; iva: User; actor: Actor; recoveryKey: string }> {
  const { user: sanja, recoveryKey } = await setUpOrganisation(
    db,
    { name: orgName, country: 'HR', town: 'Čakovec', role: 'partner', language: 'hr', userName: 'Sanja Horvat' },
    { passphrase: SANJA },
  );
  const actor = { userId: sanja.id, userName: sanja.name, role: sanja.role };
  const iva = await addUser(db, actor, { name: 'Iva Kovač', role: 'mentor', passphrase: IVA });
  await createRecord(db, actor, 'people', { kind: 'beneficiary', gender: 'woman', country: 'HR', ...PLANTED });
  return { sanja, iva, actor, recoveryKey: recoveryKey! };
}

function fail(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('encrypted backups', { timeout: 240_000 }, () => {
  it('a backup file holds nothing readable: no name, phone, e-mail or note, and no gzip JSON', async () => {
    await withDb(async (db) => {
      await office(db);
      const bytes = await backupBytes(db);
      expect(isSealedBackup(bytes)).toBe(true);
      const file = Buffer.from(bytes);
      // The same search finds every value in the snapshot the file encrypts (so it would find a leak).
      const plain = Buffer.from(JSON.stringify(await takeSnapshot(db)));
      for (const value of [...Object.values(PLANTED), 'Iva Kovač']) {
        expect(plain.includes(Buffer.from(value)), value).toBe(true);
        expect(file.includes(Buffer.from(value)), value).toBe(false);
      }
      expect(() => gunzipSync(bytes)).toThrow();
      // What the header does show: the format, the dates and the keyring copy.
      const { header } = readSealedHeader(bytes);
      expect(header).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 2, cipher: { name: 'AES-256-GCM' } });
    });
  });

  it('nobody signed in: no backup is written', async () => {
    await withDb(async (db) => {
      await office(db);
      lockDatabase(db);
      const e = await fail(backupBytes(db));
      expect(e).toBeInstanceOf(BackupError);
      expect((e as BackupError).code).toBe('locked');
    });
  });

  it('moving to a new computer: a coordinator’s passphrase or the recovery key opens it, a mentor’s does not; then everyone signs in as before', async () => {
    let bytes: Uint8Array = new Uint8Array();
    let people: number;
    let ctx!: Awaited<ReturnType<typeof office>>;
    let dataKey: Uint8Array | undefined;
    await withDb(async (db) => {
      ctx = await office(db);
      dataKey = getDataKey(db);
      people = await db.people.count();
      bytes = await backupBytes(db);
    });
    // The header carries only the coordinators' wraps.
    expect(Object.keys(readSealedHeader(bytes).header.keyring.users)).toEqual([ctx.sanja.id]);
    expect(await unlockSealedBackup(bytes, { passphrase: IVA })).toBeNull();
    expect(await unlockSealedBackup(bytes, { passphrase: 'Zelena livada uz Dravu 2025' })).toBeNull();
    expect(await unlockSealedBackup(bytes, { recoveryKey: ctx.recoveryKey })).toEqual(dataKey);

    await withLockedDb(async (fresh) => {
      // Without a key a fresh computer cannot read it, and nothing is written.
      expect(((await fail(restoreAsNewComputer(fresh, bytes, 'usb.json.gz'))) as BackupError).code).toBe('needsKey');
      expect(await fresh.people.count()).toBe(0);
      const key = (await unlockSealedBackup(bytes, { passphrase: SANJA }))!;
      await restoreAsNewComputer(fresh, bytes, 'usb.json.gz', key);
      expect(await fresh.people.count()).toBe(people);
      // Restored, nobody is signed in yet: the lock screen asks.
      expect(getDataKey(fresh)).toBeUndefined();
      expect(await signIn(fresh, ctx.iva.id, IVA)).toMatchObject({ ok: true });
      expect(getDataKey(fresh)).toEqual(dataKey);
      lockDatabase(fresh);
      expect(await signIn(fresh, ctx.sanja.id, SANJA)).toMatchObject({ ok: true });
    });
  });

  it('a backup of another keyring, restored where someone is signed in, needs its key, then brings its keyring', async () => {
    let other: Uint8Array = new Uint8Array();
    let otherCtx!: Awaited<ReturnType<typeof office>>;
    await withDb(async (db) => {
      otherCtx = await office(db, 'Udruga Druga');
      other = await backupBytes(db);
    });
    await withDb(async (db) => {
      const here = await office(db);
      const ownKey = getDataKey(db)!;
      // Its own backups open with the key it holds.
      const own = await backupBytes(db);
      await restoreBackup(db, here.actor, own, 'own.json.gz');
      expect(getDataKey(db)).toEqual(ownKey);

      expect(((await fail(restoreBackup(db, here.actor, other, 'other.json.gz'))) as BackupError).code).toBe('needsKey');
      const key = (await unlockSealedBackup(other, { recoveryKey: otherCtx.recoveryKey }))!;
      await restoreBackup(db, here.actor, other, 'other.json.gz', key);
      expect(getDataKey(db)).toEqual(key);
      lockDatabase(db);
      expect(await signIn(db, otherCtx.sanja.id, SANJA)).toMatchObject({ ok: true });
      expect(getDataKey(db)).toEqual(key);
    });
  });

  it('a header asking for other Argon2id parameters is refused before any key is derived', async () => {
    await withDb(async (db) => {
      await office(db);
      const bytes = await backupBytes(db);
      const { header, headerBytes } = readSealedHeader(bytes);
      const wrap = Object.values(header.keyring.users)[0]!;
      const costly = {
        ...header,
        keyring: { ...header.keyring, users: { x: { ...wrap, kdf: { ...wrap.kdf, memoryKiB: 4 * 1024 * 1024, iterations: 100 } } } },
      };
      const newHeader = utf8(JSON.stringify(costly));
      const rest = bytes.subarray(12 + 4 + headerBytes.length);
      const len = new Uint8Array(4);
      new DataView(len.buffer).setUint32(0, newHeader.length);
      const forged = new Uint8Array([...bytes.subarray(0, 12), ...len, ...newHeader, ...rest]);
      let calls = 0;
      setArgon2idRunner(async (...a) => {
        calls++;
        return argon2idHere(...a);
      });
      try {
        const started = performance.now();
        const e = await fail(unlockSealedBackup(forged, { passphrase: SANJA }));
        expect((e as BackupError).code).toBe('kdfNotAllowed');
        expect(performance.now() - started).toBeLessThan(250);
        expect(calls).toBe(0);
      } finally {
        setArgon2idRunner(argon2idHere);
      }
    });
  });

  it('a changed header or ciphertext is refused and nothing is written', async () => {
    await withDb(async (db) => {
      const { actor } = await office(db);
      const bytes = await backupBytes(db);
      const before = await db.people.count();
      const headerLength = new DataView(bytes.buffer, bytes.byteOffset + 12, 4).getUint32(0);
      // A date changed in the header (authenticated as additional data), a flipped ciphertext byte, a cut file.
      const header = fromUtf8(bytes.subarray(16, 16 + headerLength)).replace(/"createdAt":"(\d{4})/, (_m, y: string) => `"createdAt":"${Number(y) - 1}`);
      const redated = new Uint8Array([...bytes.subarray(0, 16), ...utf8(header), ...bytes.subarray(16 + headerLength)]);
      const flipped = bytes.slice();
      flipped[flipped.length - 40]! ^= 1;
      for (const [bad, code] of [
        [redated, 'needsKey'],
        [flipped, 'needsKey'],
        [bytes.slice(0, 40), 'notBackup'],
      ] as const) {
        const e = await fail(restoreBackup(db, actor, bad, 'bad.json.gz'));
        expect((e as BackupError).code).toBe(code);
        const key = getDataKey(db)!;
        if (code === 'needsKey') expect(((await fail(restoreBackup(db, actor, bad, 'bad.json.gz', key))) as BackupError).code).toBe('wrongKey');
      }
      expect(await db.people.count()).toBe(before);
    });
  });

  it('an old plain backup still restores: on a new computer as it was, where a keyring exists keeping it', async () => {
    const file = oldPlainBackup(1, '2025-12-01T18:00:00.000Z');
    const plain = encodeBackup(file);
    expect(JSON.parse(strFromU8(gunzipSync(plain))).formatVersion).toBe(1);
    await withDb(async (fresh) => {
      await restoreAsNewComputer(fresh, plain, 'old.json.gz');
      expect(await fresh.people.count()).toBe(fixtureV1.tables.people.length);
      expect(await fresh.table('settings').get('keyring')).toBeUndefined();
    });
    await withDb(async (db) => {
      const { sanja, actor } = await office(db);
      const key = getDataKey(db);
      const keyring = await db.table('settings').get('keyring');
      // The old file's users, plus Sanja as the old file knew her (an old PBKDF2 hash).
      const withSanja = {
        ...file,
        tables: {
          ...file.tables,
          users: [
            ...(file.tables.users as object[]),
            { ...(await takeSnapshot(db)).tables.users.find((u) => (u as User).id === sanja.id)!, keyWrap: undefined, passHash: 'AAAA', passSalt: 'AAAA' },
          ],
        },
      };
      await restoreBackup(db, actor, encodeBackup(withSanja as Snapshot), 'old.json.gz');
      expect(getDataKey(db)).toEqual(key);
      expect(await db.table('settings').get('keyring')).toEqual(keyring);
      const restoredSanja = (await db.users.get(sanja.id))!;
      expect(restoredSanja.keyWrap).toBeDefined();
      expect(restoredSanja.passHash).toBeUndefined();
      for (const u of await db.users.toArray()) expect(u.passHash, u.name).toBeUndefined();
      lockDatabase(db);
      expect(await signIn(db, sanja.id, SANJA)).toMatchObject({ ok: true });
    });
  });
});
