import { createKeyring, unwrapWithPassphrase, unwrapWithRecoveryKey, wrapWithPassphrase } from '@shared/auth/keyring';
import { verifyPassphrase } from '@shared/auth/passphrase';
import { judgePassphraseLoaded, type PassphraseProblem } from '@shared/auth/policy';
import { generateRecoveryKey } from '@shared/auth/recoveryKey';
import { afterFailure, waitBeforeAttempt, type ThrottleState } from '@shared/auth/throttle';
import { signInThrottleSettingsSchema, type User } from '@shared/model';
import { auditEntry } from './audit';
import { actorOf } from './actor';
import { dropDataKey, getDataKey, setDataKey } from './dataKey';
import type { MrezaDb } from './db';
import { getKeyringSettings, hasKeyring } from './keyring';

/**
 * Signing in = opening the data key with one's passphrase. Nobody is ever signed in without one:
 * a user of an older installation who has none (or whose old passphrase is too weak) chooses one
 * first, and only a coordinator (or, on a computer with no coordinator, its one user) may be the
 * first to do so, because that also makes the recovery key.
 */

export type SignInResult =
  | { ok: true; user: User; /** Set when this sign-in created the keyring: show the recovery sheet now. */ recoveryKey?: string }
  | { ok: false; reason: 'wrongPassphrase' | 'throttled'; /** ms before the next attempt is allowed (0: now) */ waitMs: number }
  /** An older installation: she must choose a (new) passphrase now (`chooseFirstPassphrase`). */
  | { ok: false; reason: 'choosePassphrase' }
  /** The keyring exists but holds no wrap for her: a coordinator sets her passphrase (or the recovery key is used). */
  | { ok: false; reason: 'askCoordinator' }
  /** An older installation whose keyring a coordinator must create first. */
  | { ok: false; reason: 'coordinatorFirst' }
  | { ok: false; reason: 'unknownUser' };

/** A new passphrase that does not meet the policy (auth/policy.ts); the UI shows the reasons first. */
export class PassphrasePolicyError extends Error {
  constructor(readonly problems: PassphraseProblem[]) {
    super(`passphrase refused: ${problems.join(', ')}`);
    this.name = 'PassphrasePolicyError';
  }
}

/** The id failed recovery-key attempts are counted under (user ids are UUIDs). */
export const RECOVERY_THROTTLE_ID = 'recovery';

/** Refuses a new passphrase the policy does not accept; her name and the organisation's count against it. */
export async function checkNewPassphrase(db: MrezaDb, passphrase: string, names: readonly string[]): Promise<void> {
  const org = await db.organisations.filter((o) => o.isSelf).first();
  const verdict = await judgePassphraseLoaded(passphrase, [...names, org?.name ?? '']);
  if (!verdict.ok) throw new PassphrasePolicyError(verdict.problems);
}

async function throttleStates(db: MrezaDb): Promise<Record<string, ThrottleState>> {
  const parsed = signInThrottleSettingsSchema.safeParse(await db.table('settings').get('signInThrottle'));
  return parsed.success ? parsed.data.states : {};
}

async function saveThrottle(db: MrezaDb, id: string, state: ThrottleState | undefined): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const states = { ...(await throttleStates(db)) };
    if (state) states[id] = state;
    else if (id in states) delete states[id];
    else return;
    await db.table('settings').put(signInThrottleSettingsSchema.parse({ key: 'signInThrottle', states }));
  });
}

/** How long (ms) this user (or `RECOVERY_THROTTLE_ID`) must wait before the next attempt. */
export async function signInWait(db: MrezaDb, id: string, now = Date.now()): Promise<number> {
  return waitBeforeAttempt((await throttleStates(db))[id], now);
}

async function failed(db: MrezaDb, id: string, now: number): Promise<{ ok: false; reason: 'wrongPassphrase'; waitMs: number }> {
  const next = afterFailure((await throttleStates(db))[id], now);
  await saveThrottle(db, id, next);
  return { ok: false, reason: 'wrongPassphrase', waitMs: waitBeforeAttempt(next, now) };
}

async function mayCreateKeyring(db: MrezaDb, user: User): Promise<boolean> {
  if (user.role === 'coordinator') return true;
  return !(await db.users.filter((u) => !u.disabled && u.role === 'coordinator').first());
}

/** Passphrase for this user; on success the data key is handed to the db layer (setDataKey). */
export async function signIn(db: MrezaDb, userId: string, passphrase: string, now = Date.now()): Promise<SignInResult> {
  const user = await db.users.get(userId);
  if (!user || user.disabled) return { ok: false, reason: 'unknownUser' };
  const wait = await signInWait(db, userId, now);
  if (wait > 0) return { ok: false, reason: 'throttled', waitMs: wait };
  if (user.keyWrap) {
    const dataKey = await unwrapWithPassphrase(user.keyWrap, passphrase);
    if (!dataKey) return failed(db, userId, now);
    await saveThrottle(db, userId, undefined);
    await setDataKey(db, dataKey);
    return { ok: true, user };
  }
  const keyringExists = await hasKeyring(db);
  if (user.passHash) {
    // An older installation's PBKDF2 passphrase: checked (and throttled) like any other.
    if (!(await verifyPassphrase(passphrase, user))) return failed(db, userId, now);
    await saveThrottle(db, userId, undefined);
    if (keyringExists) return { ok: false, reason: 'askCoordinator' };
    if (!(await mayCreateKeyring(db, user))) return { ok: false, reason: 'coordinatorFirst' };
    try {
      await checkNewPassphrase(db, passphrase, [user.name]);
    } catch {
      return { ok: false, reason: 'choosePassphrase' };
    }
    // Upgraded: the same passphrase now opens the data key (Argon2id), the PBKDF2 hash is gone.
    return createKeyringFor(db, user, passphrase);
  }
  if (keyringExists) return { ok: false, reason: 'askCoordinator' };
  if (!(await mayCreateKeyring(db, user))) return { ok: false, reason: 'coordinatorFirst' };
  return { ok: false, reason: 'choosePassphrase' };
}

