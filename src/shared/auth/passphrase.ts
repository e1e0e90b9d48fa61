/**
 * Passphrases of the people who work on a shared office PC. Only a salted PBKDF2 hash is
 * stored; WebCrypto is the same in the renderer and in Node, so this stays pure.
 */
const ITERATIONS = 200_000;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

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
  const actual = await derive(passphrase, fromBase64(stored.passSalt));
  const expected = fromBase64(stored.passHash);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
