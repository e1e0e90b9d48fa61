import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  CryptoError,
  envelopeRecipient,
  exportOrgKeys,
  fingerprint,
  fromBase64,
  generateOrgKeys,
  importOrgKeys,
  openFromRecipient,
  openWithPassphrase,
  sealToRecipient,
  sealWithPassphrase,
  signBytes,
  toBase64,
  utf8,
  verifyBytes,
  fromUtf8,
} from '../../src/shared/crypto';

const FAST = { iterations: 100_000 };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof CryptoError) return e.code;
    throw e;
  }
}

describe('organisation keys', () => {
  it('generates Ed25519 + X25519, exports, imports and keeps the same fingerprint', async () => {
    const keys = await generateOrgKeys();
    expect(fromBase64(keys.publicKeys.sign)).toHaveLength(32);
    expect(fromBase64(keys.publicKeys.encrypt)).toHaveLength(32);
    const stored = JSON.parse(JSON.stringify(await exportOrgKeys(keys)));
    const again = await importOrgKeys(stored);
    expect(again.publicKeys).toEqual(keys.publicKeys);
    expect(await fingerprint(again.publicKeys)).toBe(await fingerprint(keys.publicKeys));
    const sig = await signBytes(again.sign.privateKey, utf8('hello'));
    expect(await verifyBytes(keys.publicKeys.sign, sig, utf8('hello'))).toBe(true);
    expect(await verifyBytes(keys.publicKeys.sign, sig, utf8('hellO'))).toBe(false);
  });

  it('refuses stored keys whose private half does not belong to the stated public keys', async () => {
    const [k1, k2] = [await generateOrgKeys(), await generateOrgKeys()];
    const stored = { ...(await exportOrgKeys(k1)), publicKeys: k2.publicKeys };
    expect(await codeOf(importOrgKeys(stored))).toBe('invalidKey');
    expect(await codeOf(importOrgKeys({ format: 'nope' }))).toBe('invalidKey');
    expect(await codeOf(importOrgKeys(null))).toBe('invalidKey');
  });

  it('fingerprints are eight groups of five digits, different per key', async () => {
    const [k1, k2] = [await generateOrgKeys(), await generateOrgKeys()];
    const f1 = await fingerprint(k1.publicKeys);
    expect(f1).toMatch(/^(\d{5} ){7}\d{5}$/);
    expect(await fingerprint(k2.publicKeys)).not.toBe(f1);
    expect(await codeOf(fingerprint({ sign: 'AAAA', encrypt: k1.publicKeys.encrypt }))).toBe('invalidKey');
  });
});

describe('passphrase container', () => {
  it('round-trips and refuses a wrong passphrase, another content type and changed bytes', async () => {
    const box = await sealWithPassphrase(utf8('secret data'), 'konj baterija spajalica', 'invitation', FAST);
    expect(fromUtf8(await openWithPassphrase(box, 'konj baterija spajalica', 'invitation'))).toBe('secret data');
    expect(await codeOf(openWithPassphrase(box, 'wrong', 'invitation'))).toBe('wrongPassphrase');
    expect(await codeOf(openWithPassphrase(box, 'konj baterija spajalica', 'bundle'))).toBe('notAContainer');
    const flipped = box.slice();
    flipped[flipped.length - 3]! ^= 1;
    expect(await codeOf(openWithPassphrase(flipped, 'konj baterija spajalica', 'invitation'))).toBe('damaged');
    expect(await codeOf(openWithPassphrase(box.subarray(0, 60), 'konj baterija spajalica', 'invitation'))).toBe('damaged');
    expect(await codeOf(openWithPassphrase(utf8('PK..'), 'x', 'invitation'))).toBe('notAContainer');
    const newer = box.slice();
    newer[4] = 9;
    expect(await codeOf(openWithPassphrase(newer, 'konj baterija spajalica', 'invitation'))).toBe('newerFormat');
  });

  it('uses at least 600,000 PBKDF2 iterations by default (OWASP)', async () => {
    const box = await sealWithPassphrase(utf8('x'), 'p', 'bundle');
    expect(new DataView(box.buffer).getUint32(8)).toBeGreaterThanOrEqual(600_000);
  });

  it('normalises the passphrase (NFC), so "č" typed two ways opens the same box', async () => {
    const box = await sealWithPassphrase(utf8('x'), 'mačka', 'bundle', FAST);
    expect(fromUtf8(await openWithPassphrase(box, 'mac\u030cka', 'bundle'))).toBe('x');
  });
});

describe('hybrid encryption to an organisation', () => {
  it('round-trips; names the recipient; refuses another recipient and changed bytes', async () => {
    const lead = await generateOrgKeys();
    const other = await generateOrgKeys();
    const box = await sealToRecipient(utf8('for the lead'), lead.publicKeys, 'bundle');
    expect(fromUtf8(await openFromRecipient(box, lead, 'bundle'))).toBe('for the lead');
    expect(envelopeRecipient(box)).toBe(await fingerprint(lead.publicKeys));
    expect(await codeOf(openFromRecipient(box, other, 'bundle'))).toBe('wrongRecipient');
    for (const at of [5, 50, 80, 90, box.length - 1]) {
      const flipped = box.slice();
      flipped[at]! ^= 0x10;
      expect(['damaged', 'notAContainer', 'wrongRecipient']).toContain(await codeOf(openFromRecipient(flipped, lead, 'bundle')));
    }
    // Two seals of the same text differ (fresh ephemeral key and iv).
    const again = await sealToRecipient(utf8('for the lead'), lead.publicKeys, 'bundle');
    expect(toBase64(again)).not.toBe(toBase64(box));
  });
});

describe('canonical JSON', () => {
  it('sorts keys, drops undefined, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'č' }], e: null })).toBe('{"a":[1,{"c":"č"}],"b":1,"e":null}');
  });
});
