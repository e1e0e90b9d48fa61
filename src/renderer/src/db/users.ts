import { rewrapUser, wrapWithPassphrase } from '@shared/auth/keyring';
import { hashPassphrase } from '@shared/auth/passphrase';
import type { User, UserRole } from '@shared/model';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { hasKeyring, readKeyring, requireDataKey } from './keyring';
import { requirePermission } from './permissions';
import { createRecord, updateRecord, updateRecordAfterCheck } from './records';
import { checkNewPassphrase } from './signIn';

export async function listUsers(db: MrezaDb): Promise<User[]> {
  return db.users.orderBy('name').toArray();
}

/**
 * What a passphrase becomes on the user's row. With a keyring (every installation once someone
 * has signed in since sign-in was tied to the data key) it is the data key wrapped by it, which
 * needs the data key the signed-in coordinator holds; the passphrase must meet the policy. An
 * installation without a keyring is one from before: it gets the PBKDF2 hash of that time, which
 * the user's first sign-in replaces.
 */
async function secretFor(db: MrezaDb, user: { name: string }, passphrase: string): Promise<Partial<User>> {
  if (!(await hasKeyring(db))) return hashPassphrase(passphrase);
  await checkNewPassphrase(db, passphrase, [user.name]);
  return { keyWrap: await wrapWithPassphrase(requireDataKey(db), passphrase) };
}

/** A new user; with a keyring her passphrase is required (nobody signs in without one). */
export async function addUser(db: MrezaDb, actor: Actor, input: { name: string; role: UserRole; passphrase?: string }): Promise<User> {
  requirePermission(actor, 'manageUsers');
  if (!input.passphrase && (await hasKeyring(db))) throw new Error('a new user needs a passphrase');
  const secret = input.passphrase ? await secretFor(db, { name: input.name }, input.passphrase) : {};
  return createRecord(db, actor, 'users', { name: input.name, role: input.role, ...secret });
}

/** A coordinator sets a (new) passphrase for a user: her wrap of the data key is replaced. It cannot be removed. */
export async function setPassphrase(db: MrezaDb, actor: Actor, userId: string, passphrase: string): Promise<User> {
  // Her own passphrase anyone may change; anyone else's only who manages users.
  if (actor.userId !== userId) requirePermission(actor, 'manageUsers');
  if (!passphrase) throw new Error('a passphrase cannot be removed');
  const user = await db.users.get(userId);
  if (!user) throw new Error('no such user');
  return updateRecordAfterCheck(
    db,
    actor,
    'users',
    userId,
    { keyWrap: undefined, passHash: undefined, passSalt: undefined, ...(await secretFor(db, user, passphrase)) },
    'passphraseSet',
  );
}

/**
 * A user changes her own passphrase: the current one must open her wrap first, so a session left
 * open cannot be used to change it. Returns false for a wrong current passphrase.
 */
export async function changeOwnPassphrase(db: MrezaDb, actor: Actor & { userId: string }, current: string, next: string): Promise<boolean> {
  const user = await db.users.get(actor.userId);
  const keyring = await readKeyring(db);
  if (!user || !keyring) throw new Error('no keyring for this user');
  await checkNewPassphrase(db, next, [user.name]);
  const rewrapped = await rewrapUser(keyring, user.id, current, next);
  if (!rewrapped) return false;
  // Her own passphrase: always hers to change (the current one opened her wrap above).
  await updateRecordAfterCheck(db, actor, 'users', user.id, { keyWrap: rewrapped.keyring.users[user.id] }, 'passphraseChanged');
  return true;
}

/**
 * Disabling a user removes her wrap of the data key, so her passphrase opens nothing any more;
 * enabling her again needs a new passphrase from a coordinator.
 */
export async function setUserDisabled(db: MrezaDb, actor: Actor, userId: string, disabled: boolean): Promise<User> {
  const changes: Partial<User> = disabled ? { disabled, keyWrap: undefined, passHash: undefined, passSalt: undefined } : { disabled };
  return updateRecord(db, actor, 'users', userId, changes, disabled ? 'userDisabled' : 'userEnabled');
}
