import { z } from 'zod';
import { fromBase64, own, toBase64, utf8, type Bytes } from '../crypto/bytes';
import { ARGON2ID, deriveFromPassphrase } from './kdf';
import { parseRecoveryKey } from './recoveryKey';

/**
 * The keyring: one random data key (it encrypts the data at rest and the backups), wrapped
 * (AES-256-GCM) once per user by a key derived from that user's passphrase (Argon2id), and once
 * by the recovery key. The wraps are stored where they can be read before anyone signs in; none
 * of them reveals the data key without its passphrase or the recovery key.
 */
export const DATA_KEY_BYTES = 32;
const WRAP_AAD = utf8('mreza-keyring-v1');
const RECOVERY_INFO = utf8('mreza-recovery-key-v1');

const b64 = (bytes: number) => z.string().refine((s) => fromBase64(s)?.length === bytes, { message: `${bytes} bytes in base64` });

/** The KDF parameters a wrap states must be exactly the ones fixed in code (refused otherwise, before any work). */
export const argon2idParamsSchema = z.strictObject({
  name: z.literal(ARGON2ID.name),
  memoryKiB: z.literal(ARGON2ID.memoryKiB),
  iterations: z.literal(ARGON2ID.iterations),
  parallelism: z.literal(ARGON2ID.parallelism),
});

/** The data key wrapped by a key derived from one user's passphrase. */
export const passphraseWrapSchema = z.strictObject({
  v: z.literal(1),
  kdf: argon2idParamsSchema,
  salt: b64(16),
  iv: b64(12),
  /** The 32-byte data key and the 16-byte GCM tag. */
  wrapped: b64(DATA_KEY_BYTES + 16),
});
export type PassphraseWrap = z.infer<typeof passphraseWrapSchema>;

/** The data key wrapped by the recovery key (130 random bits: HKDF is enough, no slow KDF needed). */
export const recoveryWrapSchema = z.strictObject({
  v: z.literal(1),
  kdf: z.strictObject({ name: z.literal('hkdf-sha256') }),
  salt: b64(16),
  iv: b64(12),
  wrapped: b64(DATA_KEY_BYTES + 16),
});
export type RecoveryWrap = z.infer<typeof recoveryWrapSchema>;

export const keyringSchema = z.strictObject({
  recovery: recoveryWrapSchema,
  /** userId → that user's wrap. */
  users: z.record(z.string().max(64), passphraseWrapSchema),
});
export type Keyring = z.infer<typeof keyringSchema>;

function random(n: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(new ArrayBuffer(n)));
}

export function generateDataKey(): Uint8Array {
  return random(DATA_KEY_BYTES);
}

async function aesKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', own(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function seal(kek: Uint8Array, dataKey: Uint8Array): Promise<{ iv: string; wrapped: string }> {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('a data key is 32 bytes');
  const iv = random(12);
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: WRAP_AAD }, await aesKey(kek), own(dataKey));
  return { iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) };
}

/** The data key, or null when the key-encryption key is wrong (GCM's tag does not verify). */
async function open(kek: Uint8Array, wrap: { iv: string; wrapped: string }): Promise<Uint8Array | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(wrap.iv)!, additionalData: WRAP_AAD },
      await aesKey(kek),
      fromBase64(wrap.wrapped)!,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

async function recoveryKek(recoveryKey: string, salt: Uint8Array): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey('raw', utf8(recoveryKey), 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: own(salt), info: RECOVERY_INFO }, ikm, 256));
}

export async function wrapWithPassphrase(dataKey: Uint8Array, passphrase: string): Promise<PassphraseWrap> {
  const salt = random(16);
  const kek = await deriveFromPassphrase(passphrase, salt);
  const kdf = { name: ARGON2ID.name, memoryKiB: ARGON2ID.memoryKiB, iterations: ARGON2ID.iterations, parallelism: ARGON2ID.parallelism };
  return { v: 1, kdf, salt: toBase64(salt), ...(await seal(kek, dataKey)) };
}

/**
 * The data key from one user's wrap, or null for a wrong passphrase. A wrap that states other KDF
 * parameters (or is malformed) is refused by its schema before any key is derived.
 */
