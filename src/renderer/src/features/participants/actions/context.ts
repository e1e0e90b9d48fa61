import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';

/** What every participants action needs: the data store and who is acting. */
export interface ParticipantActionContext {
  db: MrezaDb;
  actor: Actor;
}
