import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';

/** What every organisations action needs: the data store and who is acting. */
export interface OrganisationActionContext {
  db: MrezaDb;
  actor: Actor;
}
