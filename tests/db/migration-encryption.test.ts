import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openSealedBackup } from '@shared/backup/sealed';
import { separateLinkageSecret, TABLE_NAMES, type TableName } from '@shared/model';
import { isSealedTable, SEALED_FIELD } from '@shared/model/protectedFields';
import { secretPart } from '@shared/crypto/sealRow';
import { LockedError } from '../../src/renderer/src/db/atRest';
import { takeSnapshot } from '../../src/renderer/src/db/backup';
import { dropDataKey, onBeforeEncrypting, setDataKey } from '../../src/renderer/src/db/dataKey';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { SCHEMA_VERSION } from '../../src/renderer/src/db/schema';
import { storesOf, type DbFixture } from '../fixtures/dbFixtures';
import { allTablesAsJson, newDbName, sealedSafetyCopy, testDataKey } from '../fixtures/testDb';
import { rawStoreText } from './rawStoreScan';

/**
 * #15 item 8: a data store from before encryption at rest (every fixture version, written as that
 * version stored it) is encrypted on the first sign-in after the update: a backup first, nothing
 * lost (every row of every table compared field by field, decrypted), nothing left in plain text.
 */
type Row = Record<string, unknown>;
const FIXTURE_DIR = new URL('../fixtures/', import.meta.url);
const FIXTURES: DbFixture[] = readdirSync(FIXTURE_DIR)
  .filter((f) => /^db-v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, FIXTURE_DIR), 'utf8')) as DbFixture)
  .sort((a, b) => a.schemaVersion - b.schemaVersion);

async function writeFixture(fixture: DbFixture): Promise<string> {
  const name = newDbName();
  const old = new Dexie(name);
  old.version(fixture.schemaVersion).stores(storesOf(fixture));
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) if (rows.length) await old.table(table).bulkAdd(rows);
  });
  old.close();
  return name;
}

/** Every raw row of the model's tables. */
async function rawRows(name: string): Promise<Map<string, Row[]>> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  try {
    const out = new Map<string, Row[]>();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
      for (const s of idb.objectStoreNames) {
        const req = tx.objectStore(s).getAll();
        req.onsuccess = () => out.set(s, req.result as Row[]);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('read failed'));
    });
    return out;
  } finally {
    idb.close();
  }
}

function plainTextOf(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 4 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(plainTextOf);
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) return Object.values(value).flatMap(plainTextOf);
  return [];
}

describe('the first sign-in after the update encrypts an existing store', () => {
  it('there is a fixture for every schema version', () => {
    expect(FIXTURES.map((f) => f.schemaVersion)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  for (const fixture of FIXTURES) {
    it(`db-v${fixture.schemaVersion}: backup first, then every row sealed, every field of every row read back as it was`, async () => {
      const name = await writeFixture(fixture);
      const db = createDb(name);
      try {
        await db.open();
        // Before sign-in: the store was upgraded to v7 but not encrypted; the lock screen reads work.
        expect(db.verno).toBe(SCHEMA_VERSION);
        expect(await db.users.count()).toBe(fixture.tables.users?.length ?? 0);
        const before = await allTablesAsJson(db);
        const backups: Uint8Array[] = [];
        const taken: Array<{ tables: Record<TableName, Row[]> }> = [];
        onBeforeEncrypting(db, async () => {
          taken.push(JSON.parse(JSON.stringify(await takeSnapshot(db))) as { tables: Record<TableName, Row[]> });
          backups.push(await sealedSafetyCopy(db));
        });

        const key = testDataKey();
        await setDataKey(db, key);

        // The backup was taken first and holds every row as it was.
        expect(backups).toHaveLength(1);
        // A sealed backup (under the data key) of the rows as they were, which opens.
        expect((await openSealedBackup(backups[0]!, key, SCHEMA_VERSION)).schemaVersion).toBe(SCHEMA_VERSION);
        const snapshot = taken[0]!;
        for (const table of TABLE_NAMES) {
          // As stored before the sign-in (a restore separates the linkage secret itself).
          expect(sortRows(snapshot.tables[table]), `backup ${table}`).toEqual(before[table]);
        }
        // Nothing lost: every table, every row, every field, decrypted (the lead's linkage secret
        // moves to its own row, as on every open since that change).
        const after = await allTablesAsJson(db);
        for (const table of TABLE_NAMES) {
          const want = table === 'exchange' ? sortRows(separateLinkageSecret(before.exchange) as Row[]) : before[table];
          expect(after[table], table).toEqual(want);
        }
        // Nothing left in plain text: each row with anything to seal is sealed, and no text of a
        // sealed field is anywhere in IndexedDB.
        const raw = await rawRows(name);
        const { text } = await rawStoreText(name);
        // Text kept plain by design (staff names, codes…) may repeat a sealed value: "Marija" of "Marija Horvat".
        const plainKept = JSON.stringify(plainPart(after));
        let sealed = 0;
        for (const table of TABLE_NAMES) {
          if (!isSealedTable(table)) continue;
          for (const row of after[table] as Row[]) {
            const secret = secretPart(table, row);
            if (!secret) continue;
            sealed++;
            const key = (row.id ?? row.key) as string;
            const stored = raw.get(table)!.find((r) => (r.id ?? r.key) === key)!;
            expect(stored[SEALED_FIELD], `${table} ${key}`).toBeInstanceOf(Uint8Array);
            for (const field of Object.keys(secret)) expect(stored, `${table}.${field}`).not.toHaveProperty(field);
            for (const s of plainTextOf(secret)) if (!plainKept.includes(s)) expect(text.includes(s), `${table}: "${s}" in plain text`).toBe(false);
          }
        }
        expect(sealed).toBeGreaterThan(5);
        // Locked again, it stays unreadable; the same key opens it without another migration.
        dropDataKey(db);
        await expect(db.people.toArray()).rejects.toBeInstanceOf(LockedError);
      } finally {
        db.close();
        await Dexie.delete(name);
      }
    });
  }

  it('without a way to take the backup the store is not encrypted, and nothing changes', async () => {
    const fixture = FIXTURES.at(-1)!;
    const name = await writeFixture(fixture);
    const db = createDb(name);
    try {
      await db.open();
      const before = await rawRows(name);
      await expect(setDataKey(db, testDataKey())).rejects.toMatchObject({ code: 'backupRequired' });
      expect(await rawRows(name)).toEqual(before);
      // A failing backup (a full disk) stops it too.
      onBeforeEncrypting(db, () => Promise.reject(new Error('disk full')));
      await expect(setDataKey(db, testDataKey())).rejects.toThrow('disk full');
      expect(await rawRows(name)).toEqual(before);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it('the second sign-in neither migrates again nor takes another backup', async () => {
    const name = await writeFixture(FIXTURES.at(-1)!);
    let db: MrezaDb = createDb(name);
    try {
      await db.open();
      let backups = 0;
      onBeforeEncrypting(db, async () => void backups++);
      const key = testDataKey();
      await setDataKey(db, key);
      const after = await allTablesAsJson(db);
      db.close();
      db = createDb(name);
      await db.open();
      onBeforeEncrypting(db, async () => void backups++);
      await setDataKey(db, key);
      expect(backups).toBe(1);
      expect(await allTablesAsJson(db)).toEqual(after);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
}

/** Every table's rows without their sealed fields. */
function plainPart(all: Record<TableName, unknown[]>): unknown {
  return TABLE_NAMES.map((t) =>
    (all[t] as Row[]).map((row) => {
      const secret = secretPart(t, row) ?? {};
      return Object.fromEntries(Object.entries(row).filter(([k]) => !(k in secret)));
    }),
  );
}
