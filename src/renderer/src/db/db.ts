import { Dexie, type EntityTable } from 'dexie';
import type { AppSettings, TableName, TableRow } from '@shared/model';
import { canonicalPlace } from '@shared/gazetteer';
import { personNameKey } from '@shared/people/nameKey';
import { migrateLegacyOutcome } from '@shared/people/outcomes';
import { AtRestError, initAtRest, loadMarker, prefetchStoredPeople } from './atRest';
import { moveLinkageSecret } from './linkage';
import { rememberSelfOrganisation } from './selfOrganisation';
import type { AuditEntry } from '@shared/model';
import { auditChainMiddleware, chainLegacy } from './auditChain';
import { STORES_V1, STORES_V2, STORES_V3, STORES_V4, STORES_V5, STORES_V6, STORES_V7, STORES_V8, STORES_V9 } from './schema';

export type Tables = { [T in Exclude<TableName, 'settings'>]: EntityTable<TableRow<T>, 'id'> } & { settings: EntityTable<AppSettings, 'key'> };

export type MrezaDb = Dexie & Tables;

export const DEFAULT_DB_NAME = 'mreza';

/**
 * Opens (creating or migrating as needed) the Mreža data store. Every row passes the encryption
 * layer (db/atRest.ts); the data key arrives through db/dataKey.ts.
 */
export function createDb(name = DEFAULT_DB_NAME): MrezaDb {
  const db = new Dexie(name) as MrezaDb;
  const atRest = initAtRest(db);
  db.version(1).stores(STORES_V1);
  db.version(2)
    .stores(STORES_V2)
    .upgrade(async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((p: { firstName: string; lastName: string; nameKey?: string }) => {
          p.nameKey = personNameKey(p);
        });
    });
  db.version(3).stores(STORES_V3);
  db.version(4)
    .stores(STORES_V4)
    .upgrade(async (tx) => {
      await tx
        .table('outcomes')
        .toCollection()
        .modify((o: Parameters<typeof migrateLegacyOutcome>[0], ctx: { value: unknown }) => {
          const next = migrateLegacyOutcome(o);
          if (next !== o) ctx.value = next;
        });
    });
  db.version(5)
    .stores(STORES_V5)
    .upgrade(async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((p: { municipality?: string; country?: string }) => {
          if (!p.municipality) return;
          const place = canonicalPlace(p);
          p.municipality = place.municipality;
          if (place.country) p.country = place.country;
        });
    });
  db.version(6)
    .stores(STORES_V6)
    .upgrade(async (tx) => {
      const table = tx.table('auditLog');
      await table.bulkPut(chainLegacy((await table.toArray()) as AuditEntry[]));
    });
  // v7: encryption at rest. Identifying indexes go (people's lastName, municipality, nameKey): an
  // index holds its values in plain text. The rows themselves are sealed on the first sign-in
  // (db/dataKey.ts): this upgrade runs before anyone signs in, so it cannot.
  db.version(7).stores(STORES_V7);
  // v8: question sets and anonymous evaluations (no data changes: see schema.ts).
  db.version(8).stores(STORES_V8);
  // v9: referrals to institutions, a new table (no data changes: see schema.ts).
  db.version(9).stores(STORES_V9);
  // Above encryption at rest (level 30 > 20): the chain's hashes cover what the app wrote.
  db.use(auditChainMiddleware(db));
  db.on(
    'ready',
    async (vip) => {
      await loadMarker(atRest, vip);
      // Locked at start: read the sealed people meanwhile (db/dataKey.ts), after the store is open.
      if (atRest.marked && !atRest.cipher) setTimeout(() => prefetchStoredPeople(db), 0);
      // Data only (no index changes, so no new schema version): a lead's linkage secret leaves the
      // consolidation side (db/linkage.ts). Runs each time the store opens (sticky), a no-op once
      // done; locked, it waits for the key (setDataKey runs it again).
      // A store from before the settings named the own organisation (db/selfOrganisation.ts).
      await rememberSelfOrganisation(vip as MrezaDb);
      try {
        await moveLinkageSecret(vip as MrezaDb);
      } catch (e) {
        if (!(e instanceof AtRestError && e.code === 'locked')) throw e;
      }
    },
    true,
  );
  return db;
}
