import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256, synchronous (@noble/hashes). The audit chain hashes each entry inside the IndexedDB
 * transaction that writes it, and WebCrypto's digest is asynchronous: awaiting it would let the
 * transaction commit half-way. tests/unit/sha256.test.ts checks it against WebCrypto.
 */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

export function sha256Hex(data: Uint8Array): string {
  return bytesToHex(nobleSha256(data));
}
