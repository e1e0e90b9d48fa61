import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@shared/crypto/sha256';

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('sha256 (synchronous, for the audit chain)', () => {
  it('known vectors', () => {
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with WebCrypto on any input, across block boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(sha256Hex(bytes)).toBe(hex(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))));
      }),
      { numRuns: 300 },
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120, 128, 1000]) {
      const bytes = new Uint8Array(n).map((_, i) => i * 7);
      expect(sha256Hex(bytes), String(n)).toBe(hex(await crypto.subtle.digest('SHA-256', bytes)));
    }
  });
});
