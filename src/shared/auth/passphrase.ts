/**
 * Passphrases of the people who work on a shared office PC. Only a salted PBKDF2 hash is
 * stored; WebCrypto is the same in the renderer and in Node, so this stays pure.
 */
import { equalBytes, fromBase64, toBase64 } from '../crypto/bytes';

const ITERATIONS = 200_000;

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassphrase(passphrase: string): Promise<{ passHash: string; passSalt: string }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { passHash: toBase64(await derive(passphrase, salt)), passSalt: toBase64(salt) };
}

export async function verifyPassphrase(passphrase: string, stored: { passHash?: string; passSalt?: string }): Promise<boolean> {
  if (!stored.passHash || !stored.passSalt) return true; // no passphrase set for this user
  const salt = fromBase64(stored.passSalt);
  const expected = fromBase64(stored.passHash);
  // A stored value that is not base64 matches no passphrase.
  if (!salt || !expected) return false;
  return equalBytes(await derive(passphrase, salt), expected);
}
