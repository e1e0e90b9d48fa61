import { grantOf, type ActorRole, type Grant, type Permission } from '@shared/auth/permissions';
import type { Actor } from './actor';
import type { MrezaDb } from './db';

/**
 * A refusal by role. The UI shows `common:errors.forbidden`; it should not get here, as it hides
 * what a role may not do, but this check is what holds when it does not (or when a script calls in).
 */
export class ForbiddenError extends Error {
  readonly code = 'forbidden';
  constructor(
    readonly permission: Permission,
    readonly role: ActorRole | undefined,
  ) {
    super(`forbidden: ${role ?? 'no role'} may not ${permission}`);
    this.name = 'ForbiddenError';
  }
}

/**
 * THE check of every guarded entry point in db/ and the features' actions: returns how far the
 * actor may go ('all' records or only her 'own'), throws ForbiddenError otherwise. An actor without
 * a role (a caller that forgot it) is refused: deny by default.
 */
export function requirePermission(actor: Actor, permission: Permission): Grant {
  const grant = grantOf(actor?.role, permission);
  if (!grant) throw new ForbiddenError(permission, actor?.role);
  return grant;
}

/** Like requirePermission, for actions that touch everyone's records at once (an 'own' grant is not enough). */
export function requireAll(actor: Actor, permission: Permission): void {
  if (requirePermission(actor, permission) !== 'all') throw new ForbiddenError(permission, actor.role);
}

export interface OwnScope {
  /** The actor's own matches (a mentor's, through her mentor record). */
  matchIds: Set<string>;
  /** The people of those matches: her mentees, and herself. */
  personIds: Set<string>;
}

/** What is a mentor's own: the matches of her mentor record and the people in them. Empty without one. */
export async function ownScope(db: MrezaDb, actor: Actor): Promise<OwnScope> {
  if (!actor.mentorId) return { matchIds: new Set(), personIds: new Set() };
  const [matches, mentor] = await Promise.all([db.matches.where('mentorId').equals(actor.mentorId).toArray(), db.mentors.get(actor.mentorId)]);
  const personIds = new Set(matches.map((m) => m.menteeId));
  if (mentor) personIds.add(mentor.personId);
  return { matchIds: new Set(matches.map((m) => m.id)), personIds };
}

/**
 * For reads of people: null when the actor may read everyone, else the ids she may read (a mentor's
 * mentees). Refuses an actor who may read no one (a viewer).
 */
export async function readablePeople(db: MrezaDb, actor: Actor): Promise<ReadonlySet<string> | null> {
  return requirePermission(actor, 'readPeople') === 'all' ? null : (await ownScope(db, actor)).personIds;
}

/** Refuses unless the actor may read this person. */
export async function requirePersonAccess(db: MrezaDb, actor: Actor, personId: string): Promise<void> {
  const allowed = await readablePeople(db, actor);
  if (allowed && !allowed.has(personId)) throw new ForbiddenError('readPeople', actor.role);
}

/** Refuses unless the actor may do `permission` on this match (every match, or one of her own). */
export async function requireMatchAccess(db: MrezaDb, actor: Actor, permission: Permission, matchId: string): Promise<void> {
  if (requirePermission(actor, permission) === 'all') return;
  if (!(await ownScope(db, actor)).matchIds.has(matchId)) throw new ForbiddenError(permission, actor.role);
}