export async function unwrapWithPassphrase(wrap: unknown, passphrase: string): Promise<Uint8Array | null> {
  const parsed = passphraseWrapSchema.safeParse(wrap);
  if (!parsed.success) throw new KeyringError('badWrap');
  if (!passphrase) return null; // no passphrase opens nothing (and Argon2id refuses an empty one)
  const kek = await deriveFromPassphrase(passphrase, fromBase64(parsed.data.salt)!);
  return open(kek, parsed.data);
}

export async function wrapWithRecoveryKey(dataKey: Uint8Array, recoveryKey: string): Promise<RecoveryWrap> {
  const parsed = parseRecoveryKey(recoveryKey);
  if (!parsed.ok) throw new KeyringError('badRecoveryKey');
  const salt = random(16);
  return { v: 1, kdf: { name: 'hkdf-sha256' }, salt: toBase64(salt), ...(await seal(await recoveryKek(parsed.key, salt), dataKey)) };
}

/** The data key from the recovery wrap, or null when the typed key is malformed or not this one. */
export async function unwrapWithRecoveryKey(wrap: unknown, typedRecoveryKey: string): Promise<Uint8Array | null> {
  const parsedWrap = recoveryWrapSchema.safeParse(wrap);
  if (!parsedWrap.success) throw new KeyringError('badWrap');
  const parsed = parseRecoveryKey(typedRecoveryKey);
  if (!parsed.ok) return null;
  return open(await recoveryKek(parsed.key, fromBase64(parsedWrap.data.salt)!), parsedWrap.data);
}

export type KeyringErrorCode = 'badWrap' | 'badRecoveryKey' | 'noWrap';
export class KeyringError extends Error {
  constructor(readonly code: KeyringErrorCode) {
    super(`keyring ${code}`);
    this.name = 'KeyringError';
  }
}

/**
 * A new keyring for a new installation: a fresh data key, wrapped for the first user by her
 * passphrase and by a fresh recovery key (to be shown once, on the recovery sheet). A store whose
 * data are already sealed with a key held now keeps that key (`dataKey`): a new one would not open them.
 */
export async function createKeyring(
  firstUserId: string,
  passphrase: string,
  recoveryKey: string,
  dataKey: Uint8Array = generateDataKey(),
): Promise<{ keyring: Keyring; dataKey: Uint8Array }> {
  const [userWrap, recovery] = await Promise.all([wrapWithPassphrase(dataKey, passphrase), wrapWithRecoveryKey(dataKey, recoveryKey)]);
  return { keyring: { recovery, users: { [firstUserId]: userWrap } }, dataKey };
}

/** The keyring with a wrap for this user (a new user, or a new passphrase: either way, by one who holds the data key). */
export async function addUserWrap(keyring: Keyring, userId: string, dataKey: Uint8Array, passphrase: string): Promise<Keyring> {
  return { ...keyring, users: { ...keyring.users, [userId]: await wrapWithPassphrase(dataKey, passphrase) } };
}

/**
 * A user changes her own passphrase: the old one must open her wrap (so a session left open
 * cannot be used to change it), then the same data key is wrapped by the new one.
 */
export async function rewrapUser(
  keyring: Keyring,
  userId: string,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<{ keyring: Keyring; dataKey: Uint8Array } | null> {
  const wrap = keyring.users[userId];
  if (!wrap) throw new KeyringError('noWrap');
  const dataKey = await unwrapWithPassphrase(wrap, oldPassphrase);
  if (!dataKey) return null;
  return { keyring: await addUserWrap(keyring, userId, dataKey, newPassphrase), dataKey };
}

export function removeUserWrap(keyring: Keyring, userId: string): Keyring {
  const users = { ...keyring.users };
  delete users[userId];
  return { ...keyring, users };
}

/** The data key from whichever of these users' wraps the passphrase opens (a backup asks for "a coordinator's passphrase"). */
export async function unwrapWithAnyPassphrase(keyring: Keyring, passphrase: string): Promise<{ userId: string; dataKey: Uint8Array } | null> {
  for (const [userId, wrap] of Object.entries(keyring.users)) {
    const dataKey = await unwrapWithPassphrase(wrap, passphrase);
    if (dataKey) return { userId, dataKey };
  }
  return null;
}
