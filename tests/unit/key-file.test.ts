import { beforeAll, describe, expect, it } from 'vitest';
import { KeyFileError, keyFileName, readKeyFile, writeInvitation, writeKeyFile, createInvitation, type NewKeyFile } from '../../src/shared/bundle';
import {
  canonicalBytes,
  exportOrgKeys,
  fingerprint,
  generateOrgKeys,
  MIN_ITERATIONS,
  openWithPassphrase,
  sealWithPassphrase,
  type OrgKeys,
} from '../../src/shared/crypto';

const PASS = 'ključ-od-svih-vrata';
const fast = { iterations: MIN_ITERATIONS };
const PROJECT = '5d1c4b8e-0000-4000-8000-0000000000aa';
const LEAD = '0b0b0b0b-0000-4000-8000-000000000001';
const PARTNER = '0a0a0a0a-0000-4000-8000-00000000000a';

let keys: OrgKeys;
let input: NewKeyFile;

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: unknown) => (e instanceof KeyFileError ? e.code : `other: ${String(e)}`),
  );

beforeAll(async () => {
  keys = await generateOrgKeys();
  input = {
    project: { id: PROJECT, name: 'BADGE 2026' },
    lead: { orgId: LEAD, name: 'Udruga Nositelj' },
    keys: await exportOrgKeys(keys),
    pins: { [PARTNER]: '11111 22222 33333 44444 55555 66666 77777 88888' },
  };
});

describe('lead key file', () => {
  it('round trip: the same keys, project and pins come back', async () => {
    const bytes = await writeKeyFile(input, PASS, fast);
    const { file, keys: opened } = await readKeyFile(bytes, PASS);
    expect(file.project).toEqual(input.project);
    expect(file.lead.fingerprint).toBe(await fingerprint(keys.publicKeys));
    expect(file.pins).toEqual(input.pins);
    expect(opened.publicKeys).toEqual(keys.publicKeys);
    // The imported private key really decrypts: it derives the same secret as the original.
    const peer = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
    const a = await crypto.subtle.deriveBits({ name: 'X25519', public: peer.publicKey }, opened.encrypt.privateKey, 256);
    const b = await crypto.subtle.deriveBits({ name: 'X25519', public: peer.publicKey }, keys.encrypt.privateKey, 256);
    expect(new Uint8Array(a)).toEqual(new Uint8Array(b));
    expect(keyFileName('BADGE 2026 – Čakovec')).toBe('mreza-lead-key-badge-2026-cakovec.mreza-key');
  });

  it("carries the decryption key only: whoever finds it cannot sign in the lead's name", async () => {
    const bytes = await writeKeyFile(input, PASS, fast);
    const json = JSON.parse(new TextDecoder().decode(await openWithPassphrase(bytes, PASS, 'keyFile'))) as {
      formatVersion: number;
      keys: Record<string, unknown>;
    };
    expect(json.formatVersion).toBe(2);
    expect(Object.keys(json.keys).sort()).toEqual(['encryptPrivate', 'publicKeys']);
    expect(JSON.stringify(json)).not.toContain(input.keys.signPrivate.d!);
    const { keys: opened } = await readKeyFile(bytes, PASS);
    expect(opened).not.toHaveProperty('sign');
  });

  it('still opens a version 1 key file (which also held the signing key), ignoring that key', async () => {
    const v1 = {
      format: 'mreza-lead-key',
      formatVersion: 1,
      createdAt: '2026-10-01T10:00:00.000Z',
      project: input.project,
      lead: { ...input.lead, fingerprint: await fingerprint(keys.publicKeys) },
      keys: input.keys,
      pins: input.pins,
    };
    const { file, keys: opened } = await readKeyFile(await sealWithPassphrase(canonicalBytes(v1), PASS, 'keyFile', fast), PASS);
    expect(file.project).toEqual(input.project);
    expect(file.pins).toEqual(input.pins);
    expect(file.keys).not.toHaveProperty('signPrivate');
    expect(opened.publicKeys).toEqual(keys.publicKeys);
    expect(opened).not.toHaveProperty('sign');
  });

  it('a wrong passphrase is refused as such', async () => {
    const bytes = await writeKeyFile(input, PASS, fast);
    expect(await codeOf(readKeyFile(bytes, 'not the passphrase'))).toBe('wrongPassphrase');
  });

  it('other files are not key files', async () => {
    const invitation = await createInvitation({ projectName: 'BADGE', lead: { orgId: LEAD, name: 'Lead' }, leadKeys: keys.publicKeys });
    expect(await codeOf(readKeyFile(await writeInvitation(invitation, PASS, fast), PASS))).toBe('notAKeyFile');
    expect(await codeOf(readKeyFile(new TextEncoder().encode('{"format":"mreza-lead-key"}'), PASS))).toBe('notAKeyFile');
    expect(await codeOf(readKeyFile(new Uint8Array(), PASS))).toBe('notAKeyFile');
    // The right container holding some other JSON.
    expect(await codeOf(readKeyFile(await sealWithPassphrase(canonicalBytes({ format: 'other', formatVersion: 1 }), PASS, 'keyFile', fast), PASS))).toBe(
      'notAKeyFile',
    );
  });

  it('a tampered or truncated file is refused as damaged', async () => {
    const bytes = await writeKeyFile(input, PASS, fast);
    const flipped = bytes.slice();
    flipped[bytes.length - 20]! ^= 0x01;
    expect(await codeOf(readKeyFile(flipped, PASS))).toBe('damaged');
    expect(await codeOf(readKeyFile(bytes.slice(0, 60), PASS))).toBe('damaged');
    const header = bytes.slice();
    header[14]! ^= 0x01; // the salt: the passphrase no longer derives the same check value
    expect(await codeOf(readKeyFile(header, PASS))).toBe('wrongPassphrase');
  });

  it('keys that do not match the stated fingerprint, or a newer format, are refused', async () => {
    const other = await exportOrgKeys(await generateOrgKeys());
    const good = {
      format: 'mreza-lead-key',
      formatVersion: 1,
      createdAt: '2026-10-01T10:00:00.000Z',
      project: input.project,
      lead: { ...input.lead, fingerprint: await fingerprint(keys.publicKeys) },
      keys: other,
      pins: {},
    };
    expect(await codeOf(readKeyFile(await sealWithPassphrase(canonicalBytes(good), PASS, 'keyFile', fast), PASS))).toBe('damaged');
    const mixed = { ...good, keys: { ...input.keys, encryptPrivate: other.encryptPrivate } };
    expect(await codeOf(readKeyFile(await sealWithPassphrase(canonicalBytes(mixed), PASS, 'keyFile', fast), PASS))).toBe('damaged');
    expect(await codeOf(readKeyFile(await sealWithPassphrase(canonicalBytes({ ...good, formatVersion: 3 }), PASS, 'keyFile', fast), PASS))).toBe('newerFormat');
  });
});
