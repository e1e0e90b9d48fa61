import { buildDemoData } from '@shared/demo/demoData';
import type { Actor } from './actor';
import { auditEntry } from './audit';
import type { MrezaDb } from './db';
import { requirePermission } from './permissions';
import { selfTimeZone } from './orgDay';
import { selfOrgId } from './records';

/** Adds the demo data set in one transaction with one bulkAdd per table. Returns how many records were added. */
export async function loadDemoData(db: MrezaDb, actor: Actor): Promise<number> {
  requirePermission(actor, 'editRecords');
  requirePermission(actor, 'editPeople');
  const data = buildDemoData(await selfOrgId(db), new Date(), () => crypto.randomUUID(), undefined, await selfTimeZone(db));
  let count = 0;
  await db.transaction('rw', db.tables, async () => {
    for (const [name, rows] of Object.entries(data)) {
      await db.table(name).bulkAdd(rows);
      count += rows.length;
    }
    await db.auditLog.add(auditEntry(actor, 'import', '*', undefined, 'demoData', { count }));
  });
  return count;
}
