import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupError } from '@shared/backup/format';
import { readSealedHeader, unlockSealedBackup } from '@shared/backup/sealed';
import { utf8 } from '@shared/crypto/bytes';
import { Dexie } from 'dexie';
import { backupBytes } from '../../src/renderer/src/db/backup';
import { createDb } from '../../src/renderer/src/db/db';
import { activeDbName } from '../../src/renderer/src/db/dbName';
import { erasedPersonIds, ledgerOf, recordErasure } from '../../src/renderer/src/db/ledger';
import { ForbiddenError } from '../../src/renderer/src/db/permissions';
import { createRecord } from '../../src/renderer/src/db/records';
import { giveKeyring, withDb, withSetUpDb } from '../fixtures/testDb';

/**
 * Settings → Backups and the setup screen's restore, as plain functions (#14: orchestration in
 * features/backups/actions, the screens render and call them). The platform is a fake: what the
 * user picks in a dialog, and what main was asked to do.
 */
const calls: Array<{ channel: string; request: unknown }> = [];
let picked: { fileName: string; data: Uint8Array } | undefined;
const stored = new Map<string, Uint8Array>();
vi.mock('../../src/renderer/src/platform', () => ({
  platform: {
    invoke: async (channel: string, request: unknown) => {
      calls.push({ channel, request });
      if (channel === 'file:open') return picked ? [picked] : [];
      if (channel === 'backup:read') return stored.get((request as { fileName: string }).fileName);
      if (channel === 'backup:write')
        return { fileName: 'mreza-backup-20261123T090102123Z-before-restore.json.gz', createdAt: '2026-11-23T09:01:02.123Z', size: 10 };
      if (channel === 'backup:list') return [{ fileName: 'a.json.gz', createdAt: '2026-11-23T09:01:02.123Z', size: 10 }];
      if (channel === 'backupFolder:choose') return { status: 'refused', reason: 'appFolder' };
      if (channel === 'backupFolder:get' || channel === 'backupFolder:forget') return { supported: true };
      throw new Error(`unexpected ${channel}`);
    },
    on: () => () => undefined,
  },
  isElectron: true,
}));
const actions = await import('../../src/renderer/src/features/backups/actions');

afterEach(() => {
  calls.length = 0;
  picked = undefined;
  stored.clear();
});

const PERSON = { kind: 'beneficiary', gender: 'woman', country: 'HR', firstName: 'Jasminka', lastName: 'Zlatarević' } as const;

/** A backup of another installation (another keyring), and the recovery key that opens it. */
async function otherComputersBackup(): Promise<{ bytes: Uint8Array; recoveryKey: string; personId: string }> {
  return withSetUpDb(async (db, { user, actor }) => {
    const recoveryKey = await giveKeyring(db, user);
    const person = await createRecord(db, actor, 'people', PERSON);
    return { bytes: await backupBytes(db), recoveryKey, personId: person.id };
  });
}

