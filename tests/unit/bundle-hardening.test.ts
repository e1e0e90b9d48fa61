/**
 * Crafted bundles (issue 16.8) and damaged headers (issue 13.11): refused fast, with the error
 * that says what is wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError, inspectBundle, SIGNATURE_CONTEXT } from '../../src/shared/bundle';
import {
  canonicalBytes,
  concat,
  fingerprint,
  generateOrgKeys,
  openFromRecipient,
  sealToRecipient,
  sha256Hex,
  signBytes,
  toBase64,
  type OrgKeys,
} from '../../src/shared/crypto';
import { exportBundle, makeWorld, type World } from '../fixtures/bundles/world';

let world: World;
beforeAll(async () => {
  world = await makeWorld();
  world.a.tables = {
    ...world.a.tables,
    people: world.a.tables.people.slice(-4),
    consents: world.a.tables.consents.slice(-4),
    attendance: [],
    enrolments: [],
    mentors: [],
    matches: [],
    mentoringSessions: [],
    certificates: [],
  };
});

const opts = () => ({ projectId: world.invitation.projectId });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof BundleError) return e.code;
    throw e;
  }
}

/** The signed container's parts: signature.json and the zip. */
function splitSigned(signed: Uint8Array): { zip: Uint8Array } {
  const sigLength = new DataView(signed.buffer, signed.byteOffset).getUint32(8);
  return { zip: signed.slice(12 + sigLength) };
}

/** A signed container around `zip`, signed by `signer` (or with another key's signature), encrypted to the lead. */
async function craft(zip: Uint8Array, manifest: Uint8Array, signer: OrgKeys, opt: { signWith?: OrgKeys } = {}): Promise<Uint8Array> {
  const statement = {
    algorithm: 'Ed25519',
    context: SIGNATURE_CONTEXT,
    signer: await fingerprint(signer.publicKeys),
    manifestSha256: await sha256Hex(manifest),
    zipSha256: await sha256Hex(zip),
  };
  const sig = canonicalBytes({ ...statement, signature: toBase64(await signBytes((opt.signWith ?? signer).sign.privateKey, canonicalBytes(statement))) });
  const head = new Uint8Array(12);
  head.set(new TextEncoder().encode('MRZS'));
  head[4] = 1;
  new DataView(head.buffer).setUint32(8, sig.length);
  return sealToRecipient(concat(head, sig, zip), world.leadKeys.publicKeys, 'bundle');
}

