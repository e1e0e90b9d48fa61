import { argon2id } from 'hash-wasm';

/**
 * hash-wasm's Argon2id, in a module of its own so that only what needs it bundles it: the
 * renderer's KDF worker imports it, Node loads it on first use (kdf.ts), the page never does.
 */
export function argon2idBytes(
  passphrase: Uint8Array,
  salt: Uint8Array,
  params: { memoryKiB: number; iterations: number; parallelism: number; hashLength: number },
): Promise<Uint8Array> {
  return argon2id({
    password: passphrase,
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: params.hashLength,
    outputType: 'binary',
  });
}
