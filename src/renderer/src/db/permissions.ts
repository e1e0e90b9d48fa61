import { Dexie } from 'dexie';
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

/*
 * The scope reads below return Dexie promises, never native ones: a live query (useLiveQuery) only
 * sees the tables a read touches after an await of a Dexie promise; one native await before the
 * first read and the screen would not follow changes any more (tests/db/roles-live.test.ts).
 */

const NOTHING_OWN = (): OwnScope => ({ matchIds: new Set(), personIds: new Set() });

/** What is a mentor's own: the matches of her mentor record and the people in them. Empty without one. */
export function ownScope(db: MrezaDb, actor: Actor): Promise<OwnScope> {
  if (!actor.mentorId) return Dexie.Promise.resolve(NOTHING_OWN());
  return Dexie.Promise.all([db.matches.where('mentorId').equals(actor.mentorId).toArray(), db.mentors.get(actor.mentorId)]).then(([matches, mentor]) => {
    const personIds = new Set(matches.map((m) => m.menteeId));
    if (mentor) personIds.add(mentor.personId);
    return { matchIds: new Set(matches.map((m) => m.id)), personIds };
  });
}

/**
 * For reads of people: null when the actor may read everyone, else the ids she may read (a mentor's
 * mentees). Refuses an actor who may read no one (a viewer).
 */
export function readablePeople(db: MrezaDb, actor: Actor): Promise<ReadonlySet<string> | null> {
  if (requirePermission(actor, 'readPeople') === 'all') return Dexie.Promise.resolve(null);
  return ownScope(db, actor).then((own) => own.personIds);
}

/** Refuses unless the actor may read this person. */
export function requirePersonAccess(db: MrezaDb, actor: Actor, personId: string): Promise<void> {
  return readablePeople(db, actor).then((allowed) => {
    if (allowed && !allowed.has(personId)) throw new ForbiddenError('readPeople', actor.role);
  });
}

/** Refuses unless the actor may do `permission` on this match (every match, or one of her own). */
export function requireMatchAccess(db: MrezaDb, actor: Actor, permission: Permission, matchId: string): Promise<void> {
  if (requirePermission(actor, permission) === 'all') return Dexie.Promise.resolve();
  return ownScope(db, actor).then((own) => {
    if (!own.matchIds.has(matchId)) throw new ForbiddenError(permission, actor.role);
  });
}
