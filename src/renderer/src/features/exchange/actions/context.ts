import type { Request, Response } from '@shared/ipc';
import type { Organisation } from '@shared/model';
import type { Actor } from '../../../db/actor';
import type { MrezaDb } from '../../../db/db';

/** Asks the user where to save a file (the platform's save dialog); null when she cancelled. */
export type SaveFile = (request: Request<'file:save'>) => Promise<Response<'file:save'>>;

/** What every exchange action needs: the data store, who is acting, for which organisation, and a save dialog. */
export interface ExchangeActionContext {
  db: MrezaDb;
  actor: Actor;
  org: Organisation;
  saveFile: SaveFile;
}
