import { Dexie, type EntityTable } from 'dexie';
import type { AppSettings, TableName, TableRow } from '@shared/model';
import { canonicalPlace } from '@shared/gazetteer';
import { personNameKey } from '@shared/people/nameKey';
import { migrateLegacyOutcome } from '@shared/people/outcomes';
import { moveLinkageSecret } from './linkage';
import type { AuditEntry } from '@shared/model';
import { auditChainMiddleware, chainLegacy } from './auditChain';
import { STORES_V1, STORES_V2, STORES_V3, STORES_V4, STORES_V5, STORES_V6 } from './schema';

export type Tables = { [T in Exclude<TableName, 'settings'>]: EntityTable<TableRow<T>, 'id'> } & { settings: EntityTable<AppSettings, 'key'> };

export type MrezaDb = Dexie & Tables;

export const DEFAULT_DB_NAME = 'mreza';

/** Opens (creating or migrating as needed) the Mreža data store. */
export function createDb(name = DEFAULT_DB_NAME): MrezaDb {
  const db = new Dexie(name) as MrezaDb;
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
  db.use(auditChainMiddleware(db));
  // Data only (no index changes, so no new schema version): a lead's linkage secret leaves the
  // consolidation side (db/linkage.ts). Runs each time the store opens (sticky), a no-op once done.
  db.on('ready', (vip) => moveLinkageSecret(vip as MrezaDb), true);
  return db;
}
