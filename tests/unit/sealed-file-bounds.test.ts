import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BundleError, InvitationError, KeyFileError, inspectBundle, readInvitation, readKeyFile } from '@shared/bundle';
import {
  CryptoError,
  DEFAULT_ITERATIONS,
  MAX_ITERATIONS,
  MAX_SEALED_BYTES,
  openWithPassphrase,
  sealWithPassphrase,
  utf8,
  type ContentType,
} from '@shared/crypto';
import { LOCALES } from '@shared/i18n/locales';
import { MentorPackError, readMentorPack } from '@shared/mentorPack';

/**
 * Files read from outside (an invitation, the lead's key file, a mentor pack, a passphrase-
 * protected bundle) state their own PBKDF2 cost. A crafted file asking for 10 million rounds
 * must be refused before any key is derived, with its own message, not freeze the app.
 */
const PASS = 'svjetionik-na-otoku';
const CRAFTED_ITERATIONS = 10_000_000;

/** A genuine container of `type` whose header then asks for `iterations` rounds. */
async function asking(type: ContentType, iterations: number): Promise<Uint8Array> {
  const box = await sealWithPassphrase(utf8('{}'), PASS, type, { iterations: 100_000 });
  new DataView(box.buffer, box.byteOffset).setUint32(8, iterations);
  return box;
}

