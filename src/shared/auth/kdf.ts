import { utf8 } from '../crypto/bytes';

/**
 * Argon2id with parameters fixed in code: 64 MiB, 3 passes, 1 lane, 32-byte output (OWASP's first
 * recommended setting). Files and stored wraps state them, and anything else is refused before
 * any work is done, so a crafted file cannot ask for gigabytes or hours.
 */
export const ARGON2ID = { name: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1, hashLength: 32 } as const;
export type Argon2idParams = typeof ARGON2ID;

/** Turns a passphrase and salt into 32 key bytes; the renderer runs it in a Web Worker. */
export type Argon2idRunner = (passphrase: Uint8Array, salt: Uint8Array, params: Argon2idParams) => Promise<Uint8Array>;

/**
 * Runs hash-wasm's Argon2id right here (Node, tests; the renderer's KDF worker imports argon2id.ts
 * itself). Loaded on first use: the renderer's page installs its worker runner and never loads it.
 */
export const argon2idHere: Argon2idRunner = async (passphrase, salt, params) => (await import('./argon2id')).argon2idBytes(passphrase, salt, params);

let runner: Argon2idRunner = argon2idHere;

/**
 * Where Argon2id runs. The renderer's page may not compile WebAssembly (its CSP has no
 * 'wasm-unsafe-eval'), so it installs a runner that posts the work to its KDF worker.
 */
export function setArgon2idRunner(next: Argon2idRunner): void {
  runner = next;
}

/** The passphrase as typed, in one Unicode form (a "č" typed two ways is one passphrase). */
export function passphraseBytes(passphrase: string): Uint8Array {
  return utf8(passphrase.normalize('NFC'));
}

export async function deriveFromPassphrase(passphrase: string, salt: Uint8Array): Promise<Uint8Array> {
  return runner(passphraseBytes(passphrase), salt, ARGON2ID);
}
