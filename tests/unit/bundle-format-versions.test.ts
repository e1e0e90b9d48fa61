/**
 * Partners must agree on the bundle format (#19 item 1). A bundle carries the Mreža version that
 * wrote it, compatibly within format 2 (a reader of format 2 without the field still reads it);
 * and the refusals of a newer or an older format say who should update, in every language.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION, inspectBundle, SIGNATURE_CONTEXT, writeSigned, type BundleError } from '../../src/shared/bundle';
import { exchangeErrorKey } from '../../src/shared/bundle/errors';
import { indicatorsFileSchema, manifestSchema } from '../../src/shared/bundle/format';
import { fromUtf8, sealToRecipient } from '../../src/shared/crypto';
import { createI18n } from '../../src/shared/i18n/setup';
import { LOCALES } from '../../src/shared/i18n/locales';
import { exportBundle, makeWorld, type World } from '../fixtures/bundles/world';

let world: World;
beforeAll(async () => {
  world = await makeWorld();
});

/** The entries of an unencrypted export (signed container: magic, version, signature length, signature, zip). */
async function entries(over: Parameters<typeof exportBundle>[2] = {}) {
  const written = await exportBundle(world, world.a, { encryptToLead: false, ...over });
  const sigLength = new DataView(written.bytes.buffer, written.bytes.byteOffset).getUint32(8);
  return { written, files: unzipSync(written.bytes.subarray(12 + sigLength)) };
}

async function resigned(manifestPatch: Record<string, unknown>): Promise<Uint8Array> {
  const { written, files } = await entries({ appVersion: '0.3.1' });
  const manifest = JSON.parse(fromUtf8(files['manifest.json']!)) as Record<string, unknown>;
  delete files['manifest.json'];
  const signed = await writeSigned({
    context: SIGNATURE_CONTEXT,
    manifest: { ...manifest, ...manifestPatch },
    files,
    signKey: world.a.keys.sign.privateKey,
    signerFingerprint: written.manifest.signer.fingerprint,
  });
  return sealToRecipient(signed, world.leadKeys.publicKeys, 'bundle');
}

const refusal = (bytes: Uint8Array) =>
  inspectBundle(bytes, world.leadKeys).then(
    () => null,
    (e: unknown) => e as BundleError,
  );

describe('the Mreža version that wrote a bundle', () => {
  it('travels in indicators.json and reaches the lead', async () => {
    const written = await exportBundle(world, world.a, { appVersion: '0.3.1' });
    const read = await inspectBundle(written.bytes, world.leadKeys);
    expect(read.indicators.appVersion).toBe('0.3.1');
  });

  it('is compatible within format 2: the strict manifest is unchanged, and a format-2 reader without the field drops it', async () => {
    const { files, written } = await entries({ appVersion: '0.3.1' });
    expect(written.manifest.formatVersion).toBe(2);
    expect(Object.keys(JSON.parse(fromUtf8(files['manifest.json']!)) as object)).not.toContain('appVersion');
    expect(manifestSchema.safeParse(written.manifest).success).toBe(true);
    const indicators = JSON.parse(fromUtf8(files['indicators.json']!)) as Record<string, unknown>;
    expect(indicators.appVersion).toBe('0.3.1');
    // The reader as it was before this field (format 2, same schema without it) still accepts the file.
    const before = indicatorsFileSchema.omit({ appVersion: true });
    expect(before.safeParse(indicators).success).toBe(true);
    // An export from before this change (no field) is read, with the version "not stated".
    const old = await inspectBundle((await exportBundle(world, world.a)).bytes, world.leadKeys);
    expect(old.indicators.appVersion).toBeUndefined();
  });

  it('anything but a version fails the schema (the reader refuses the file as an invalid row), so it never reaches the screen', async () => {
    expect(indicatorsFileSchema.shape.appVersion.safeParse('<img src=x onerror=alert(1)>').success).toBe(false);
    expect(indicatorsFileSchema.shape.appVersion.safeParse('1.2.3-beta.1').success).toBe(true);
  });
});

describe('a refused format version says who should update', () => {
  it('newer format → update Mreža on this computer (the lead); the partner has nothing to do', async () => {
    const newer = await refusal(await resigned({ formatVersion: BUNDLE_FORMAT_VERSION + 1 }));
    expect(newer).toMatchObject({ code: 'newerFormat', params: { part: 'format', found: 3, supported: 2 } });
    expect(exchangeErrorKey(newer!.code, newer!.params)).toBe('newerBundleFormat');
    const { t } = createI18n('en');
    const text = t(`exchange:errors.${exchangeErrorKey(newer!.code, newer!.params)}`, newer!.params);
    expect(text).toMatch(/newer Mreža \(export format 3; this Mreža reads format 2\)/);
    expect(text).toMatch(/partner has nothing to do: update Mreža on this computer/);
  });

  it('older format → ask the partner who sent it to update; nothing to do on this computer', async () => {
    const older = await refusal(await resigned({ formatVersion: 1 }));
    expect(older).toMatchObject({ code: 'olderFormat', params: { found: 1, supported: 2 } });
    expect(exchangeErrorKey(older!.code, older!.params)).toBe('olderFormat');
    const { t } = createI18n('en');
    const text = t(`exchange:errors.olderFormat`, older!.params);
    expect(text).toMatch(/export format 1; this Mreža accepts format 2/);
    expect(text).toMatch(/Nothing to do on this computer: ask the partner who sent it to update Mreža and export again/);
  });

  it('other "newer" refusals (an invitation, a key file, a newer schema) keep the general message', () => {
    expect(exchangeErrorKey('newerFormat', {})).toBe('newerFormat');
    expect(exchangeErrorKey('newerFormat', { part: 'schema', found: 9, supported: 4 })).toBe('newerFormat');
    expect(exchangeErrorKey('wrongPassphrase')).toBe('wrongPassphrase');
  });

  it('every language names both format numbers and who updates', () => {
    for (const locale of LOCALES) {
      const { t } = createI18n(locale);
      for (const key of ['newerBundleFormat', 'olderFormat']) {
        const text = t(`exchange:errors.${key}`, { found: 7, supported: 5 });
        expect(text, `${locale} ${key}`).not.toBe(`errors.${key}`);
        expect(text, `${locale} ${key}`).toMatch(/7[^\d][\s\S]*5/);
      }
    }
  });
});
