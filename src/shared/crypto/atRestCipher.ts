import { unsafe } from '@noble/ciphers/aes.js';

/**
 * AES-256-GCM for many small records under one key: the data key of encryption at rest
 * (docs/security.md). Output is standard GCM (NIST SP 800-38D: 96-bit random nonce, 128-bit tag),
 * laid out as nonce ‖ ciphertext ‖ tag, so WebCrypto or any AES-GCM opens it.
 *
 * Why not `gcm()` of @noble/ciphers directly: it expands the key and rebuilds the GHASH tables on
 * every call (about 40 µs per record here), which is 2 s for 50,000 people at unlock. This class
 * does both once per key and keeps the GHASH table in a flat Uint32Array (8-bit windows, the
 * table noble builds for long inputs), so a 150-byte record costs a few µs. It stays synchronous,
 * which the database layer needs for cursors (`modify`, `each`). AES itself is noble's
 * (`unsafe.expandKeyLE` and `unsafe.ctr32`, pinned by package-lock; tests/unit/at-rest-cipher.test.ts
 * checks every result against noble's `gcm` and WebCrypto, so a change there cannot go unnoticed).
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

const POLY = 0xe1;
const swapLE = (n: number) => (((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | ((n >>> 24) & 0xff)) | 0;

/** GHASH multiplication by H as 16 tables of 256 entries (one per input byte), 4 words each. */
function ghashTable(h: Uint8Array): Uint32Array {
  const view = new DataView(h.buffer, h.byteOffset, 16);
  let k0 = view.getUint32(0, false);
  let k1 = view.getUint32(4, false);
  let k2 = view.getUint32(8, false);
  let k3 = view.getUint32(12, false);
  // H·x^i for i = 0..127 (the "doubles" of noble's _polyval.ts), in the word order the lookups use.
  const doubles = new Uint32Array(128 * 4);
  for (let i = 0; i < 128; i++) {
    doubles[i * 4] = swapLE(k0);
    doubles[i * 4 + 1] = swapLE(k1);
    doubles[i * 4 + 2] = swapLE(k2);
    doubles[i * 4 + 3] = swapLE(k3);
    const hiBit = k3 & 1;
    k3 = (k2 << 31) | (k3 >>> 1);
    k2 = (k1 << 31) | (k2 >>> 1);
    k1 = (k0 << 31) | (k1 >>> 1);
    k0 = (k0 >>> 1) ^ ((POLY << 24) & -hiBit);
  }
  const t = new Uint32Array(16 * 256 * 4);
  for (let w = 0; w < 16; w++) {
    for (let b = 0; b < 256; b++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < 8; j++) {
        if (!((b >>> (7 - j)) & 1)) continue;
        const d = (8 * w + j) * 4;
        s0 ^= doubles[d]!;
        s1 ^= doubles[d + 1]!;
        s2 ^= doubles[d + 2]!;
        s3 ^= doubles[d + 3]!;
      }
      const o = (w * 256 + b) * 4;
      t[o] = s0;
      t[o + 1] = s1;
      t[o + 2] = s2;
      t[o + 3] = s3;
    }
  }
  doubles.fill(0);
  return t;
}

const readLE = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24);

