import { keyringSchema, type Keyring } from '@shared/auth/keyring';
import { keyringSettingsSchema, type KeyringSettings, type User } from '@shared/model';
import type { MrezaDb } from './db';
import { LockedError } from './atRest';
import { getDataKey } from './dataKey';

/**
 * Where the keyring lives: the recovery wrap in the settings row `keyring`, each user's wrap on
 * her users row. Both are read before anyone signs in (the lock screen needs them), so the
 * encryption layer must leave `settings[keyring]`, `users.keyWrap`, `users.name`, `users.role`
 * and `users.disabled` as they are.
 */
export async function getKeyringSettings(db: MrezaDb): Promise<KeyringSettings | undefined> {
  const parsed = keyringSettingsSchema.safeParse(await db.table('settings').get('keyring'));
  return parsed.success ? parsed.data : undefined;
}

/** An installation made before sign-in was tied to the data key has no keyring yet. */
export async function hasKeyring(db: MrezaDb): Promise<boolean> {
  return (await getKeyringSettings(db)) !== undefined;
}

/** The whole keyring as the pure functions of auth/keyring.ts take it, or null for an old installation. */
export async function readKeyring(db: MrezaDb, users?: readonly User[]): Promise<Keyring | null> {
  const settings = await getKeyringSettings(db);
  if (!settings) return null;
  const rows = users ?? (await db.users.toArray());
  const wraps = Object.fromEntries(rows.filter((u) => !u.disabled && u.keyWrap).map((u) => [u.id, u.keyWrap!]));
  return keyringSchema.parse({ recovery: settings.recovery, users: wraps });
}

/**
 * The keyring copied into a backup's header: the recovery wrap and the wraps of the users who may
 * restore a backup (coordinators; on a mentor's computer, which has none, the mentor). A viewer's
 * or mentor's passphrase does not open the office's backups.
 */
export async function backupKeyring(db: MrezaDb): Promise<Keyring | null> {
  const users = (await db.users.toArray()).filter((u) => !u.disabled && u.keyWrap);
  const coordinators = users.filter((u) => u.role === 'coordinator');
  return readKeyring(db, coordinators.length ? coordinators : users);
}

/** Someone is signed in and the data key is held. */
export function isUnlocked(db: MrezaDb): boolean {
  return getDataKey(db) !== undefined;
}

/** The data key, or the one LockedError (atRest.ts) that every locked read and write throws. */
export function requireDataKey(db: MrezaDb): Uint8Array {
  const key = getDataKey(db);
  if (!key) throw new LockedError();
  return key;
}
