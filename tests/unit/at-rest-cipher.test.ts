import { describe, expect, it } from 'vitest';
import { gcm } from '@noble/ciphers/aes.js';
import { AtRestCipher, AtRestTamperedError } from '@shared/crypto/atRestCipher';

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('the at-rest cipher is standard AES-256-GCM', () => {
  it('matches the NIST/McGrew–Viega test case 16 (AES-256, 96-bit IV, AAD)', () => {
    // The GCM specification's test case 16: we check the tag and ciphertext via open (which
    // authenticates) of nonce ‖ ciphertext ‖ tag.
    const key = hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
    const iv = hex('cafebabefacedbaddecaf888');
    const pt = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39');
    const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const ct = hex('522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662');
    const tag = hex('76fc6ece0f4e1768cddf8853bb2d551b');
    const cipher = new AtRestCipher(key);
    expect(toHex(cipher.open(Uint8Array.from([...iv, ...ct, ...tag]), aad))).toBe(toHex(pt));
  });

  it('agrees with WebCrypto both ways (and with @noble/ciphers gcm called directly), for every length 0–100 and a long value', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const cipher = new AtRestCipher(key);
    const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const lengths = [...Array.from({ length: 101 }, (_, i) => i), 5000, 70_001];
    for (const n of lengths) {
      const pt = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      const aad = new TextEncoder().encode(`people\u0000${n}`);
      const sealed = cipher.seal(pt, aad);
      const nonce = sealed.subarray(0, 12);
      expect(toHex(sealed.subarray(12))).toBe(toHex(gcm(key, nonce, aad).encrypt(pt)));
      expect(toHex(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, webKey, sealed.subarray(12))))).toBe(
        toHex(pt),
      );
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const web = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, webKey, pt));
      expect(toHex(cipher.open(Uint8Array.from([...iv, ...web]), aad))).toBe(toHex(pt));
    }
  });

  it('refuses a changed byte, another key, another place (AAD) and a truncated value', () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const cipher = new AtRestCipher(key);
    const aad = new TextEncoder().encode('people\u0000a');
    const sealed = cipher.seal(new TextEncoder().encode('{"firstName":"Marija"}'), aad);
    for (let i = 0; i < sealed.length; i++) {
      const bad = sealed.slice();
      bad[i]! ^= 1;
      expect(() => cipher.open(bad, aad)).toThrow(AtRestTamperedError);
    }
    expect(() => new AtRestCipher(crypto.getRandomValues(new Uint8Array(32))).open(sealed, aad)).toThrow(AtRestTamperedError);
    expect(() => cipher.open(sealed, new TextEncoder().encode('people\u0000b'))).toThrow(AtRestTamperedError);
    expect(() => cipher.open(sealed.subarray(0, 20), aad)).toThrow(AtRestTamperedError);
  });

  it('uses a fresh nonce every time and refuses keys that are not 32 bytes', () => {
    const cipher = new AtRestCipher(new Uint8Array(32).fill(7));
    const pt = new TextEncoder().encode('same');
    const nonces = new Set(Array.from({ length: 1000 }, () => toHex(cipher.seal(pt).subarray(0, 12))));
    expect(nonces.size).toBe(1000);
    expect(() => new AtRestCipher(new Uint8Array(16))).toThrow(TypeError);
  });

  it('once disposed (locked), opens nothing it sealed before', () => {
    const cipher = new AtRestCipher(crypto.getRandomValues(new Uint8Array(32)));
    const sealed = cipher.seal(new TextEncoder().encode('{"lastName":"Horvat"}'));
    cipher.dispose();
    expect(() => cipher.open(sealed)).toThrow(AtRestTamperedError);
  });
});