/** Rejects within `ms`, without deriving a key: returns what it threw. */
async function refusedFast(open: () => Promise<unknown>, ms = 250): Promise<unknown> {
  const derive = vi.spyOn(crypto.subtle, 'deriveBits');
  derive.mockClear();
  const started = performance.now();
  const error = await open().then(
    () => new Error('opened'),
    (e: unknown) => e,
  );
  const elapsed = performance.now() - started;
  expect(derive).not.toHaveBeenCalled();
  derive.mockRestore();
  expect(elapsed).toBeLessThan(ms);
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('KDF cost stated by a file is bounded before any work', () => {
  it('accepts the default cost with room to raise it, and no more than 2,000,000 rounds', () => {
    expect(MAX_ITERATIONS).toBe(2_000_000);
    expect(MAX_ITERATIONS).toBeGreaterThanOrEqual(3 * DEFAULT_ITERATIONS);
  });

  it('the container refuses 10M rounds at once as tooCostly, naming the cost', async () => {
    const crafted = await asking('invitation', CRAFTED_ITERATIONS);
    const e = await refusedFast(() => openWithPassphrase(crafted, PASS, 'invitation'));
    expect(e).toBeInstanceOf(CryptoError);
    expect((e as CryptoError).code).toBe('tooCostly');
    expect((e as CryptoError).params).toEqual({ found: CRAFTED_ITERATIONS, max: MAX_ITERATIONS });
    // Just above the bound is refused too; the bound itself is not a refusal for cost.
    const justAbove = await asking('invitation', MAX_ITERATIONS + 1);
    const above = await refusedFast(() => openWithPassphrase(justAbove, PASS, 'invitation'));
    expect((above as CryptoError).code).toBe('tooCostly');
    // The largest possible value (uint32) as well.
    const uint32 = await asking('invitation', 0xffffffff);
    const max = await refusedFast(() => openWithPassphrase(uint32, PASS, 'invitation'));
    expect((max as CryptoError).code).toBe('tooCostly');
  });

  it('the writer cannot make a file a reader would refuse', async () => {
    await expect(sealWithPassphrase(utf8('x'), PASS, 'bundle', { iterations: MAX_ITERATIONS + 1 })).rejects.toThrow(RangeError);
  });

  it('an invitation asking for 10M rounds: InvitationError tooCostly, fast', async () => {
    const file = await asking('invitation', CRAFTED_ITERATIONS);
    const e = await refusedFast(() => readInvitation(file, PASS));
    expect(e).toBeInstanceOf(InvitationError);
    expect(e).toMatchObject({ code: 'tooCostly', params: { found: CRAFTED_ITERATIONS, max: MAX_ITERATIONS } });
  });

  it('a key file asking for 10M rounds: KeyFileError tooCostly, fast', async () => {
    const file = await asking('keyFile', CRAFTED_ITERATIONS);
    const e = await refusedFast(() => readKeyFile(file, PASS));
    expect(e).toBeInstanceOf(KeyFileError);
    expect(e).toMatchObject({ code: 'tooCostly', params: { found: CRAFTED_ITERATIONS } });
  });

  it('a mentor pack asking for 10M rounds: MentorPackError tooCostly, fast', async () => {
    const file = await asking('mentorPack', CRAFTED_ITERATIONS);
    const e = await refusedFast(() => readMentorPack(file, PASS));
    expect(e).toBeInstanceOf(MentorPackError);
    expect(e).toMatchObject({ code: 'tooCostly', params: { found: CRAFTED_ITERATIONS } });
  });

  it('a passphrase-protected bundle asking for 10M rounds: BundleError tooCostly, fast', async () => {
    const file = await asking('bundle', CRAFTED_ITERATIONS);
    const e = await refusedFast(() => inspectBundle(file, null, { passphrase: PASS }));
    expect(e).toBeInstanceOf(BundleError);
    expect(e).toMatchObject({ code: 'tooCostly', params: { found: CRAFTED_ITERATIONS } });
  });
});

describe('the size of a sealed file is bounded before any work', () => {
  /** A real header of `type` followed by `size` bytes in all. */
  async function oversized(type: ContentType, size: number): Promise<Uint8Array> {
    const box = await sealWithPassphrase(utf8('{}'), PASS, type, { iterations: 100_000 });
    const big = new Uint8Array(size);
    big.set(box);
    return big;
  }

  it('invitations and key files are small; a mentor pack stays under its unpacked bound', () => {
    expect(MAX_SEALED_BYTES.invitation).toBe(1024 * 1024);
    expect(MAX_SEALED_BYTES.keyFile).toBe(1024 * 1024);
    expect(MAX_SEALED_BYTES.mentorPack).toBe(80 * 1024 * 1024);
  });

  it('an invitation of 2 MB is refused as tooLarge before the key is derived', async () => {
    const file = await oversized('invitation', 2 * 1024 * 1024);
    const e = await refusedFast(() => readInvitation(file, PASS));
    expect(e).toMatchObject({ code: 'tooLarge', params: { foundMb: 2, maxMb: 1 } });
  });

  it('a key file of 2 MB and a mentor pack of 81 MB likewise', async () => {
    const keyFile = await oversized('keyFile', 2 * 1024 * 1024);
    expect(await refusedFast(() => readKeyFile(keyFile, PASS))).toMatchObject({ code: 'tooLarge' });
    const pack = await oversized('mentorPack', 81 * 1024 * 1024);
    expect(await refusedFast(() => readMentorPack(pack, PASS), 2000)).toMatchObject({ code: 'tooLarge', params: { foundMb: 81, maxMb: 80 } });
  });
});

describe('the refusals are explained in every language', () => {
  const messages = (locale: string, ns: string) =>
    JSON.parse(readFileSync(new URL(`../../src/shared/i18n/resources/${locale}/${ns}.json`, import.meta.url), 'utf8')) as { errors: Record<string, string> };
  it.each(LOCALES)('%s: exchange and mentor-pack errors for tooCostly and tooLarge', (locale) => {
    for (const ns of ['exchange', 'mentorPack']) {
      const errors = messages(locale, ns).errors;
      expect(errors.tooCostly, `${locale} ${ns}`).toMatch(/\{\{found, number\}\}.*\{\{max, number\}\}/s);
      expect(errors.tooLarge, `${locale} ${ns}`).toMatch(/\{\{foundMb, number\}\}.*\{\{maxMb, number\}\}/s);
    }
  });
});
