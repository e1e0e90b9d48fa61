/** Who is doing a write; every audit entry names them. */
export interface Actor {
  userId?: string;
  userName: string;
}

/** Used for writes the app does by itself (automatic backups, migrations). */
export const SYSTEM_ACTOR: Actor = { userName: 'Mreža' };
