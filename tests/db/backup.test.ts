import 'fake-indexeddb/auto';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, decodeBackup, encodeBackup, type Snapshot } from '@shared/backup/format';
import { unlockSealedBackup } from '@shared/backup/sealed';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '@shared/model';
import { backupBytes, clearAllData, restoreBackup, takeSnapshot } from '../../src/renderer/src/db/backup';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import type { MrezaDb } from '../../src/renderer/src/db/db';
import { SCHEMA_VERSION } from '../../src/renderer/src/db/schema';
import { searchEverything } from '../../src/renderer/src/db/search';
import { createRecord, updateRecord } from '../../src/renderer/src/db/records';
import { addUser } from '../../src/renderer/src/db/users';
import fixtureV1 from '../fixtures/db-v1.json';
import { oldPlainBackup, restoreAsNewComputer } from '../fixtures/backups';
import { allTablesAsJson, COORDINATOR, counts, giveKeyring, TEST_PASSPHRASE, withDb, withSetUpDb } from '../fixtures/testDb';
import type { Actor } from '../../src/renderer/src/db/actor';

type Row = Record<string, unknown>;

/** A populated store: demo data, extra users (one with a passphrase, one disabled) and their audit entries. */
async function populate(db: MrezaDb, actor: Actor): Promise<void> {
  await loadDemoData(db, actor);
  await addUser(db, actor, { name: 'Ivana Novak', role: 'mentor', passphrase: 'tajna lozinka' });
  const viewer = await addUser(db, actor, { name: 'Petra Jurić', role: 'viewer' });
  await db.users.update(viewer.id, { disabled: true });
}

function gz(value: unknown): Uint8Array {
  return gzipSync(strToU8(typeof value === 'string' ? value : JSON.stringify(value)));
}

async function expectBackupError(promise: Promise<unknown>, code: BackupError['code'], params?: Record<string, unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe(code);
  if (params) expect((error as BackupError).params).toMatchObject(params);
}

describe('backup round trip', () => {
  it('snapshot → file → clear → restore gives back every table exactly', async () => {
    await withSetUpDb(async (db, { actor }) => {
      await populate(db, actor);
      const before = await allTablesAsJson(db);
      const snapshot = await takeSnapshot(db);
      expect(snapshot).toMatchObject({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION });
      for (const t of TABLE_NAMES) expect(snapshot.tables[t], t).toHaveLength(before[t].length);
      const bytes = encodeBackup(snapshot);

      await clearAllData(db, actor);
      expect(await db.people.count()).toBe(0);

      const restored = await restoreBackup(db, actor, bytes, 'mreza-backup-20260301T120000000Z-manual.json.gz');
      expect(restored.tables.people).toHaveLength(before.people.length);

      const after = await allTablesAsJson(db);
      for (const t of TABLE_NAMES) {
        if (t === 'auditLog') continue;
        expect(after[t], t).toEqual(before[t]);
      }
      // The log only grows (#15): every entry from before, the clear (a restore does not undo the
      // record of it), and the restore itself.
      const restoreEntries = (after.auditLog as Row[]).filter((e) => e.action === 'restore');
      expect(restoreEntries).toEqual([
        expect.objectContaining({
          table: '*',
          userId: actor.userId,
          userName: actor.userName,
          summary: 'backupRestored',
          detail: 'mreza-backup-20260301T120000000Z-manual.json.gz',
        }),
      ]);
      expect((after.auditLog as Row[]).filter((e) => e.summary === 'allData')).toEqual([
        expect.objectContaining({ action: 'delete', table: '*', userId: actor.userId }),
      ]);
      expect((after.auditLog as Row[]).filter((e) => e.action !== 'restore' && e.summary !== 'allData')).toEqual(before.auditLog);
    });
  });

  it('restores into an empty installation (a new PC) with every row valid', async () => {
    let bytes: Uint8Array = new Uint8Array();
    let before: Record<TableName, unknown[]> | undefined;
    await withSetUpDb(async (db, { actor, user }) => {
      await populate(db, actor);
      await giveKeyring(db, user); // backups are encrypted with the data key: someone is signed in
      before = await allTablesAsJson(db);
      bytes = await backupBytes(db);
    });
    await withDb(async (db) => {
      // The new PC holds no data key: the coordinator's passphrase opens the backup.
      const dataKey = (await unlockSealedBackup(bytes, { passphrase: TEST_PASSPHRASE }))!;
      await restoreAsNewComputer(db, bytes, 'copy.json.gz', dataKey);
      const after = await allTablesAsJson(db);
      for (const t of TABLE_NAMES) {
        if (t !== 'auditLog') expect(after[t], t).toEqual(before![t]);
        for (const row of after[t]) expect(TABLE_SCHEMAS[t].safeParse(row).success, t).toBe(true);
      }
      expect(after.auditLog).toHaveLength(before!.auditLog.length + 1);
    });
  });

  it('a backup from schema v1 (people without nameKey) restores with searchable names', async () => {
    const file = oldPlainBackup(1, '2025-12-01T18:00:00.000Z');
    await withDb(async (db) => {
      await restoreAsNewComputer(db, file, 'old.json.gz');
      const keys = (await db.people.toArray()).map((p) => p.nameKey).sort();
      expect(keys).toEqual(['ana petrovic', 'djurdjica cesar', 'jelena petrovic']);
      expect((await searchEverything(db, COORDINATOR, 'petrovic')).length).toBe(2);
      expect(await db.users.count()).toBe(1);
    });
  });

  it('a backup from before schema v4 restores with municipalities in canonical form, as the v4 upgrade leaves them', async () => {
    const file = oldPlainBackup(3, '2026-01-01T18:00:00.000Z');
    await withDb(async (db) => {
      await restoreAsNewComputer(db, file, 'v3.json.gz');
      expect((await db.people.toArray()).map((p) => p.municipality).sort()).toEqual(['Novi Sad', 'Čakovec', undefined].sort());
    });
  });

  it('rows that rely on schema defaults are stored complete', async () => {
    const person = { ...(fixtureV1.tables.people[0] as Row) };
    delete person.targetGroups;
    delete person.anonymised;
    const file = oldPlainBackup(SCHEMA_VERSION, '2026-01-01T00:00:00.000Z', { people: [person] });
    await withDb(async (db) => {
      await restoreAsNewComputer(db, file, 'partial.json.gz');
      const stored = await db.people.get(person.id as string);
      expect(stored).toMatchObject({ targetGroups: [], anonymised: false, nameKey: 'ana petrovic' });
    });
  });
});

