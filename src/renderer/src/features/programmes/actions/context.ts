import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';

/** What every programmes action needs: the data store and who is acting. */
export interface ProgrammeActionContext {
  db: MrezaDb;
  actor: Actor;
}
