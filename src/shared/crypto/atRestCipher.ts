import { gcm } from '@noble/ciphers/aes.js';

/**
 * AES-256-GCM for many small records under one key: the data key of encryption at rest
 * (docs/security.md). Standard GCM (NIST SP 800-38D: 96-bit random nonce, 128-bit tag) from
 * @noble/ciphers (audited, pinned by package-lock), laid out as nonce ‖ ciphertext ‖ tag, so
 * WebCrypto or any AES-GCM opens it. Synchronous, which the database layer needs for cursors
 * (`modify`, `each`); unlock opens the people in one batch with WebCrypto instead (db/atRest.ts).
 */
export const AT_REST_KEY_BYTES = 32;
export const AT_REST_NONCE_BYTES = 12;
export const AT_REST_TAG_BYTES = 16;
/** Bytes a sealed value adds to its plaintext. */
export const AT_REST_OVERHEAD = AT_REST_NONCE_BYTES + AT_REST_TAG_BYTES;

/** The authentication tag did not match: the bytes were changed, or another key sealed them. */
export class AtRestTamperedError extends Error {
  constructor() {
    super('at-rest: sealed value failed authentication');
    this.name = 'AtRestTamperedError';
  }
}

export class AtRestCipher {
  #key: Uint8Array;

  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array) || key.length !== AT_REST_KEY_BYTES) throw new TypeError(`at-rest: the data key must be ${AT_REST_KEY_BYTES} bytes`);
    // A copy of its own, so locking (dispose) can overwrite it whoever else holds the caller's array.
    this.#key = key.slice();
  }

  /** Overwrites the key (locking). The cipher opens nothing afterwards. */
  dispose(): void {
    this.#key.fill(0);
  }

  /** Encrypts with a fresh random nonce; `aad` binds the value to where it is stored. */
  seal(plaintext: Uint8Array, aad?: Uint8Array): Uint8Array<ArrayBuffer> {
    const nonce = crypto.getRandomValues(new Uint8Array(AT_REST_NONCE_BYTES));
    const body = gcm(this.#key, nonce, aad).encrypt(plaintext);
    const out = new Uint8Array(AT_REST_NONCE_BYTES + body.length);
    out.set(nonce);
    out.set(body, AT_REST_NONCE_BYTES);
    return out;
  }

  /** Checks the tag, then decrypts; throws AtRestTamperedError on any change or another key. */
  open(sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
    if (!(sealed instanceof Uint8Array) || sealed.length < AT_REST_OVERHEAD) throw new AtRestTamperedError();
    try {
      return gcm(this.#key, sealed.subarray(0, AT_REST_NONCE_BYTES), aad).decrypt(sealed.subarray(AT_REST_NONCE_BYTES));
    } catch {
      throw new AtRestTamperedError();
    }
  }
}
