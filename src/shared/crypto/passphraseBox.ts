import { concat, own, randomBytes, startsWith, utf8, equalBytes, type Bytes } from './bytes';
import { CryptoError } from './errors';

/**
 * The passphrase container ("MRZP"): PBKDF2-HMAC-SHA256 → AES-256-GCM. Byte layout (all
 * integers big-endian), documented in docs/bundle-format.md:
 *
 *   0  4  magic "MRZP"             8  4  PBKDF2 iterations
 *   4  1  version (1)             12 16  salt
 *   5  1  content type            28 12  AES-GCM iv
 *   6  1  kdf (1 = PBKDF2-SHA256) 40 16  passphrase check (PBKDF2 bits 256..383)
 *   7  1  reserved (0)            56  …  AES-256-GCM ciphertext ‖ 16-byte tag
 *
 * The 56 header bytes are the GCM additional data, so no header byte can change unnoticed.
 * The check value tells a wrong passphrase apart from a damaged file.
 */
export const PASSPHRASE_MAGIC = utf8('MRZP');
export const PASSPHRASE_BOX_VERSION = 1;
/** OWASP's 2023+ recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
export const MIN_ITERATIONS = 100_000;
/**
 * The most a file may ask for. A file states its own cost, so without a bound a crafted one asking
 * for 10 million rounds (or 2^32) would keep the computer busy for minutes; this leaves room to
 * raise the default more than threefold.
 */
export const MAX_ITERATIONS = 2_000_000;
const HEADER = 56;

export const CONTENT_TYPES = { invitation: 1, bundle: 2, mentorPack: 3, keyFile: 4, mentorLogs: 5 } as const;
export type ContentType = keyof typeof CONTENT_TYPES;

const MiB = 1024 * 1024;
/**
 * The largest container of each kind a reader opens. An invitation or a key file is a few
 * kilobytes; a mentor pack unpacks to at most 64 MiB (mentorPack/format.ts), so its compressed
 * form is smaller. Bundles are bounded where they are read (bundle/read.ts).
 */
export const MAX_SEALED_BYTES: Partial<Record<ContentType, number>> = { invitation: MiB, keyFile: MiB, mentorPack: 80 * MiB };

/** Megabytes for a message, rounded up so a file just over the bound never reads as equal to it. */
const mb = (bytes: number) => Math.ceil(bytes / MiB);

async function derive(passphrase: string, salt: Bytes, iterations: number): Promise<{ key: CryptoKey; check: Bytes }> {
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 384));
  const key = await crypto.subtle.importKey('raw', own(bits.subarray(0, 32)), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { key, check: own(bits.subarray(32, 48)) };
}

export async function sealWithPassphrase(plaintext: Uint8Array, passphrase: string, type: ContentType, opts: { iterations?: number } = {}): Promise<Bytes> {
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) throw new RangeError('iterations out of range');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await derive(passphrase, salt, iterations);
  const head = new Uint8Array(new ArrayBuffer(HEADER));
  head.set(PASSPHRASE_MAGIC, 0);
  head[4] = PASSPHRASE_BOX_VERSION;
  head[5] = CONTENT_TYPES[type];
  head[6] = 1;
  new DataView(head.buffer).setUint32(8, iterations);
  head.set(salt, 12);
  head.set(iv, 28);
  head.set(check, 40);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: head }, key, own(plaintext)));
  return concat(head, ct);
}

/** The content type byte of a passphrase container, or null when these bytes are not one. */
export function passphraseBoxType(bytes: Uint8Array): ContentType | null {
  if (!startsWith(bytes, PASSPHRASE_MAGIC) || bytes.length < 6) return null;
  return (Object.keys(CONTENT_TYPES) as ContentType[]).find((k) => CONTENT_TYPES[k] === bytes[5]) ?? null;
}

export function isPassphraseBox(bytes: Uint8Array): boolean {
  return startsWith(bytes, PASSPHRASE_MAGIC);
}

/**
 * Opens a container of `type`. Everything the file states about the work it needs (its size, its
 * KDF rounds) is checked before a key is derived: 'tooLarge' and 'tooCostly' come at once.
 */
export async function openWithPassphrase(bytes: Uint8Array, passphrase: string, type: ContentType): Promise<Bytes> {
  if (!startsWith(bytes, PASSPHRASE_MAGIC)) throw new CryptoError('notAContainer');
  const maxBytes = MAX_SEALED_BYTES[type];
  if (maxBytes !== undefined && bytes.length > maxBytes) throw new CryptoError('tooLarge', { foundMb: mb(bytes.length), maxMb: mb(maxBytes) });
  if (bytes.length < 5) throw new CryptoError('damaged');
  if (bytes[4]! > PASSPHRASE_BOX_VERSION) throw new CryptoError('newerFormat', { found: bytes[4]! });
  if (bytes[4] !== PASSPHRASE_BOX_VERSION || bytes.length < HEADER + 16) throw new CryptoError('damaged');
  if (bytes[5] !== CONTENT_TYPES[type]) throw new CryptoError('notAContainer', { contentType: bytes[5]! });
  if (bytes[6] !== 1 || bytes[7] !== 0) throw new CryptoError('damaged');
  const head = own(bytes.subarray(0, HEADER));
  const iterations = new DataView(head.buffer).getUint32(8);
  if (iterations > MAX_ITERATIONS) throw new CryptoError('tooCostly', { found: iterations, max: MAX_ITERATIONS });
  if (iterations < MIN_ITERATIONS) throw new CryptoError('damaged');
  const { key, check } = await derive(passphrase, own(head.subarray(12, 28)), iterations);
  if (!equalBytes(check, head.subarray(40, 56))) throw new CryptoError('wrongPassphrase');
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: own(head.subarray(28, 40)), additionalData: head }, key, own(bytes.subarray(HEADER))),
    );
  } catch {
    throw new CryptoError('damaged');
  }
}