/**
 * The first passphrase of a user of an older installation (none before, or one too weak for the
 * policy: then `oldPassphrase` must be it). Creates the keyring; the result carries the recovery
 * key for the recovery sheet.
 */
export async function chooseFirstPassphrase(
  db: MrezaDb,
  userId: string,
  input: { oldPassphrase?: string; newPassphrase: string },
  now = Date.now(),
): Promise<SignInResult> {
  const user = await db.users.get(userId);
  if (!user || user.disabled) return { ok: false, reason: 'unknownUser' };
  if (user.keyWrap || (await hasKeyring(db))) return { ok: false, reason: 'askCoordinator' };
  if (!(await mayCreateKeyring(db, user))) return { ok: false, reason: 'coordinatorFirst' };
  if (user.passHash) {
    const wait = await signInWait(db, userId, now);
    if (wait > 0) return { ok: false, reason: 'throttled', waitMs: wait };
    if (!(await verifyPassphrase(input.oldPassphrase ?? '', user))) return failed(db, userId, now);
  }
  await checkNewPassphrase(db, input.newPassphrase, [user.name]);
  return createKeyringFor(db, user, input.newPassphrase);
}

async function createKeyringFor(db: MrezaDb, user: User, passphrase: string): Promise<SignInResult> {
  const recoveryKey = generateRecoveryKey();
  const held = getDataKey(db);
  const { keyring, dataKey } = await createKeyring(user.id, passphrase, recoveryKey, held);
  // The keyring first (plain: the lock screen reads it), so that the safety copy taken before a
  // store from before encryption at rest is encrypted (setDataKey) can be a sealed backup.
  await db.transaction('rw', [db.settings, db.users], async () => {
    if (await hasKeyring(db)) throw new Error('keyring already exists');
    const now = new Date().toISOString();
    await db.table('settings').put({ key: 'keyring', recovery: keyring.recovery, createdAt: now });
    await db.users.update(user.id, { keyWrap: keyring.users[user.id], passHash: undefined, passSalt: undefined, updatedAt: now });
  });
  // The data key opens the store; on an older installation this encrypts every row (backup first).
  // Should that fail, the keyring stands and her next sign-in with this passphrase tries again.
  await setDataKey(db, dataKey);
  await db
    .transaction('rw', db.auditLog, () => db.auditLog.add(auditEntry(actorOf(user), 'update', 'users', user.id, 'keyringCreated')))
    .catch((e: unknown) => {
      if (!held) dropDataKey(db);
      throw e;
    });
  return { ok: true, user: (await db.users.get(user.id))!, recoveryKey };
}

/**
 * "Forgot passphrase?": whoever holds the recovery sheet sets a new passphrase for any active
 * user and is signed in as her. Throttled like a passphrase; recorded in the audit log.
 */
export async function resetWithRecoveryKey(
  db: MrezaDb,
  input: { recoveryKey: string; userId: string; newPassphrase: string },
  now = Date.now(),
): Promise<SignInResult> {
  const user = await db.users.get(input.userId);
  if (!user || user.disabled) return { ok: false, reason: 'unknownUser' };
  const settings = await getKeyringSettings(db);
  if (!settings) return { ok: false, reason: 'coordinatorFirst' };
  const wait = await signInWait(db, RECOVERY_THROTTLE_ID, now);
  if (wait > 0) return { ok: false, reason: 'throttled', waitMs: wait };
  await checkNewPassphrase(db, input.newPassphrase, [user.name]);
  const dataKey = await unwrapWithRecoveryKey(settings.recovery, input.recoveryKey);
  if (!dataKey) return failed(db, RECOVERY_THROTTLE_ID, now);
  const keyWrap = await wrapWithPassphrase(dataKey, input.newPassphrase);
  await setDataKey(db, dataKey);
  await db
    .transaction('rw', [db.settings, db.users, db.auditLog], async () => {
      await db.users.update(user.id, { keyWrap, passHash: undefined, passSalt: undefined, updatedAt: new Date().toISOString() });
      await db.auditLog.add(auditEntry(actorOf(user), 'update', 'users', user.id, 'passphraseResetWithRecoveryKey'));
    })
    .catch((e: unknown) => {
      dropDataKey(db);
      throw e;
    });
  await saveThrottle(db, RECOVERY_THROTTLE_ID, undefined);
  await saveThrottle(db, user.id, undefined);
  return { ok: true, user: (await db.users.get(user.id))! };
}

/** Locking drops the data key; the app also forgets everything it decrypted (app/Root.tsx). */
export function lockDatabase(db: MrezaDb): void {
  dropDataKey(db);
}
