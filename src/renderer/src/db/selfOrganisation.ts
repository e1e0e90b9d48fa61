import type { Organisation } from '@shared/model';
import { LockedError } from './atRest';
import type { MrezaDb } from './db';

/**
 * The installation's own organisation, read by the id the settings row `app` keeps (`selfOrgId`,
 * plain by protectedFields.ts). Why an id in the settings: the lock screen asks before anyone
 * signs in, when every organisation's row but the own one is sealed; a keyed read of that one
 * plain row opens nothing else, so this reader need not know which rows are sealed.
 */
export async function getSelfOrganisation(db: MrezaDb): Promise<Organisation | undefined> {
  const id = (await db.settings.get('app'))?.selfOrgId;
  return id ? db.organisations.get(id) : undefined;
}

/**
 * Gives a store from before `selfOrgId` (or one restored from such a backup) the field, once: when
 * the store opens (db.ts) and after a restore. Locked, only the own organisation's row is plain,
 * so the rows are opened one by one and the sealed ones passed over; this is the one place that
 * has to know it.
 */
export async function rememberSelfOrganisation(db: MrezaDb): Promise<void> {
  const app = await db.settings.get('app');
  if (!app || app.selfOrgId) return;
  for (const id of await db.organisations.toCollection().primaryKeys()) {
    try {
      const row = await db.organisations.get(id);
      if (!row?.isSelf) continue;
      await db.settings.put({ ...app, selfOrgId: row.id });
      return;
    } catch (error) {
      if (!(error instanceof LockedError)) throw error;
    }
  }
}
