import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { canonicalMunicipality, municipalityKey } from '@shared/gazetteer';
import { separateLinkageSecret, TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '@shared/model';
import { onBeforeEncrypting } from '../../src/renderer/src/db/dataKey';
import { createDb } from '../../src/renderer/src/db/db';
import { SCHEMA_VERSION, STORES_V1 } from '../../src/renderer/src/db/schema';
import { searchEverything } from '../../src/renderer/src/db/search';
import fixtureV1 from '../fixtures/db-v1.json';
import { EMPTY_IN_FIXTURES, storesOf, type DbFixture } from '../fixtures/dbFixtures';
import { COORDINATOR, newDbName, sealedSafetyCopy, unlocked } from '../fixtures/testDb';

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
        // People gain nameKey (v2) and their municipality in canonical form (v4, checked below).
        // Audit entries gain their place in the hash chain (v6).
        const chained = { seq: expect.any(Number), prev: expect.any(String), hash: expect.any(String) };
        const expected =
          table === 'people'
            ? v1Tables.people.map((p) => ({ ...p, nameKey: expect.any(String), ...('municipality' in p ? { municipality: expect.any(String) } : {}) }))
            : table === 'auditLog'
              ? v1Tables.auditLog.map((e) => ({ ...e, ...chained }))
              : table === 'settings'
                ? withSelfOrgId(v1Tables.settings ?? [], v1Tables.organisations ?? [])
                : (v1Tables[table] ?? []);
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

      // The v2 index was populated; v7 dropped it again (an index holds plain text, the folded name
      // is sealed): the search finds people through the decrypted people cache (next test).
      expect(db.people.schema.idxByName['nameKey']).toBeUndefined();
      expect((await db.people.filter((p) => p.nameKey === 'ana petrovic').toArray()).map((p) => p.id)).toEqual(['1a000000-0000-4000-8000-000000000001']);

      // v4: a municipality stored in Cyrillic is stored in its canonical form, so it is one row
      // with the Latin spelling in "by municipality"; one already canonical is left as it was.
      const places = Object.fromEntries((await db.people.toArray()).map((p) => [p.id, [p.municipality, p.country]]));
      expect(places['1a000000-0000-4000-8000-000000000001']).toEqual(['Čakovec', 'HR']);
      expect(places['1a000000-0000-4000-8000-000000000002']).toEqual(['Novi Sad', 'RS']);
      expect(places['1a000000-0000-4000-8000-000000000003']).toEqual([undefined, undefined]);
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
      const ids = (await searchEverything(db, COORDINATOR, 'petrovic'))
        .filter((h) => h.kind === 'person')
        .map((h) => h.id)
        .sort();
      expect(ids).toEqual(['1a000000-0000-4000-8000-000000000001', '1a000000-0000-4000-8000-000000000002']);
      expect((await searchEverything(db, COORDINATOR, 'Петровић Ана')).map((h) => h.id)).toEqual(['1a000000-0000-4000-8000-000000000001']);
      expect((await searchEverything(db, COORDINATOR, 'cesar')).map((h) => h.label)).toContain('Đurđica Česar');
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

/**
 * Every tests/fixtures/db-v<N>.json, whatever N: written as that version stored it (its own Dexie
 * stores, nothing of the current code), then opened with the current app. A new schema version
 * needs only its fixture file (node tests/fixtures/make-db-fixtures.ts <N>, see dbFixtures.ts).
 */
const FIXTURE_DIR = new URL('../fixtures/', import.meta.url);
const FIXTURES: DbFixture[] = readdirSync(FIXTURE_DIR)
  .filter((f) => /^db-v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, FIXTURE_DIR), 'utf8')) as DbFixture)
  .sort((a, b) => a.schemaVersion - b.schemaVersion);

/**
 * Fields an upgrade adds to rows that existed before it, by the version whose upgrade adds them.
 * Everything else must come through a migration unchanged. A new upgrade that rewrites rows
 * declares what it adds (or changes) here, and the older fixtures prove it.
 */
const ADDED_BY_UPGRADE: Record<number, Partial<Record<TableName, readonly string[]>>> = {
  2: { people: ['nameKey'] },
  6: { auditLog: ['seq', 'prev', 'hash'] },
};

type Row2 = Record<string, unknown>;

/**
 * The other data move on open (db/selfOrganisation.ts, no schema version): the settings row `app`
 * learns the own organisation's id (`selfOrgId`), so the lock screen reads that one row.
 */
function withSelfOrgId(settings: readonly Row2[], organisations: readonly Row2[]): Row2[] {
  const self = organisations.find((o) => o.isSelf === true);
  return settings.map((s) => (s.key === 'app' && self && !s.selfOrgId ? { ...s, selfOrgId: self.id } : s));
}
/**
 * Fields an upgrade may rewrite or add only where it can, with what must hold between the row as
 * stored before and after. v4: the municipality is the same place (same key) in canonical form,
 * and a person without a country gets the country of a known municipality.
 */
const CHANGED_BY_UPGRADE: Record<number, Partial<Record<TableName, Record<string, (before: Row2, after: Row2) => boolean>>>> = {
  5: {
    people: {
      municipality: (b, a) =>
        b.municipality === undefined
          ? a.municipality === undefined
          : municipalityKey(String(b.municipality)) === municipalityKey(String(a.municipality)) &&
            canonicalMunicipality(String(a.municipality)) === a.municipality,
      country: (b, a) =>
        b.country !== undefined ? a.country === b.country : b.municipality === undefined ? a.country === undefined : typeof a.country === 'string',
    },
  },
};

