import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '@shared/model';
import { createDb } from '../../src/renderer/src/db/db';
import { SCHEMA_VERSION, STORES_V1 } from '../../src/renderer/src/db/schema';
import { searchEverything } from '../../src/renderer/src/db/search';
import fixtureV1 from '../fixtures/db-v1.json';
import { newDbName } from '../fixtures/testDb';

type Row = Record<string, unknown>;
const v1Tables = fixtureV1.tables as unknown as Record<TableName, Row[]>;

/** Writes the fixture the way a v1 installation would have, with nothing but the v1 schema. */
async function createV1Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(STORES_V1);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const table of TABLE_NAMES) {
      const rows = v1Tables[table] ?? [];
      if (rows.length) await old.table(table).bulkAdd(rows);
    }
  });
  expect(old.verno).toBe(1);
  old.close();
}

describe('schema migration v1 → current', () => {
  it('the fixture covers every table and really is v1 data (people have no nameKey)', () => {
    expect(Object.keys(v1Tables).sort()).toEqual(Object.keys(STORES_V1).sort());
    expect(v1Tables.people.length).toBeGreaterThanOrEqual(3);
    for (const p of v1Tables.people) expect(p).not.toHaveProperty('nameKey');
  });

  it('keeps every record and gives people the folded nameKey', async () => {
    const name = newDbName();
    await createV1Database(name);
    const db = createDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);

      for (const table of TABLE_NAMES) {
        const stored = (await db.table(table).toArray()) as Row[];
        const expected = table === 'people' ? v1Tables.people.map((p) => ({ ...p, nameKey: expect.any(String) })) : (v1Tables[table] ?? []);
        expect(stored, table).toHaveLength((v1Tables[table] ?? []).length);
        expect(stored, table).toEqual(expect.arrayContaining(expected));
        // Every migrated row satisfies the current schema.
        for (const row of stored) expect(TABLE_SCHEMAS[table].safeParse(row).success, `${table} ${String(row.id)}`).toBe(true);
      }

      const keys = Object.fromEntries((await db.people.toArray()).map((p) => [p.id, p.nameKey]));
      expect(keys['1a000000-0000-4000-8000-000000000001']).toBe('ana petrovic');
      // Cyrillic names fold to the same Latin key as their Latin spelling.
      expect(keys['1a000000-0000-4000-8000-000000000002']).toBe('jelena petrovic');
      expect(keys['1a000000-0000-4000-8000-000000000003']).toBe('djurdjica cesar');

      // The new index exists and is populated.
      expect((await db.people.where('nameKey').equals('ana petrovic').toArray()).map((p) => p.id)).toEqual(['1a000000-0000-4000-8000-000000000001']);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it('migrated people are found by the header search', async () => {
    const name = newDbName();
    await createV1Database(name);
    const db = createDb(name);
    try {
      const ids = (await searchEverything(db, 'petrovic')).filter((h) => h.kind === 'person').map((h) => h.id).sort();
      expect(ids).toEqual(['1a000000-0000-4000-8000-000000000001', '1a000000-0000-4000-8000-000000000002']);
      expect((await searchEverything(db, 'Петровић Ана')).map((h) => h.id)).toEqual(['1a000000-0000-4000-8000-000000000001']);
      expect((await searchEverything(db, 'cesar')).map((h) => h.label)).toContain('Đurđica Česar');
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it('opening an already migrated database again changes nothing', async () => {
    const name = newDbName();
    await createV1Database(name);
    let db = createDb(name);
    await db.open();
    const first = await db.people.toArray();
    db.close();
    db = createDb(name);
    try {
      await db.open();
      expect(await db.people.toArray()).toEqual(first);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
