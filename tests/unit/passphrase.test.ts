import { describe, expect, it } from 'vitest';
import { hashPassphrase, verifyPassphrase } from '@shared/auth/passphrase';

describe('passphrase hashing', () => {
  it('verifies the passphrase it hashed and refuses others', async () => {
    const stored = await hashPassphrase('Zelena livada 2026!');
    expect(await verifyPassphrase('Zelena livada 2026!', stored)).toBe(true);
    expect(await verifyPassphrase('zelena livada 2026!', stored)).toBe(false);
    expect(await verifyPassphrase('Zelena livada 2026', stored)).toBe(false);
    expect(await verifyPassphrase('', stored)).toBe(false);
  });

  it('stores a 256-bit hash with a 128-bit salt, base64, never the passphrase', async () => {
    const stored = await hashPassphrase('tajna');
    expect(atob(stored.passHash)).toHaveLength(32);
    expect(atob(stored.passSalt)).toHaveLength(16);
    expect(JSON.stringify(stored)).not.toContain('tajna');
  });

  it('salts differ, so the same passphrase hashes differently each time', async () => {
    const a = await hashPassphrase('ista lozinka');
    const b = await hashPassphrase('ista lozinka');
    expect(a.passSalt).not.toBe(b.passSalt);
    expect(a.passHash).not.toBe(b.passHash);
    expect(await verifyPassphrase('ista lozinka', a)).toBe(true);
    expect(await verifyPassphrase('ista lozinka', b)).toBe(true);
    // A hash checked against the wrong salt fails.
    expect(await verifyPassphrase('ista lozinka', { passHash: a.passHash, passSalt: b.passSalt })).toBe(false);
  });

  it('treats NFC and NFD spellings of the same letters as the same passphrase', async () => {
    const nfc = 'Čačak šljive'.normalize('NFC');
    const nfd = 'Čačak šljive'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(await verifyPassphrase(nfd, await hashPassphrase(nfc))).toBe(true);
    expect(await verifyPassphrase(nfc, await hashPassphrase(nfd))).toBe(true);
    expect(await verifyPassphrase('Cacak sljive', await hashPassphrase(nfc))).toBe(false);
  });

  it('a user without a stored passphrase passes; a tampered hash fails', async () => {
    expect(await verifyPassphrase('anything', {})).toBe(true);
    const stored = await hashPassphrase('tajna');
    const bytes = Uint8Array.from(atob(stored.passHash), (c) => c.charCodeAt(0));
    bytes[0] = (bytes[0]! ^ 1) & 0xff;
    const tampered = btoa(String.fromCharCode(...bytes));
    expect(await verifyPassphrase('tajna', { ...stored, passHash: tampered })).toBe(false);
    expect(await verifyPassphrase('tajna', { ...stored, passHash: stored.passHash.slice(0, 20) })).toBe(false);
  });
});
