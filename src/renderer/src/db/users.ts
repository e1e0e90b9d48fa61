import { hashPassphrase, verifyPassphrase } from '@shared/auth/passphrase';
import type { User, UserRole } from '@shared/model';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { requirePermission } from './permissions';
import { createRecord, updateRecordAfterCheck } from './records';

export async function listUsers(db: MrezaDb): Promise<User[]> {
  return db.users.orderBy('name').toArray();
}

export async function addUser(db: MrezaDb, actor: Actor, input: { name: string; role: UserRole; passphrase?: string }): Promise<User> {
  requirePermission(actor, 'manageUsers');
  const secret = input.passphrase ? await hashPassphrase(input.passphrase) : {};
  return createRecord(db, actor, 'users', { name: input.name, role: input.role, ...secret });
}

/** Sets or (with an empty passphrase) removes a user's passphrase. */
export async function setPassphrase(db: MrezaDb, actor: Actor, userId: string, passphrase: string): Promise<User> {
  // Her own passphrase anyone may change; anyone else's only who manages users.
  if (actor.userId !== userId) requirePermission(actor, 'manageUsers');
  const secret = passphrase ? await hashPassphrase(passphrase) : { passHash: undefined, passSalt: undefined };
  return updateRecordAfterCheck(db, actor, 'users', userId, secret, passphrase ? 'passphraseSet' : 'passphraseRemoved');
}

export async function checkPassphrase(db: MrezaDb, userId: string, passphrase: string): Promise<User | null> {
  const user = await db.users.get(userId);
  if (!user || user.disabled) return null;
  return (await verifyPassphrase(passphrase, user)) ? user : null;
}