export class AtRestCipher {
  #xk: Uint32Array;
  #t: Uint32Array;
  // GHASH state, reused by every call (the class is not re-entrant, and JS runs one call at a time).
  #s = new Int32Array(4);
  #pad = new Uint8Array(16);

  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array) || key.length !== AT_REST_KEY_BYTES) throw new TypeError(`at-rest: the data key must be ${AT_REST_KEY_BYTES} bytes`);
    this.#xk = unsafe.expandKeyLE(key);
    const h = new Uint8Array(16);
    unsafe.ctr32(this.#xk, false, new Uint8Array(16), new Uint8Array(16), h);
    this.#t = ghashTable(h);
    h.fill(0);
  }

  /** Overwrites the expanded key and the tables (locking). The cipher is unusable afterwards. */
  dispose(): void {
    this.#xk.fill(0);
    this.#t.fill(0);
  }

  #block(d: Uint8Array, i: number): void {
    const s = this.#s;
    const t = this.#t;
    s[0] = s[0]! ^ readLE(d, i);
    s[1] = s[1]! ^ readLE(d, i + 4);
    s[2] = s[2]! ^ readLE(d, i + 8);
    s[3] = s[3]! ^ readLE(d, i + 12);
    let o0 = 0;
    let o1 = 0;
    let o2 = 0;
    let o3 = 0;
    for (let k = 0, w = 0; k < 4; k++) {
      const num = s[k]!;
      for (let p = 0; p < 32; p += 8, w++) {
        const e = ((w << 8) | ((num >>> p) & 0xff)) << 2;
        o0 ^= t[e]!;
        o1 ^= t[e + 1]!;
        o2 ^= t[e + 2]!;
        o3 ^= t[e + 3]!;
      }
    }
    s[0] = o0;
    s[1] = o1;
    s[2] = o2;
    s[3] = o3;
  }

  #absorb(d: Uint8Array): void {
    const full = d.length & ~15;
    for (let i = 0; i < full; i += 16) this.#block(d, i);
    if (full < d.length) {
      const pad = this.#pad;
      pad.fill(0);
      pad.set(d.subarray(full));
      this.#block(pad, 0);
    }
  }

  /** GHASH(aad, data) XOR mask, written into `out` (16 bytes). */
  #tag(aad: Uint8Array | undefined, data: Uint8Array, mask: Uint8Array, out: Uint8Array): void {
    this.#s.fill(0);
    if (aad?.length) this.#absorb(aad);
    this.#absorb(data);
    const len = this.#pad;
    const view = new DataView(len.buffer);
    view.setUint32(0, Math.floor(((aad?.length ?? 0) * 8) / 2 ** 32), false);
    view.setUint32(4, ((aad?.length ?? 0) * 8) >>> 0, false);
    view.setUint32(8, Math.floor((data.length * 8) / 2 ** 32), false);
    view.setUint32(12, (data.length * 8) >>> 0, false);
    this.#block(len, 0);
    const s = this.#s;
    for (let i = 0; i < 16; i++) out[i] = ((s[i >> 2]! >>> ((i & 3) * 8)) & 0xff) ^ mask[i]!;
  }

  /** The counter block J0 = nonce ‖ 1, and E_K(J0) (the tag mask); leaves `counter` at J0 + 1. */
  #start(nonce: Uint8Array): { counter: Uint8Array; mask: Uint8Array } {
    const counter = new Uint8Array(16);
    counter.set(nonce);
    counter[15] = 1;
    const mask = unsafe.ctr32(this.#xk, false, counter, new Uint8Array(16));
    return { counter, mask };
  }

  /** Encrypts with a fresh random nonce; `aad` binds the value to where it is stored. */
  seal(plaintext: Uint8Array, aad?: Uint8Array): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(AT_REST_NONCE_BYTES + plaintext.length + AT_REST_TAG_BYTES);
    const nonce = out.subarray(0, AT_REST_NONCE_BYTES);
    crypto.getRandomValues(nonce);
    const { counter, mask } = this.#start(nonce);
    const body = out.subarray(AT_REST_NONCE_BYTES, AT_REST_NONCE_BYTES + plaintext.length);
    if (plaintext.length) unsafe.ctr32(this.#xk, false, counter, aligned(plaintext), body);
    this.#tag(aad, body, mask, out.subarray(AT_REST_NONCE_BYTES + plaintext.length));
    return out;
  }

  /** Checks the tag, then decrypts; throws AtRestTamperedError on any change or another key. */
  open(sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
    if (!(sealed instanceof Uint8Array) || sealed.length < AT_REST_OVERHEAD) throw new AtRestTamperedError();
    const bytes = aligned(sealed);
    const nonce = bytes.subarray(0, AT_REST_NONCE_BYTES);
    const body = bytes.subarray(AT_REST_NONCE_BYTES, bytes.length - AT_REST_TAG_BYTES);
    const given = bytes.subarray(bytes.length - AT_REST_TAG_BYTES);
    const { counter, mask } = this.#start(nonce);
    const tag = new Uint8Array(16);
    this.#tag(aad, body, mask, tag);
    let diff = 0;
    for (let i = 0; i < 16; i++) diff |= tag[i]! ^ given[i]!;
    if (diff !== 0) throw new AtRestTamperedError();
    if (!body.length) return new Uint8Array(0);
    return unsafe.ctr32(this.#xk, false, counter, body);
  }
}

/** noble's CTR reads 32-bit words: its input must start on a 4-byte boundary. */
function aligned(b: Uint8Array): Uint8Array {
  return b.byteOffset % 4 === 0 ? b : b.slice();
}