function fieldsChangedSince(version: number, table: TableName): Record<string, (before: Row2, after: Row2) => boolean> {
  return Object.assign(
    {},
    ...Object.entries(CHANGED_BY_UPGRADE)
      .filter(([v]) => Number(v) > version && Number(v) <= SCHEMA_VERSION)
      .map(([, tables]) => tables[table] ?? {}),
  ) as Record<string, (before: Row2, after: Row2) => boolean>;
}

function fieldsAddedSince(version: number, table: TableName): string[] {
  return Object.entries(ADDED_BY_UPGRADE)
    .filter(([v]) => Number(v) > version && Number(v) <= SCHEMA_VERSION)
    .flatMap(([, tables]) => [...(tables[table] ?? [])]);
}

describe('every fixture database opens in the current version with every record intact', () => {
  it('there is a fixture for every schema version up to the current one', () => {
    expect(FIXTURES.map((f) => f.schemaVersion)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  for (const fixture of FIXTURES) {
    describe(`db-v${fixture.schemaVersion}.json`, () => {
      const stores = storesOf(fixture);
      const tables = fixture.tables as Partial<Record<TableName, Row[]>>;

      it('has realistic rows in every table of its version, and only those tables', () => {
        expect(Object.keys(tables).sort()).toEqual(Object.keys(stores).sort());
        // v1 is the historical hand-written file; from v2 on every table holds at least one row.
        if (fixture.schemaVersion >= 2)
          for (const [table, rows] of Object.entries(tables)) if (!EMPTY_IN_FIXTURES.includes(table)) expect(rows?.length, table).toBeGreaterThan(0);
      });

      it(`v${fixture.schemaVersion} → v${SCHEMA_VERSION}: same rows, every field as stored (plus what upgrades add), valid now`, async () => {
        const name = newDbName();
        const old = new Dexie(name);
        old.version(fixture.schemaVersion).stores(stores);
        await old.open();
        await old.transaction('rw', old.tables, async () => {
          for (const [table, rows] of Object.entries(tables)) if (rows?.length) await old.table(table).bulkAdd(rows);
        });
        old.close();

        const db = createDb(name);
        try {
          await db.open();
          expect(db.verno).toBe(SCHEMA_VERSION);
          // The first sign-in after the update encrypts the store (#15 item 8), a backup first; every
          // comparison below is of the rows as stored before with the rows read back decrypted.
          const backups: Uint8Array[] = [];
          onBeforeEncrypting(db, async () => void backups.push(await sealedSafetyCopy(db)));
          await unlocked(db);
          expect(backups).toHaveLength(1);
          // The one data move on open (no schema version): a lead's linkage secret leaves its
          // project row for a row of its own (db/linkage.ts).
          const moved = separateLinkageSecret(tables.exchange ?? []);
          // Fixtures v3–v5 were written before that move; from v6 on the app stores it apart itself.
          if (fixture.schemaVersion >= 3 && fixture.schemaVersion <= 5) {
            const secret = (tables.exchange?.find((r) => r.id === 'leadProject')?.invitation as { projectSecret?: string } | undefined)?.projectSecret;
            expect(secret, 'the v3 fixture is a lead that kept the secret in its project row').toBeDefined();
            expect(JSON.stringify(await db.exchange.get('leadProject'))).not.toContain(secret!);
            expect(((await db.exchange.get('linkage')) as { secret?: string } | undefined)?.secret).toBe(secret);
          }
          for (const table of TABLE_NAMES) {
            const expected =
              table === 'exchange'
                ? [...moved]
                : table === 'settings'
                  ? withSelfOrgId(tables.settings ?? [], tables.organisations ?? [])
                  : (tables[table] ?? []);
            const key = db.table(table).schema.primKey.keyPath as string;
            const stored = new Map(((await db.table(table).toArray()) as Row[]).map((r) => [r[key], r]));
            expect(stored.size, table).toBe(expected.length);
            const added = fieldsAddedSince(fixture.schemaVersion, table);
            const changed = fieldsChangedSince(fixture.schemaVersion, table);
            for (const row of expected) {
              const got = stored.get(row[key]);
              expect(got, `${table} ${String(row[key])}`).toBeDefined();
              for (const [field, holds] of Object.entries(changed))
                expect(holds(row, got!), `${table}.${field} ${String(row[key])}: ${String(row[field])} → ${String(got![field])}`).toBe(true);
              const kept = Object.fromEntries(Object.entries(got!).filter(([field]) => (!added.includes(field) || field in row) && !(field in changed)));
              expect(kept, `${table} ${String(row[key])}`).toEqual(Object.fromEntries(Object.entries(row).filter(([field]) => !(field in changed))));
              for (const field of added) expect(got![field], `${table}.${field}`).toBeDefined();
              const parsed = TABLE_SCHEMAS[table].safeParse(got);
              expect(parsed.success, `${table} ${String(row[key])}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
            }
          }
        } finally {
          db.close();
          await Dexie.delete(name);
        }
      });
    });
  }
});