describe('backup actions', { timeout: 120_000 }, () => {
  it('restore from a file of another keyring: asks for its key and writes nothing; with the key, a safety copy first, then the backup', async () => {
    const other = await otherComputersBackup();
    await withSetUpDb(async (db, { user, actor }) => {
      await giveKeyring(db, user);
      picked = { fileName: 'usb.json.gz', data: other.bytes };
      const file = await actions.pickBackupFile();
      expect(file).toEqual({ fileName: 'usb.json.gz', bytes: other.bytes });

      expect(await actions.restoreBackupFile(db, actor, file!)).toBe('needsKey');
      expect(await db.people.count()).toBe(0);
      expect(calls.filter((c) => c.channel === 'backup:write')).toEqual([]);

      const key = (await unlockSealedBackup(other.bytes, { recoveryKey: other.recoveryKey }))!;
      expect(await actions.restoreBackupFile(db, actor, file!, key)).toBe('restored');
      expect(calls.filter((c) => c.channel === 'backup:write').map((c) => (c.request as { reason: string }).reason)).toEqual(['before-restore']);
      expect((await db.people.toArray()).map((p) => p.lastName)).toEqual([PERSON.lastName]);
    });
  });

  it('a wrong key is an error the screen shows, not another question for a key', async () => {
    const other = await otherComputersBackup();
    await withSetUpDb(async (db, { user, actor }) => {
      await giveKeyring(db, user);
      const e = await actions.restoreBackupFile(db, actor, { fileName: 'usb.json.gz', bytes: other.bytes }, new Uint8Array(32)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BackupError);
      expect(actions.backupProblemOf(e).code).not.toBe('needsKey');
      expect(await db.people.count()).toBe(0);
    });
  });

  it('a stored backup is read from the app’s folder by its name; only a coordinator may restore it', async () => {
    await withSetUpDb(async (db, { user, actor }) => {
      await giveKeyring(db, user);
      await createRecord(db, actor, 'people', PERSON);
      stored.set('mreza-backup-1.json.gz', await backupBytes(db));
      const file = await actions.storedBackup('mreza-backup-1.json.gz');
      const viewer = { ...actor, role: 'viewer' as const };
      const refused = await actions.restoreBackupFile(db, viewer, file).catch((x: unknown) => x);
      expect(refused).toBeInstanceOf(ForbiddenError);
      expect(actions.backupProblemOf(refused)).toEqual({ code: 'forbidden', params: {} });
      expect(await actions.restoreBackupFile(db, actor, file)).toBe('restored');
      expect(await db.people.count()).toBe(1);
    });
  });

  it('new computer: a cancelled dialog is nothing; an encrypted backup asking for other KDF parameters is refused before any key is asked for', async () => {
    expect(await actions.pickBackupForNewComputer()).toBeNull();
    const other = await otherComputersBackup();
    picked = { fileName: 'usb.json.gz', data: other.bytes };
    expect(await actions.pickBackupForNewComputer()).toMatchObject({ fileName: 'usb.json.gz', sealed: true });

    const { header, headerBytes } = readSealedHeader(other.bytes);
    const wrap = Object.values(header.keyring.users)[0]!;
    const costly = utf8(
      JSON.stringify({ ...header, keyring: { ...header.keyring, users: { x: { ...wrap, kdf: { ...wrap.kdf, memoryKiB: 4 * 1024 * 1024 } } } } }),
    );
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, costly.length);
    picked = {
      fileName: 'forged.json.gz',
      data: new Uint8Array([...other.bytes.subarray(0, 12), ...len, ...costly, ...other.bytes.subarray(12 + 4 + headerBytes.length)]),
    };
    const e = await actions.pickBackupForNewComputer().catch((x: unknown) => x);
    expect(actions.backupProblemOf(e)).toEqual({ code: 'kdfNotAllowed', params: {} });
  });

  it('new computer: restores into an empty installation only, in the name of the backup’s coordinator', async () => {
    const other = await otherComputersBackup();
    const key = (await unlockSealedBackup(other.bytes, { recoveryKey: other.recoveryKey }))!;
    await withDb(async (fresh) => {
      await actions.restoreOnNewComputer(fresh, other.bytes, 'usb.json.gz', key);
      expect(await fresh.people.count()).toBe(1);
      await expect(actions.restoreOnNewComputer(fresh, other.bytes, 'usb.json.gz', key)).rejects.toThrow('already set up');
    });
  });

  it('the backup folder: a refused folder comes back with its reason; the list and status come from main', async () => {
    expect(await actions.chooseBackupFolder()).toEqual({ status: 'refused', reason: 'appFolder' });
    expect(await actions.backupFolderStatus()).toEqual({ supported: true });
    expect(await actions.forgetBackupFolder()).toEqual({ supported: true });
    expect((await actions.listBackups()).map((b) => b.fileName)).toEqual(['a.json.gz']);
    expect(calls.map((c) => c.channel)).toEqual(['backupFolder:choose', 'backupFolder:get', 'backupFolder:forget', 'backup:list']);
  });

  it('data that will not open: a backup restores into a new database the app opens from then on; a bad file or a wrong key leaves nothing behind and the old data untouched', async () => {
    const other = await otherComputersBackup();
    const key = (await unlockSealedBackup(other.bytes, { recoveryKey: other.recoveryKey }))!;
    const saved = new Map<string, string>();
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
    const names = async () => (await indexedDB.databases()).map((d) => d.name).sort();
    const before = await names();

    // A file that is no backup, and the right file with a wrong key: errors the screen shows, nothing made or remembered.
    const notBackup = await actions.restoreAfterOpenFailed(utf8('Zapisnik sastanka'), 'zapisnik.json.gz', undefined, storage).catch((e: unknown) => e);
    expect(notBackup).toBeInstanceOf(BackupError);
    const wrongKey = await actions.restoreAfterOpenFailed(other.bytes, 'usb.json.gz', new Uint8Array(32), storage).catch((e: unknown) => e);
    expect(actions.backupProblemOf(wrongKey)).toEqual({ code: 'wrongKey', params: {} });
    expect(await names()).toEqual(before);
    expect(activeDbName(storage)).toBe('mreza');

    // The right key: a new database holds the backup, and the app opens it from the next start on.
    const name = await actions.restoreAfterOpenFailed(other.bytes, 'usb.json.gz', key, storage);
    expect(name).not.toBe('mreza');
    expect(activeDbName(storage)).toBe(name);
    expect(await names()).toEqual([...before, name, `${name}-ledger`].sort());
    const restored = createDb(name);
    try {
      await restored.open();
      expect(await restored.people.count()).toBe(1);
      expect(await restored.users.count()).toBeGreaterThan(0);
    } finally {
      restored.close();
      await Dexie.delete(name);
      await Dexie.delete(`${name}-ledger`);
    }
  });

  it('data that will not open: someone erased there stays erased in the copy restored from an older backup', async () => {
    const other = await otherComputersBackup();
    const key = (await unlockSealedBackup(other.bytes, { recoveryKey: other.recoveryKey }))!;
    const saved = new Map<string, string>();
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
    // The store that will not open kept its erasure ledger (a database of its own) readable.
    const broken = createDb('mreza');
    await recordErasure(broken, { personId: other.personId, kind: 'erased', at: '2026-11-30T10:00:00.000Z', orgId: 'x' });
    ledgerOf(broken).close();
    const name = await actions.restoreAfterOpenFailed(other.bytes, 'usb.json.gz', key, storage);
    const restored = createDb(name);
    try {
      await restored.open();
      expect(await erasedPersonIds(restored)).toEqual(new Set([other.personId]));
      expect(await restored.people.count()).toBe(0);
      expect(await restored.tombstones.where('recordId').equals(other.personId).count()).toBe(1);
    } finally {
      restored.close();
      await Dexie.delete(name);
      await Dexie.delete(`${name}-ledger`);
      await Dexie.delete('mreza-ledger');
    }
  });

  it('anything else thrown is unexpected', () => {
    expect(actions.backupProblemOf(new Error('disk'))).toEqual({ code: 'unexpected', params: {} });
    expect(actions.backupProblemOf(new BackupError('newerSchema', { found: 9, supported: 6 }))).toEqual({
      code: 'newerSchema',
      params: { found: 9, supported: 6 },
    });
  });
});
