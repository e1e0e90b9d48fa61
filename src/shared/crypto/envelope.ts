import { concat, equalBytes, own, startsWith, utf8, type Bytes } from './bytes';
import { CONTENT_TYPES, type ContentType } from './passphraseBox';
import { CryptoError } from './errors';
import { fingerprintBytes, formatFingerprint, rawPublicKeys, type OrgKeys, type PublicKeys } from './keys';

/**
 * Hybrid encryption to an organisation ("MRZE", ECIES-style): a fresh X25519 key pair per file,
 * ECDH with the recipient's X25519 key, HKDF-SHA256 → AES-256-GCM key. Byte layout:
 *
 *   0  4  magic "MRZE"            8 32  recipient fingerprint (fingerprintBytes of its keys)
 *   4  1  version (1)            40 32  ephemeral X25519 public key (raw)
 *   5  1  content type           72 12  AES-GCM iv
 *   6  2  reserved (0, 0)        84  …  AES-256-GCM ciphertext ‖ 16-byte tag
 *
 * HKDF: ikm = X25519 shared secret (32 bytes), salt = ephemeral public ‖ recipient X25519 public,
 * info = "mreza-envelope-v1" ‖ content type byte, 256 bits. GCM additional data = the 84 header bytes.
 */
export const ENVELOPE_MAGIC = utf8('MRZE');
export const ENVELOPE_VERSION = 1;
const HEADER = 84;

async function aesKey(shared: Bytes, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, type: number): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: concat(ephemeralPublic, recipientPublic), info: concat(utf8('mreza-envelope-v1'), new Uint8Array([type])) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A named constant, not a literal: @types/node takes a fresh `{ name }` for KMAC's parameters and types the result one key, not a pair. */
const X25519_KEYGEN = { name: 'X25519' } as const;

export async function sealToRecipient(plaintext: Uint8Array, recipient: PublicKeys, type: ContentType): Promise<Bytes> {
  const raw = rawPublicKeys(recipient);
  const recipientKey = await crypto.subtle.importKey('raw', raw.encrypt, { name: 'X25519' }, false, []).catch(() => {
    throw new CryptoError('invalidKey');
  });
  const eph = (await crypto.subtle.generateKey(X25519_KEYGEN, true, ['deriveBits'])) as CryptoKeyPair;
  const ephPublic = new Uint8Array(await crypto.subtle.exportKey('raw', eph.publicKey));
  const shared = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: recipientKey }, eph.privateKey, 256));
  const head = new Uint8Array(new ArrayBuffer(HEADER));
  head.set(ENVELOPE_MAGIC, 0);
  head[4] = ENVELOPE_VERSION;
  head[5] = CONTENT_TYPES[type];
  head.set(await fingerprintBytes(recipient), 8);
  head.set(ephPublic, 40);
  const iv = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  head.set(iv, 72);
  const key = await aesKey(shared, ephPublic, raw.encrypt, CONTENT_TYPES[type]);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: head }, key, own(plaintext)));
  return concat(head, ct);
}

export function isEnvelope(bytes: Uint8Array): boolean {
  return startsWith(bytes, ENVELOPE_MAGIC);
}

/** The recipient fingerprint an envelope names, for "this file is for …" messages. */
export function envelopeRecipient(bytes: Uint8Array): string | null {
  return isEnvelope(bytes) && bytes.length >= 40 ? formatFingerprint(bytes.subarray(8, 40)) : null;
}

/**
 * Opens an envelope addressed to `keys`. A header that names another recipient, a newer version or
 * another content type is reported as such only when it is not this very recipient's file with a
 * damaged header: the fingerprint is a hash, so one flipped bit there looks exactly like "for
 * another organisation". In that case the header is rebuilt as it would be for us and tried; if it
 * decrypts (GCM authenticates every other byte), the file was ours and is reported 'damaged'.
 */
export async function openFromRecipient(bytes: Uint8Array, keys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>, type: ContentType): Promise<Bytes> {
  try {
    return await open(bytes, keys, type);
  } catch (e) {
    if (
      e instanceof CryptoError &&
      (e.code === 'wrongRecipient' || e.code === 'newerFormat' || e.code === 'notAContainer') &&
      (await isDamagedEnvelopeFor(bytes, keys, type))
    ) {
      throw new CryptoError('damaged', { part: 'header' });
    }
    throw e;
  }
}

/**
 * True when `bytes` is an envelope for `keys` whose fixed header fields (magic, version, content
 * type, reserved bytes, recipient fingerprint) were damaged: with those fields as they must be,
 * it decrypts. Costs one decryption attempt; used only on the way to an error.
 */
export async function isDamagedEnvelopeFor(bytes: Uint8Array, keys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>, type: ContentType): Promise<boolean> {
  if (bytes.length < HEADER + 16) return false;
  const head = bytes.slice(0, HEADER);
  head.set(ENVELOPE_MAGIC, 0);
  head.set([ENVELOPE_VERSION, CONTENT_TYPES[type], 0, 0], 4);
  head.set(await fingerprintBytes(keys.publicKeys), 8);
  if (equalBytes(head, bytes.subarray(0, HEADER))) return false;
  try {
    await open(concat(head, bytes.subarray(HEADER)), keys, type);
    return true;
  } catch {
    return false;
  }
}

async function open(bytes: Uint8Array, keys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>, type: ContentType): Promise<Bytes> {
  if (!isEnvelope(bytes)) throw new CryptoError('notAContainer');
  if (bytes.length < 5) throw new CryptoError('damaged');
  if (bytes[4]! > ENVELOPE_VERSION) throw new CryptoError('newerFormat', { found: bytes[4]! });
  if (bytes[4] !== ENVELOPE_VERSION || bytes.length < HEADER + 16) throw new CryptoError('damaged');
  if (bytes[5] !== CONTENT_TYPES[type]) throw new CryptoError('notAContainer', { contentType: bytes[5]! });
  if (bytes[6] !== 0 || bytes[7] !== 0) throw new CryptoError('damaged');
  const head = own(bytes.subarray(0, HEADER));
  const mine = await fingerprintBytes(keys.publicKeys);
  if (!equalBytes(mine, head.subarray(8, 40))) {
    throw new CryptoError('wrongRecipient', { recipient: formatFingerprint(head.subarray(8, 40)), mine: formatFingerprint(mine) });
  }
  const ephPublic = own(head.subarray(40, 72));
  let shared: Bytes;
  try {
    const ephKey = await crypto.subtle.importKey('raw', ephPublic, { name: 'X25519' }, false, []);
    shared = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: ephKey }, keys.encrypt.privateKey, 256));
  } catch {
    throw new CryptoError('damaged');
  }
  const key = await aesKey(shared, ephPublic, rawPublicKeys(keys.publicKeys).encrypt, head[5]!);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: own(head.subarray(72, 84)), additionalData: head }, key, own(bytes.subarray(HEADER))),
    );
  } catch {
    throw new CryptoError('damaged');
  }
}