describe('refused restores leave the data exactly as it was', () => {
  async function setUpWithBackup(fn: (db: MrezaDb, actor: Actor, good: Snapshot) => Promise<void>): Promise<void> {
    await withSetUpDb(async (db, { actor }) => {
      await populate(db, actor);
      const good = JSON.parse(JSON.stringify(await takeSnapshot(db))) as Snapshot;
      // Things change after the backup, in early and late tables, so a half-done restore would show.
      await addUser(db, actor, { name: 'Nova Korisnica', role: 'viewer' });
      await createRecord(db, actor, 'programmes', { kind: 'seminarSeries', title: 'Nakon sigurnosne kopije' });
      const someone = (await db.people.toArray())[0]!;
      await updateRecord(db, actor, 'people', someone.id, { municipality: 'Prelog', notes: 'changed after the backup' });
      await fn(db, actor, good);
    });
  }

  async function expectUnchangedAfter(db: MrezaDb, attempt: () => Promise<unknown>, check: (e: unknown) => void): Promise<void> {
    const before = await allTablesAsJson(db);
    const error = await attempt().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    check(error);
    expect(await allTablesAsJson(db)).toEqual(before);
  }

  it.each([
    ['a truncated gzip file', (good: Snapshot) => encodeBackup(good).slice(0, 200), 'notBackup'],
    ['random bytes', () => crypto.getRandomValues(new Uint8Array(4096)), 'notBackup'],
    ['an empty file', () => new Uint8Array(), 'notBackup'],
    ['gzip of text that is not JSON', () => gz('name;surname\nAna;Horvat\n'), 'notBackup'],
    ['gzip of JSON that is not a backup', () => gz({ hello: 'world', tables: [] }), 'notBackup'],
    ['a file of another format', (good: Snapshot) => gz({ ...good, format: 'other-app' }), 'notBackup'],
    ['a newer file format', (good: Snapshot) => gz({ ...good, formatVersion: BACKUP_FORMAT_VERSION + 1 }), 'newerFormat'],
    ['a newer schema version', (good: Snapshot) => gz({ ...good, schemaVersion: SCHEMA_VERSION + 1 }), 'newerSchema'],
  ] as const)('%s → BackupError', async (_label, make, code) => {
    await setUpWithBackup(async (db, actor, good) => {
      await expectUnchangedAfter(
        db,
        () => restoreBackup(db, actor, make(good), 'bad.json.gz'),
        (e) => {
          expect(e).toBeInstanceOf(BackupError);
          expect((e as BackupError).code).toBe(code);
        },
      );
    });
  });

  it('says which version a newer schema file needs', async () => {
    await setUpWithBackup(async (db, actor, good) => {
      await expectBackupError(restoreBackup(db, actor, gz({ ...good, schemaVersion: SCHEMA_VERSION + 3 }), 'x'), 'newerSchema', {
        found: SCHEMA_VERSION + 3,
        supported: SCHEMA_VERSION,
      });
    });
  });

  it('a row that violates its schema → invalidRow naming table, row and field', async () => {
    await setUpWithBackup(async (db, actor, good) => {
      const people = good.tables.people as Row[];
      people[4] = { ...people[4], email: 'not an e-mail' };
      await expectUnchangedAfter(
        db,
        () => restoreBackup(db, actor, encodeBackup(good), 'bad.json.gz'),
        (e) => {
          expect(e).toBeInstanceOf(BackupError);
          expect((e as BackupError).code).toBe('invalidRow');
          expect((e as BackupError).params).toEqual({ table: 'people', row: 5, field: 'email' });
        },
      );
    });
  });

  it('a bad row in the last table is refused before anything is written', async () => {
    await setUpWithBackup(async (db, actor, good) => {
      good.tables.settings = [{ key: 'app', language: 'de' }];
      await expectUnchangedAfter(
        db,
        () => restoreBackup(db, actor, encodeBackup(good), 'bad.json.gz'),
        (e) => expect((e as BackupError).code).toBe('invalidRow'),
      );
    });
  });

  it('a failure inside the restore transaction (duplicate primary key) rolls everything back', async () => {
    await setUpWithBackup(async (db, actor, good) => {
      // Valid for zod row by row, but the store refuses the second row with the same id.
      const sessions = good.tables.mentoringSessions as Row[];
      sessions.push({ ...sessions[0], note: 'duplicate' });
      const bytes = encodeBackup(good);
      expect(() => decodeBackup(bytes, SCHEMA_VERSION)).not.toThrow();
      const tablesBefore = await counts(db);
      await expectUnchangedAfter(
        db,
        () => restoreBackup(db, actor, bytes, 'dup.json.gz'),
        (e) => expect(e).not.toBeInstanceOf(BackupError),
      );
      expect(await counts(db)).toEqual(tablesBefore);
      // The store is still usable afterwards, and a good file restores.
      sessions.pop();
      await restoreBackup(db, actor, encodeBackup(good), 'good.json.gz');
      expect(await db.users.where('name').equals('Nova Korisnica').count()).toBe(0);
    });
  });
});

describe('clearAllData', () => {
  it('keeps the own organisation, users, settings and the log; removes everything else; logs the clear', async () => {
    await withSetUpDb(async (db, { actor, orgId }) => {
      await populate(db, actor);
      const before = await allTablesAsJson(db);
      await clearAllData(db, actor);
      const after = await allTablesAsJson(db);

      expect(after.organisations).toEqual([expect.objectContaining({ id: orgId, isSelf: true })]);
      expect(after.users).toEqual(before.users);
      expect(after.users).toHaveLength(3);
      expect(after.settings).toEqual(before.settings);
      const kept: TableName[] = ['organisations', 'users', 'settings', 'auditLog'];
      for (const t of TABLE_NAMES) if (!kept.includes(t)) expect(after[t], t).toEqual([]);

      expect(after.auditLog).toHaveLength(before.auditLog.length + 1);
      expect(after.auditLog).toEqual(expect.arrayContaining(before.auditLog));
      expect(after.auditLog).toEqual(
        expect.arrayContaining([expect.objectContaining({ action: 'delete', table: '*', userId: actor.userId, userName: actor.userName })]),
      );
    });
  });
});
