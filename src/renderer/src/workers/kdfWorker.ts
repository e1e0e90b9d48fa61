/// <reference lib="webworker" />
import { argon2idBytes } from '@shared/auth/argon2id';
import type { Argon2idParams } from '@shared/auth/kdf';

/**
 * Argon2id off the page: the page's CSP forbids compiling WebAssembly, and main serves this one
 * script with a CSP that allows it (src/main/protocol.ts, KDF_WORKER_CSP). One derivation per
 * worker: the caller terminates it afterwards, so the 64 MiB that held the passphrase go too.
 */
export interface KdfRequest {
  passphrase: Uint8Array;
  salt: Uint8Array;
  params: Argon2idParams;
}
export type KdfResponse = { key: Uint8Array } | { error: string };

self.onmessage = async (e: MessageEvent<KdfRequest>) => {
  try {
    const key = await argon2idBytes(e.data.passphrase, e.data.salt, e.data.params);
    self.postMessage({ key } satisfies KdfResponse);
  } catch (error) {
    self.postMessage({ error: String(error) } satisfies KdfResponse);
  }
};
