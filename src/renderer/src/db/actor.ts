import type { ActorRole } from '@shared/auth/permissions';
import type { User } from '@shared/model';

/** Who is reading or writing; every audit entry names them, and their role decides what they may do (db/permissions.ts). */
export interface Actor {
  userId?: string;
  userName: string;
  role: ActorRole;
  /** A mentor user: her mentor record; she sees only the mentees of its matches. */
  mentorId?: string;
}

/** Used for work the app does by itself (automatic backups): its role allows only that. */
export const SYSTEM_ACTOR: Actor = { userName: 'Mreža', role: 'system' };

/** The actor for a signed-in user: role and mentor record as stored on the user. */
export function actorOf(user: Pick<User, 'id' | 'name' | 'role' | 'mentorId'>): Actor {
  return { userId: user.id, userName: user.name, role: user.role, ...(user.mentorId ? { mentorId: user.mentorId } : {}) };
}
