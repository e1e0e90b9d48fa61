import { z } from 'zod';
import { concat, fromBase64, fromUtf8, own, startsWith, toBase64, utf8 } from '../crypto/bytes';
import { keyringSchema, unwrapWithAnyPassphrase, unwrapWithRecoveryKey, type Keyring } from '../auth/keyring';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, decodeBackup, encodeBackup, type Snapshot } from './format';

/**
 * An encrypted backup (format 2):
 *
 *   "MREZA-BACKUP" (12 bytes) | header length (uint32, big-endian) | header (UTF-8 JSON) | ciphertext
 *
 * The header is readable without any key: it says what the file is and carries a copy of the
 * keyring (the data key wrapped by the passphrases of the users who may restore, and by the
 * recovery key), so the file can be opened on a new computer. The ciphertext is the plain
 * backup (gzip JSON, format.ts) encrypted with the data key (AES-256-GCM); the header bytes are
 * its additional data, so a changed header makes the file refuse to open.
 */
export const SEALED_MAGIC = utf8('MREZA-BACKUP');
/** The header is a few kilobytes; anything larger is not ours, refused before parsing. */
export const MAX_SEALED_HEADER = 256 * 1024;
/** Users whose wraps a header may carry: an NGO office, not a directory service. */
export const MAX_HEADER_WRAPS = 200;

const sealedHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  createdAt: z.string().max(40),
  keyring: keyringSchema.refine((k) => Object.keys(k.users).length <= MAX_HEADER_WRAPS),
  cipher: z.strictObject({ name: z.literal('AES-256-GCM'), iv: z.string().refine((s) => fromBase64(s)?.length === 12) }),
});
export type SealedHeader = z.infer<typeof sealedHeaderSchema>;

export function isSealedBackup(bytes: Uint8Array): boolean {
  return startsWith(bytes, SEALED_MAGIC);
}

/** The plain backup of `snapshot`, encrypted with the data key, with the keyring copy in its header. */
export async function sealBackup(snapshot: Snapshot, dataKey: Uint8Array, keyring: Keyring): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const header: SealedHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: snapshot.schemaVersion,
    createdAt: snapshot.createdAt,
    keyring,
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv) },
  };
  const headerBytes = utf8(JSON.stringify(header));
  const key = await crypto.subtle.importKey('raw', own(dataKey), 'AES-GCM', false, ['encrypt']);
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes }, key, own(encodeBackup(snapshot)));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length);
  return concat(SEALED_MAGIC, length, headerBytes, new Uint8Array(cipher));
}

/** Reads and checks the header only (bounded, KDF parameters exactly the fixed ones); throws BackupError. */
export function readSealedHeader(bytes: Uint8Array): { header: SealedHeader; headerBytes: Uint8Array; cipher: Uint8Array } {
  if (!isSealedBackup(bytes) || bytes.length < SEALED_MAGIC.length + 4) throw new BackupError('notBackup');
  const at = SEALED_MAGIC.length;
  const length = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
  if (length > MAX_SEALED_HEADER || at + 4 + length + 16 > bytes.length) throw new BackupError('notBackup');
  const headerBytes = bytes.subarray(at + 4, at + 4 + length);
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(headerBytes));
  } catch {
    throw new BackupError('notBackup');
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) throw new BackupError('newerFormat');
  const parsed = sealedHeaderSchema.safeParse(json);
  if (!parsed.success) {
    // Wraps that ask for another KDF cost are refused as such, before any key is derived.
    const kdf = parsed.error.issues.some((i) => i.path.includes('kdf'));
    throw new BackupError(kdf ? 'kdfNotAllowed' : 'notBackup');
  }
  return { header: parsed.data, headerBytes, cipher: bytes.subarray(at + 4 + length) };
}

/** Decrypts and fully validates a sealed backup with its data key; a wrong key is `wrongKey`. */
export async function openSealedBackup(bytes: Uint8Array, dataKey: Uint8Array, currentSchemaVersion: number): Promise<Snapshot> {
  const { header, headerBytes, cipher } = readSealedHeader(bytes);
  if (header.schemaVersion > currentSchemaVersion) throw new BackupError('newerSchema', { found: header.schemaVersion, supported: currentSchemaVersion });
  let plain: ArrayBuffer;
  try {
    const key = await crypto.subtle.importKey('raw', own(dataKey), 'AES-GCM', false, ['decrypt']);
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.cipher.iv)!, additionalData: own(headerBytes) }, key, own(cipher));
  } catch {
    throw new BackupError('wrongKey');
  }
  return decodeBackup(new Uint8Array(plain), currentSchemaVersion);
}

/**
 * The data key of a sealed backup from a passphrase (of a user whose wrap the header carries)
 * or its recovery key; null when neither opens it.
 */
export async function unlockSealedBackup(bytes: Uint8Array, secret: { passphrase: string } | { recoveryKey: string }): Promise<Uint8Array | null> {
  const { keyring } = readSealedHeader(bytes).header;
  if ('recoveryKey' in secret) return unwrapWithRecoveryKey(keyring.recovery, secret.recoveryKey);
  return (await unwrapWithAnyPassphrase(keyring, secret.passphrase))?.dataKey ?? null;
}