/** Sets an entry's compression method and declared unpacked size, in the central directory and its local header. */
function declare(zip: Uint8Array, name: string, size: number, method?: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  const end = out.length - 22;
  let at = v.getUint32(end + 16, true);
  for (let i = 0; i < v.getUint16(end + 10, true); i++) {
    const n = v.getUint16(at + 28, true);
    const entry = new TextDecoder().decode(out.subarray(at + 46, at + 46 + n));
    if (entry === name) {
      const local = v.getUint32(at + 42, true);
      for (const base of [at + 4, local + 2]) {
        v.setUint32(base + 20, size, true);
        if (method !== undefined) v.setUint16(base + 6, method, true);
      }
    }
    at += 46 + n + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

/** A zip of manifest.json (deflated) and one stored entry, as fflate writes them. */
async function zipOf(files: Record<string, Uint8Array>, level: 0 | 6): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  return zipSync(files, { level, mtime: new Date('2000-01-01T00:00:00Z') });
}

describe('crafted bundles are refused before their declared sizes are believed', () => {
  it('an unencrypted (signed only) bundle is refused at once, before anything inside is read', async () => {
    const { bytes } = await exportBundle(world, world.a, { encryptToLead: false });
    const t0 = performance.now();
    expect(await codeOf(inspectBundle(bytes, world.leadKeys, opts()))).toBe('notEncrypted');
    expect(await codeOf(inspectBundle(bytes, null, opts()))).toBe('notEncrypted');
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('a validly signed bundle declaring a 4 GiB entry: tooLargeUnpacked, fast, nothing unpacked', async () => {
    const plain = await exportBundle(world, world.a, { encryptToLead: false });
    const { zip } = splitSigned(plain.bytes);
    const { unzipSync } = await import('fflate');
    const manifest = unzipSync(zip, { filter: (f) => f.name === 'manifest.json' })['manifest.json']!;
    const huge = declare(zip, 'data/people.ndjson', 0xfffffff0);
    const bytes = await craft(huge, manifest, world.a.keys);
    const t0 = performance.now();
    const e = await inspectBundle(bytes, world.leadKeys, opts()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BundleError);
    expect((e as BundleError).code).toBe('tooLargeUnpacked');
    expect((e as BundleError).params.limitMb).toBe(1024);
    expect(performance.now() - t0).toBeLessThan(1000);
    // Several entries that each fit but together do not.
    const spread = ['data/people.ndjson', 'data/consents.ndjson', 'data/sessions.ndjson'].reduce((z, n) => declare(z, n, 400 * 1024 * 1024), zip);
    expect(await codeOf(inspectBundle(await craft(spread, manifest, world.a.keys), world.leadKeys, opts()))).toBe('tooLargeUnpacked');
    // A manifest declared bigger than any manifest can be.
    expect(await codeOf(inspectBundle(await craft(declare(zip, 'manifest.json', 64 * 1024 * 1024), manifest, world.a.keys), world.leadKeys, opts()))).toBe(
      'tooLargeUnpacked',
    );
  });

  it('a badly signed bundle declaring 500 MiB is refused as tampered before that entry is unpacked', async () => {
    const plain = await exportBundle(world, world.a, { encryptToLead: false });
    const { unzipSync } = await import('fflate');
    const manifest = unzipSync(splitSigned(plain.bytes).zip, { filter: (f) => f.name === 'manifest.json' })['manifest.json']!;
    // 600 KiB of noise claimed to deflate to 500 MiB: possible as far as sizes go, so only the
    // order of the checks keeps the reader from reserving 500 MiB for it.
    const noise = new Uint8Array(600 * 1024);
    for (let i = 0; i < noise.length; i += 65536) crypto.getRandomValues(noise.subarray(i, i + 65536));
    const zip = declare(await zipOf({ 'manifest.json': manifest, 'data/people.ndjson': noise }, 0), 'data/people.ndjson', 500 * 1024 * 1024, 8);
    const forged = await craft(zip, manifest, world.a.keys, { signWith: await generateOrgKeys() });
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    expect(await codeOf(inspectBundle(forged, world.leadKeys, opts()))).toBe('tampered');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('an untouched bundle still reads, and one whose entry is shorter than declared is damaged', async () => {
    const plain = await exportBundle(world, world.a, { encryptToLead: false });
    const { zip } = splitSigned(plain.bytes);
    const { unzipSync } = await import('fflate');
    const manifest = unzipSync(zip, { filter: (f) => f.name === 'manifest.json' })['manifest.json']!;
    expect(await codeOf(inspectBundle(await craft(zip, manifest, world.a.keys), world.leadKeys, opts()))).toBe('ok');
    const longer = declare(zip, 'data/people.ndjson', 1000);
    expect(await codeOf(inspectBundle(await craft(longer, manifest, world.a.keys), world.leadKeys, opts()))).toBe('damaged');
  });
});

describe('a damaged envelope header is damage, not "another organisation"', () => {
  it('flipping any byte of the 84-byte header of a bundle for us never says wrongRecipient', async () => {
    const { bytes } = await exportBundle(world, world.a);
    expect(await codeOf(inspectBundle(bytes, world.leadKeys, opts()))).toBe('ok');
    for (let i = 0; i < 84; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const flipped = bytes.slice();
        flipped[i]! ^= mask;
        const code = await codeOf(inspectBundle(flipped, world.leadKeys, opts()));
        expect(code, `byte ${i} ^ ${mask}`).toBe('damaged');
      }
    }
  }, 60_000);

  it('a whole bundle for another organisation is still reported as such, with its fingerprint', async () => {
    const stranger = await generateOrgKeys();
    const { bytes } = await exportBundle(world, world.a, {
      project: { projectId: world.invitation.projectId, projectSecret: world.invitation.projectSecret, leadPublicKeys: stranger.publicKeys },
    });
    const e = await inspectBundle(bytes, world.leadKeys, opts()).catch((x: unknown) => x);
    expect((e as BundleError).code).toBe('wrongRecipient');
    expect((e as BundleError).params.recipient).toBe(await fingerprint(stranger.publicKeys));
    // The same file opened by its recipient reads; a newer envelope version for someone else stays "newer".
    expect(await openFromRecipient(bytes, stranger, 'bundle')).toBeInstanceOf(Uint8Array);
    const newer = bytes.slice();
    newer[4] = 2;
    expect(await codeOf(inspectBundle(newer, world.leadKeys, opts()))).toBe('newerFormat');
  });
});
