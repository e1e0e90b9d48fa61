import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS } from '@shared/model';
import { createDb } from '../../src/renderer/src/db/db';
import fixtureV3 from '../fixtures/db-v3.json';
import closedV3 from '../fixtures/db-v3-closed-matches.json';
import { storesOf, type DbFixture } from '../fixtures/dbFixtures';
import { newDbName } from '../fixtures/testDb';

type Row = Record<string, unknown>;

/** A v3 installation whose matches were closed with the v3 dialog, opened with the current app. */
describe('v3 → v4: the legal form and jobs a closure wrote into the outcome note become fields', () => {
  it('moves "obrt; jobs:1" and "jobs:2" into fields, keeps the user’s own words, leaves other outcomes alone', async () => {
    const name = newDbName();
    const old = new Dexie(name);
    old.version(3).stores(storesOf(fixtureV3 as unknown as DbFixture));
    await old.open();
    const extra = closedV3.tables as Record<string, Row[]>;
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(fixtureV3.tables as Record<string, Row[]>)) {
        const all = [...rows, ...(extra[table] ?? [])];
        if (all.length) await old.table(table).bulkAdd(all);
      }
    });
    old.close();

    const db = createDb(name);
    try {
      await db.open();
      const byId = new Map((await db.outcomes.toArray()).map((o) => [o.id, o]));
      const [o1, o2, o3, o4] = extra.outcomes!.map((o) => byId.get(o.id as string)!);
      const { note: _n1, ...rest1 } = extra.outcomes![0]!;
      expect(o1).toEqual({ ...rest1, legalForm: 'obrt', jobsCreated: 1 });
      expect(o2).toMatchObject({ kind: 'selfEmployed', jobsCreated: 2 });
      expect(o2).not.toHaveProperty('note');
      expect(o2).not.toHaveProperty('legalForm');
      expect(o3).toMatchObject({ kind: 'businessRegistered', jobsCreated: 3, note: 'Pekara u Prelogu' });
      // Not a business of her own: nothing to move, the note stays as stored.
      expect(o4).toEqual(extra.outcomes![3]);
      // The outcome the v3 app wrote with prose ("Registrirala obrt") is untouched.
      const prose = fixtureV3.tables.outcomes[0]!;
      expect(byId.get(prose.id)).toEqual(prose);
      for (const o of byId.values()) expect(TABLE_SCHEMAS.outcomes.safeParse(o).success, o.id).toBe(true);
      // The closures keep what they held; they satisfy the current schema.
      for (const m of await db.matches.toArray()) expect(TABLE_SCHEMAS.matches.safeParse(m).success, m.id).toBe(true);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
