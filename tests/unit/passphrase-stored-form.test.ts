/** Stored passphrase hashes are read with the one strict base64 reader (issue 14, src/shared/crypto/bytes.ts). */
import { describe, expect, it } from 'vitest';
import { hashPassphrase, verifyPassphrase } from '@shared/auth/passphrase';
import { fromBase64 } from '@shared/crypto';

describe('a stored passphrase hash', () => {
  it('is canonical base64 and verifies', async () => {
    const stored = await hashPassphrase('Zelena livada 2026!');
    expect(fromBase64(stored.passHash)).toHaveLength(32);
    expect(fromBase64(stored.passSalt)).toHaveLength(16);
    expect(await verifyPassphrase('Zelena livada 2026!', stored)).toBe(true);
  });

  it('that is not base64 matches no passphrase (and throws nothing)', async () => {
    const stored = await hashPassphrase('Zelena livada 2026!');
    expect(await verifyPassphrase('Zelena livada 2026!', { ...stored, passSalt: 'not base64!' })).toBe(false);
    expect(await verifyPassphrase('Zelena livada 2026!', { ...stored, passHash: '%%%%' })).toBe(false);
  });
});
