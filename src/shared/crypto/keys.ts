import { concat, fromBase64, own, sha256, toBase64, utf8, type Bytes } from './bytes';
import { CryptoError } from './errors';

/**
 * An organisation's key pairs: Ed25519 signs its bundles, X25519 (ECDH) receives bundles
 * encrypted to it. WebCrypto only, so this runs the same in the renderer and in Node.
 */
export interface PublicKeys {
  /** Ed25519 public key, raw 32 bytes, standard base64. */
  sign: string;
  /** X25519 public key, raw 32 bytes, standard base64. */
  encrypt: string;
}

export interface OrgKeys {
  sign: CryptoKeyPair;
  encrypt: CryptoKeyPair;
  publicKeys: PublicKeys;
}

/** How an organisation's keys are stored (settings row, or the lead's key file for the CLI). */
export interface StoredOrgKeys {
  format: 'mreza-keys';
  version: 1;
  publicKeys: PublicKeys;
  signPrivate: JsonWebKey;
  encryptPrivate: JsonWebKey;
}

const ED25519 = { name: 'Ed25519' } as const;
const X25519 = { name: 'X25519' } as const;

export async function generateOrgKeys(): Promise<OrgKeys> {
  const sign = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const encrypt = (await crypto.subtle.generateKey(X25519, true, ['deriveBits'])) as CryptoKeyPair;
  return { sign, encrypt, publicKeys: await publicKeysOf(sign.publicKey, encrypt.publicKey) };
}

async function publicKeysOf(sign: CryptoKey, encrypt: CryptoKey): Promise<PublicKeys> {
  return {
    sign: toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', sign))),
    encrypt: toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', encrypt))),
  };
}

export async function exportOrgKeys(keys: OrgKeys): Promise<StoredOrgKeys> {
  return {
    format: 'mreza-keys',
    version: 1,
    publicKeys: keys.publicKeys,
    signPrivate: await crypto.subtle.exportKey('jwk', keys.sign.privateKey),
    encryptPrivate: await crypto.subtle.exportKey('jwk', keys.encrypt.privateKey),
  };
}

/** Reads stored keys back; throws CryptoError('invalidKey') for anything malformed or mismatched. */
export async function importOrgKeys(stored: unknown): Promise<OrgKeys> {
  const s = stored as Partial<StoredOrgKeys> | null;
  if (!s || typeof s !== 'object' || s.format !== 'mreza-keys' || s.version !== 1 || !s.publicKeys || !s.signPrivate || !s.encryptPrivate) {
    throw new CryptoError('invalidKey');
  }
  try {
    const pub = await importPublicKeys(s.publicKeys);
    const signPrivate = await crypto.subtle.importKey('jwk', s.signPrivate, ED25519, true, ['sign']);
    const encryptPrivate = await crypto.subtle.importKey('jwk', s.encryptPrivate, X25519, true, ['deriveBits']);
    // The JWK private keys carry their public half (x); it must be the stated public key.
    if (s.signPrivate.x !== toBase64Url(s.publicKeys.sign) || s.encryptPrivate.x !== toBase64Url(s.publicKeys.encrypt)) throw new CryptoError('invalidKey');
    return {
      sign: { privateKey: signPrivate, publicKey: pub.sign },
      encrypt: { privateKey: encryptPrivate, publicKey: pub.encrypt },
      publicKeys: { sign: s.publicKeys.sign, encrypt: s.publicKeys.encrypt },
    };
  } catch (e) {
    if (e instanceof CryptoError) throw e;
    throw new CryptoError('invalidKey');
  }
}
/** The keys that open bundles sent to an organisation, and nothing more (no signing key). */
export type DecryptionKeys = Pick<OrgKeys, 'encrypt' | 'publicKeys'>;

/**
 * Imports an organisation's public keys with its X25519 private key alone (the lead's key file
 * for the command line): CryptoError('invalidKey') when malformed or not the stated key.
 */
export async function importDecryptionKeys(publicKeys: PublicKeys, encryptPrivate: JsonWebKey): Promise<DecryptionKeys> {
  try {
    const pub = await importPublicKeys(publicKeys);
    if (encryptPrivate.x !== toBase64Url(publicKeys.encrypt)) throw new CryptoError('invalidKey');
    const privateKey = await crypto.subtle.importKey('jwk', encryptPrivate, X25519, false, ['deriveBits']);
    return { encrypt: { privateKey, publicKey: pub.encrypt }, publicKeys: { sign: publicKeys.sign, encrypt: publicKeys.encrypt } };
  } catch (e) {
    if (e instanceof CryptoError) throw e;
    throw new CryptoError('invalidKey');
  }
}

function toBase64Url(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The raw 32-byte keys of a PublicKeys, or CryptoError('invalidKey'). */
export function rawPublicKeys(pk: PublicKeys): { sign: Bytes; encrypt: Bytes } {
  const sign = typeof pk?.sign === 'string' ? fromBase64(pk.sign) : null;
  const encrypt = typeof pk?.encrypt === 'string' ? fromBase64(pk.encrypt) : null;
  if (!sign || sign.length !== 32 || !encrypt || encrypt.length !== 32) throw new CryptoError('invalidKey');
  return { sign, encrypt };
}

export async function importPublicKeys(pk: PublicKeys): Promise<{ sign: CryptoKey; encrypt: CryptoKey }> {
  const raw = rawPublicKeys(pk);
  try {
    return {
      sign: await crypto.subtle.importKey('raw', raw.sign, ED25519, true, ['verify']),
      encrypt: await crypto.subtle.importKey('raw', raw.encrypt, X25519, true, []),
    };
  } catch {
    throw new CryptoError('invalidKey');
  }
}

const FINGERPRINT_CONTEXT = utf8('mreza-fingerprint-v1');

/** SHA-256("mreza-fingerprint-v1" ‖ sign raw ‖ encrypt raw): 32 bytes, as envelope headers carry it. */
export async function fingerprintBytes(pk: PublicKeys): Promise<Bytes> {
  const raw = rawPublicKeys(pk);
  return sha256(concat(FINGERPRINT_CONTEXT, raw.sign, raw.encrypt));
}

/**
 * The fingerprint people read to each other over the phone: eight groups of five digits
 * ("40213 88710 …"). Digits because they are read the same way in every language of the region;
 * each group is one 4-byte slice of the 32-byte fingerprint, big-endian, modulo 100000
 * (8 × ~16.6 bits ≈ 133 bits).
 */
export function formatFingerprint(bytes: Uint8Array): string {
  if (bytes.length !== 32) throw new CryptoError('invalidKey');
  const view = new DataView(own(bytes).buffer);
  const groups: string[] = [];
  for (let i = 0; i < 8; i++) groups.push(String(view.getUint32(i * 4) % 100000).padStart(5, '0'));
  return groups.join(' ');
}

export async function fingerprint(pk: PublicKeys): Promise<string> {
  return formatFingerprint(await fingerprintBytes(pk));
}

export async function signBytes(privateKey: CryptoKey, data: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, own(data)));
}

/** False for a bad signature, a malformed one, or a malformed key; never throws. */
export async function verifyBytes(publicSignKey: string, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    const raw = fromBase64(publicSignKey);
    if (!raw || raw.length !== 32 || signature.length !== 64) return false;
    const key = await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
    return await crypto.subtle.verify(ED25519, key, own(signature), own(data));
  } catch {
    return false;
  }
}
