// WebCrypto's type names as global types for the Node programs (scripts/, run by Node 24, whose
// global `crypto` is WebCrypto). src/shared's crypto code names CryptoKey, CryptoKeyPair and
// JsonWebKey, which lib.dom declares globally but @types/node only under `webcrypto`.
import type { webcrypto } from 'node:crypto';

declare global {
  type CryptoKey = webcrypto.CryptoKey;
  type CryptoKeyPair = webcrypto.CryptoKeyPair;
  type JsonWebKey = webcrypto.JsonWebKey;
}
