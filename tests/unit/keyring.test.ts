import { describe, expect, it } from 'vitest';
import {
  addUserWrap,
  createKeyring,
  passphraseWrapSchema,
  removeUserWrap,
  rewrapUser,
  unwrapWithAnyPassphrase,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapWithPassphrase,
  KeyringError,
} from '@shared/auth/keyring';
import { ARGON2ID, setArgon2idRunner, argon2idHere, type Argon2idRunner } from '@shared/auth/kdf';
import { generateRecoveryKey } from '@shared/auth/recoveryKey';

const ANA = 'Zelena livada uz Dravu 2026';
const IVA = 'brod kiša Mura tiho';

// Argon2id at 64 MiB is slow on purpose; a busy test machine makes it slower still.
describe('keyring: the data key wrapped by each passphrase and by the recovery key', { timeout: 120_000 }, () => {
  it('the first user and the recovery key both open the same data key; wrong ones open nothing', async () => {
    const recoveryKey = generateRecoveryKey();
    const { keyring, dataKey } = await createKeyring('ana', ANA, recoveryKey);
    expect(dataKey).toHaveLength(32);
    expect(await unwrapWithPassphrase(keyring.users.ana, ANA)).toEqual(dataKey);
    expect(await unwrapWithRecoveryKey(keyring.recovery, recoveryKey)).toEqual(dataKey);
    // Typed as people type it: lower case, spaces, O for 0.
    expect(await unwrapWithRecoveryKey(keyring.recovery, recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o'))).toEqual(dataKey);
    expect(await unwrapWithPassphrase(keyring.users.ana, 'zelena livada uz Dravu 2026')).toBeNull();
    expect(await unwrapWithPassphrase(keyring.users.ana, '')).toBeNull();
    expect(await unwrapWithRecoveryKey(keyring.recovery, generateRecoveryKey())).toBeNull();
    // Nothing stored reveals the passphrase or the key.
    const stored = JSON.stringify(keyring);
    expect(stored).not.toContain('Zelena');
    expect(stored).not.toContain(recoveryKey.slice(0, 9));
    expect(stored).not.toContain(Buffer.from(dataKey).toString('base64'));
  });

  it('adds, rewraps and removes users without changing the data key', async () => {
    const { keyring, dataKey } = await createKeyring('ana', ANA, generateRecoveryKey());
    const withIva = await addUserWrap(keyring, 'iva', dataKey, IVA);
    expect(await unwrapWithPassphrase(withIva.users.iva, IVA)).toEqual(dataKey);
    expect(await unwrapWithAnyPassphrase(withIva, IVA)).toEqual({ userId: 'iva', dataKey });

    expect(await rewrapUser(withIva, 'iva', 'not hers at all', 'nova lozinka za Ivu 7')).toBeNull();
    const changed = await rewrapUser(withIva, 'iva', IVA, 'nova lozinka za Ivu 7');
    expect(changed?.dataKey).toEqual(dataKey);
    expect(await unwrapWithPassphrase(changed!.keyring.users.iva, IVA)).toBeNull();
    expect(await unwrapWithPassphrase(changed!.keyring.users.iva, 'nova lozinka za Ivu 7')).toEqual(dataKey);
    await expect(rewrapUser(withIva, 'nobody', IVA, 'x')).rejects.toBeInstanceOf(KeyringError);

    const without = removeUserWrap(changed!.keyring, 'iva');
    expect(without.users.iva).toBeUndefined();
    expect(await unwrapWithAnyPassphrase(without, 'nova lozinka za Ivu 7')).toBeNull();
  });

  it('each wrap has its own salt, and states the Argon2id parameters fixed in code', async () => {
    const key = new Uint8Array(32).fill(7);
    const [a, b] = [await wrapWithPassphrase(key, ANA), await wrapWithPassphrase(key, ANA)];
    expect(a.salt).not.toBe(b.salt);
    expect(a.wrapped).not.toBe(b.wrapped);
    expect(a.kdf).toEqual({ name: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 });
    expect(ARGON2ID).toMatchObject({ memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 });
  });

  it('a wrap asking for other KDF parameters is refused before any key is derived', async () => {
    const wrap = await wrapWithPassphrase(new Uint8Array(32), ANA);
    let calls = 0;
    const counting: Argon2idRunner = async (...args) => {
      calls++;
      return argon2idHere(...args);
    };
    setArgon2idRunner(counting);
    try {
      for (const kdf of [
        { ...wrap.kdf, memoryKiB: 4 * 1024 * 1024 }, // 4 GiB
        { ...wrap.kdf, iterations: 1_000_000 },
        { ...wrap.kdf, parallelism: 64 },
        { ...wrap.kdf, memoryKiB: 8 }, // cheap: makes guessing easy
        { ...wrap.kdf, name: 'pbkdf2' },
      ]) {
        const started = performance.now();
        await expect(unwrapWithPassphrase({ ...wrap, kdf }, ANA)).rejects.toMatchObject({ code: 'badWrap' });
        expect(performance.now() - started).toBeLessThan(250);
      }
      expect(calls).toBe(0);
      expect(passphraseWrapSchema.safeParse({ ...wrap, salt: 'AAAA' }).success).toBe(false);
      expect(await unwrapWithPassphrase(wrap, ANA)).not.toBeNull();
      expect(calls).toBe(1);
    } finally {
      setArgon2idRunner(argon2idHere);
    }
  });

  it('the same passphrase typed with decomposed accents opens the wrap (NFC)', async () => {
    const key = new Uint8Array(32).fill(1);
    const wrap = await wrapWithPassphrase(key, 'kišobran na Dravi 1991');
    expect(await unwrapWithPassphrase(wrap, 'kišobran na Dravi 1991'.normalize('NFD'))).toEqual(key);
  });
});
