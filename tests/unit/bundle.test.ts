import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_TABLES,
  bundleFileName,
  BundleError,
  createInvitation,
  inspectBundle,
  InvitationError,
  invitationFileName,
  ProjectHasher,
  readInvitation,
  tablesAt,
  writeInvitation,
  type InspectOptions,
} from '../../src/shared/bundle';
import { fromBase64, fromUtf8, generateOrgKeys, openFromRecipient, sealToRecipient } from '../../src/shared/crypto';
import { exportBundle, makeWorld, ORG_A, SECRETS, type World } from '../fixtures/bundles/world';

let world: World;
beforeAll(async () => {
  world = await makeWorld();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof BundleError || e instanceof InvitationError) return e.code;
    throw e;
  }
}

/** Every byte the lead can see once it has decrypted a bundle: the entries of the zip, unpacked. */
async function decryptedText(bytes: Uint8Array): Promise<string> {
  const signed = await openFromRecipient(bytes, world.leadKeys, 'bundle');
  const sigLength = new DataView(signed.buffer).getUint32(8);
  const files = unzipSync(signed.subarray(12 + sigLength));
  return (
    fromUtf8(signed.subarray(12, 12 + sigLength)) +
    Object.values(files)
      .map((f) => fromUtf8(f))
      .join('\n')
  );
}

const opts = (): InspectOptions => ({ projectId: world.invitation.projectId, schemaVersion: 3 });

describe('invitation', () => {
  it('round-trips and refuses a wrong passphrase, a bundle and garbage', async () => {
    const file = await writeInvitation(world.invitation, 'Tri Crvene Jabuke', { iterations: 100_000 });
    const back = await readInvitation(file, 'Tri Crvene Jabuke');
    expect(back).toEqual(world.invitation);
    expect(fromBase64(back.projectSecret)).toHaveLength(32);
    expect(back.lead.fingerprint).toMatch(/^(\d{5} ){7}\d{5}$/);
    expect(await codeOf(readInvitation(file, 'tri crvene jabuke'))).toBe('wrongPassphrase');
    expect(await codeOf(readInvitation(new TextEncoder().encode('hello'), 'x'))).toBe('notAnInvitation');
    const { bytes } = await exportBundle(world, world.a, { passphrase: 'x', passphraseIterations: 100_000 });
    expect(await codeOf(readInvitation(bytes, 'x'))).toBe('notAnInvitation');
    const cut = file.subarray(0, file.length - 5);
    expect(await codeOf(readInvitation(cut, 'Tri Crvene Jabuke'))).toBe('damaged');
    expect(invitationFileName('Socijalna aktivacija')).toBe('mreza-invitation-socijalna-aktivacija.mreza-invite');
  });

  it('creates a fresh project secret each time', async () => {
    const again = await createInvitation({ projectName: 'P', lead: { orgId: world.invitation.lead.orgId, name: 'L' }, leadKeys: world.leadKeys.publicKeys });
    expect(again.projectSecret).not.toBe(world.invitation.projectSecret);
  });
});

describe('bundle file name', () => {
  it('is mreza-<org-slug>-<yyyy-mm-dd>.mreza', () => {
    expect(bundleFileName('Udruga Korak – Čakovec', '2026-10-01T10:00:00Z')).toBe('mreza-udruga-korak-cakovec-2026-10-01.mreza');
    expect(bundleFileName('Друштво „Мост“', '2026-01-05')).toBe('mreza-drustvo-most-2026-01-05.mreza');
    expect(bundleFileName('!!!', '2026-10-01')).toBe('mreza-org-2026-10-01.mreza');
  });
});

describe('bundle round trip at each privacy level', () => {
  it('pseudonymised (default): every table travels, no names, contacts or notes anywhere in the bytes', async () => {
    const written = await exportBundle(world, world.a);
    expect(written.fileName).toBe('mreza-udruga-korak-cakovec-2026-10-01.mreza');
    expect(written.manifest.privacy).toBe('pseudonymised');
    const b = await inspectBundle(written.bytes, world.leadKeys, opts());
    expect(b.encryption).toEqual({ toLead: true, passphrase: false });
    expect(b.trust).toBe('firstUse');
    expect(b.fingerprint).toBe(written.manifest.signer.fingerprint);
    expect(Object.keys(b.tables).sort()).toEqual(tablesAt('pseudonymised').sort());
    expect(b.tables.attachments).toBeUndefined();
    for (const t of tablesAt('pseudonymised')) expect(b.tables[t]).toHaveLength(written.manifest.counts[t]!);
    expect(b.tables.people!.length).toBeGreaterThan(10);
    expect(b.tables.mentoringSessions!.length).toBeGreaterThan(0);

    const text = await decryptedText(written.bytes);
    const planted = [SECRETS.firstName, SECRETS.lastName, SECRETS.phone, SECRETS.email, SECRETS.notes, SECRETS.outcomeNote, SECRETS.withheldFirst];
    const demoPeople = world.a.tables.people.filter((p) => p.firstName !== SECRETS.firstName);
    for (const s of planted) expect(text).not.toContain(s);
    for (const p of demoPeople) {
      expect(text).not.toContain(`"${p.firstName}"`);
      expect(text).not.toContain(p.lastName);
      if (p.phone) expect(text).not.toContain(p.phone);
      if (p.email) expect(text).not.toContain(p.email);
      expect(text).not.toContain(p.id); // local person ids do not leak either
    }
    for (const s of world.a.tables.mentoringSessions ?? []) if (s.note) expect(text).not.toContain(s.note);
    // Rows carry no dropped field at all.
    const person = b.tables.people![0]!;
    for (const f of ['firstName', 'lastName', 'phone', 'email', 'notes', 'nameKey', 'institution', 'jobTitle']) expect(person).not.toHaveProperty(f);
    expect(person.pseudoKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('pseudonymised: person ids are replaced consistently, so joins still work', async () => {
    const b = await inspectBundle((await exportBundle(world, world.a)).bytes, world.leadKeys, opts());
    const people = new Set(b.tables.people!.map((p) => p.id));
    for (const t of ['attendance', 'enrolments', 'consents', 'outcomes'] as const)
      for (const r of b.tables[t]!) expect(people.has(r.personId as string)).toBe(true);
    for (const m of b.tables.matches!) expect(people.has(m.menteeId as string)).toBe(true);
    const local = new Set(world.a.tables.people.map((p) => p.id));
    for (const id of people) expect(local.has(id as string)).toBe(false);
  });

  it('full: names travel (explicit acknowledgement and a confirmed list required), attachments too, consent still decides who travels; notes never', async () => {
    expect(await codeOf(exportBundle(world, world.a, { privacy: 'full' }))).toBe('notAllowed');
    // The warning alone is not enough: the user must also confirm the list of what goes.
    expect(await codeOf(exportBundle(world, world.a, { privacy: 'full', acknowledgedRisk: true }))).toBe('notAllowed');
    const written = await exportBundle(world, world.a, { privacy: 'full', acknowledgedRisk: true, confirmedFullList: true });
    const b = await inspectBundle(written.bytes, world.leadKeys, opts());
    expect(Object.keys(b.tables).sort()).toEqual([...BUNDLE_TABLES].sort());
    const ana = b.tables.people!.find((p) => p.firstName === SECRETS.firstName)!;
    expect(ana.phone).toBe(SECRETS.phone);
    expect(ana.pseudoKey).toMatch(/^[0-9a-f]{64}$/);
    expect(b.tables.people!.some((p) => p.firstName === SECRETS.withheldFirst)).toBe(false);
    // Confidential notes never leave, not even at the full level.
    const text = await decryptedText(written.bytes);
    expect(text).toContain(SECRETS.phone);
    for (const note of [SECRETS.notes, SECRETS.outcomeNote]) expect(text).not.toContain(note);
    for (const s of world.a.tables.mentoringSessions) if (s.note) expect(text).not.toContain(s.note);
    expect(ana).not.toHaveProperty('notes');
  });

  it('aggregate: only the manifest and the indicator tables', async () => {
    const written = await exportBundle(world, world.a, { privacy: 'aggregate' });
    const b = await inspectBundle(written.bytes, world.leadKeys, opts());
    expect(b.tables).toEqual({});
    expect(b.tombstones).toEqual([]);
    expect(Object.keys(written.manifest.entries)).toEqual(['indicators.json']);
    expect(b.indicators.indicators.reach.total).toBeGreaterThan(0);
    const text = await decryptedText(written.bytes);
    for (const p of world.a.tables.people) expect(text).not.toContain(p.lastName);
  });
});

describe('consent', () => {
  it('people without consent to share appear only in the indicator tables', async () => {
    const written = await exportBundle(world, world.a);
    const b = await inspectBundle(written.bytes, world.leadKeys, opts());
    const shared = world.a.tables.people.filter((p) => world.a.tables.consents.some((c) => c.personId === p.id && c.shareWithLead && !c.withdrawnAt));
    expect(b.tables.people).toHaveLength(shared.length);
    expect(written.withheldPeople).toBe(world.a.tables.people.length - shared.length);
    expect(written.withheldPeople).toBeGreaterThan(0);
    // Their consents, enrolments, attendance… stay home too.
    const hasher = await ProjectHasher.create(fromBase64(world.invitation.projectSecret)!);
    const withheldIds = new Set(await Promise.all(world.a.tables.people.filter((p) => !shared.includes(p)).map((p) => hasher.pseudoId(ORG_A, p.id))));
    for (const t of ['consents', 'enrolments', 'attendance', 'outcomes', 'certificates', 'mentors'] as const) {
      for (const r of b.tables[t]!) expect(withheldIds.has(r.personId as string)).toBe(false);
    }
  });

  it('a withdrawn consent withholds; special-category data travels only under a consent that covers it', async () => {
    const w = await makeWorld();
    const ana = w.a.tables.people.find((p) => p.firstName === SECRETS.firstName)!;
    const c = w.a.tables.consents.find((x) => x.personId === ana.id)!;
    c.specialCategories = false;
    let b = await inspectBundle((await exportBundle(w, w.a)).bytes, w.leadKeys, { projectId: w.invitation.projectId });
    const hasher = await ProjectHasher.create(fromBase64(w.invitation.projectSecret)!);
    const pid = await hasher.pseudoId(ORG_A, ana.id);
    expect(b.tables.people!.find((p) => p.id === pid)!.targetGroups).toEqual([]);
    c.withdrawnAt = '2026-09-01';
    b = await inspectBundle((await exportBundle(w, w.a)).bytes, w.leadKeys, { projectId: w.invitation.projectId });
    expect(b.tables.people!.some((p) => p.id === pid)).toBe(false);
    expect(b.tables.outcomes!.some((o) => o.personId === pid)).toBe(false);
  });
});

describe('pseudoKey', () => {
  it('is the same for one woman at two partners (other ids, Cyrillic vs Latin, diacritics)', async () => {
    const [ba, bb] = await Promise.all([exportBundle(world, world.a), exportBundle(world, world.b)]);
    const a = await inspectBundle(ba.bytes, world.leadKeys, opts());
    const b = await inspectBundle(bb.bytes, world.leadKeys, opts());
    const hasher = await ProjectHasher.create(fromBase64(world.invitation.projectSecret)!);
    const key = await hasher.pseudoKey({ id: 'x', orgId: 'y', firstName: 'zdenkarija', lastName: 'PETROVICEVA', birthYear: 1985, municipality: 'Cakovec' });
    expect(a.tables.people!.filter((p) => p.pseudoKey === key)).toHaveLength(1);
    expect(b.tables.people!.filter((p) => p.pseudoKey === key)).toHaveLength(1);
    const other = await hasher.pseudoKey({ id: 'x', orgId: 'y', firstName: 'zdenkarija', lastName: 'PETROVICEVA', birthYear: 1986, municipality: 'Cakovec' });
    expect(other).not.toBe(key);
    const otherSecret = await ProjectHasher.create(new Uint8Array(32));
    expect(
      await otherSecret.pseudoKey({ id: 'x', orgId: 'y', firstName: 'zdenkarija', lastName: 'PETROVICEVA', birthYear: 1985, municipality: 'Cakovec' }),
    ).not.toBe(key);
  });
});

describe('refusals', () => {
  it('wrong recipient, other project, passphrase, unknown and changed signer, newer schema', async () => {
    const { bytes } = await exportBundle(world, world.a);
    const stranger = await generateOrgKeys();
    expect(await codeOf(inspectBundle(bytes, stranger, opts()))).toBe('wrongRecipient');
    expect(await codeOf(inspectBundle(bytes, null, opts()))).toBe('wrongRecipient');
    expect(await codeOf(inspectBundle(bytes, world.leadKeys, { projectId: crypto.randomUUID() }))).toBe('otherProject');
    expect(await codeOf(inspectBundle(bytes, world.leadKeys, { ...opts(), schemaVersion: 2 }))).toBe('newerFormat');
    expect(await codeOf(inspectBundle(bytes, world.leadKeys, { ...opts(), requireKnownSigner: true }))).toBe('unknownSigner');
    const fp = (await inspectBundle(bytes, world.leadKeys, opts())).fingerprint;
    const pinned = await inspectBundle(bytes, world.leadKeys, { ...opts(), pins: { [ORG_A]: fp }, requireKnownSigner: true });
    expect(pinned.trust).toBe('pinned');
    expect(await codeOf(inspectBundle(bytes, world.leadKeys, { ...opts(), pins: { [ORG_A]: '11111 11111 11111 11111 11111 11111 11111 11111' } }))).toBe(
      'signerChanged',
    );
    // Someone else claiming to be partner A signs with their own key: the pin catches it.
    const impostor = await exportBundle(world, { ...world.a, keys: await generateOrgKeys() });
    expect(await codeOf(inspectBundle(impostor.bytes, world.leadKeys, { ...opts(), pins: { [ORG_A]: fp } }))).toBe('signerChanged');

    const locked = await exportBundle(world, world.a, { passphrase: 'lozinka', passphraseIterations: 100_000 });
    expect(await codeOf(inspectBundle(locked.bytes, world.leadKeys, opts()))).toBe('passphraseRequired');
    expect(await codeOf(inspectBundle(locked.bytes, world.leadKeys, { ...opts(), passphrase: 'kriva' }))).toBe('wrongPassphrase');
    const opened = await inspectBundle(locked.bytes, world.leadKeys, { ...opts(), passphrase: 'lozinka' });
    expect(opened.encryption).toEqual({ toLead: true, passphrase: true });

    expect(await codeOf(inspectBundle(new TextEncoder().encode('PK\u0003\u0004 not a bundle'), world.leadKeys, opts()))).toBe('notABundle');
    expect(await codeOf(inspectBundle(new Uint8Array(0), world.leadKeys, opts()))).toBe('notABundle');
    const invitation = await writeInvitation(world.invitation, 'x', { iterations: 100_000 });
    expect(await codeOf(inspectBundle(invitation, world.leadKeys, { ...opts(), passphrase: 'x' }))).toBe('notABundle');
  });

  it('an unencrypted bundle is refused, even though it is signed', async () => {
    const { bytes } = await exportBundle(world, world.a, { encryptToLead: false });
    expect(await codeOf(inspectBundle(bytes, world.leadKeys, opts()))).toBe('notEncrypted');
  });

  it('a local row that breaks its schema stops the export with table, line and field', async () => {
    const w = await makeWorld();
    const { bytes } = await exportBundle(w, w.a);
    // The writer checks every row first, so a bad local row is caught at the partner, not at the lead.
    expect(await codeOf(inspectBundle(bytes, w.leadKeys))).toBe('ok');
    const bad = w.a.tables.people[0]! as unknown as Record<string, unknown>;
    bad.birthYear = 1800;
    try {
      await exportBundle(w, w.a);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BundleError);
      expect((e as BundleError).code).toBe('invalidRow');
      expect((e as BundleError).params).toMatchObject({ table: 'people', line: 1, field: 'birthYear' });
    }
  });
});

describe('every single-byte flip and every truncation gives a typed error', () => {
  let small: World;
  beforeAll(async () => {
    small = await makeWorld();
    // A small bundle: a handful of rows, so the sweep stays quick.
    small.a.tables = {
      ...small.a.tables,
      people: small.a.tables.people.slice(-4),
      consents: small.a.tables.consents.slice(-4),
      attendance: [],
      enrolments: [],
      mentors: [],
      matches: [],
      mentoringSessions: [],
      certificates: [],
      sessions: small.a.tables.sessions!.slice(0, 1),
    };
  });

  // Encrypted as written, and the signed layer flipped and then encrypted to the lead: anyone with
  // the lead's public key can wrap whatever they like, so the layers inside must hold on their own.
  for (const layer of ['file', 'signed layer'] as const) {
    it(`${layer === 'file' ? 'encrypted' : 'signed layer, re-encrypted to the lead'}`, async () => {
      const { bytes } = await exportBundle(small, small.a, { encryptToLead: layer === 'file' });
      const keys = small.leadKeys;
      const wrap = (b: Uint8Array) => (layer === 'file' ? b : sealToRecipient(b, keys.publicKeys, 'bundle'));
      const o = { projectId: small.invitation.projectId };
      expect(await codeOf(inspectBundle(await wrap(bytes), keys, o))).toBe('ok');
      const seen = new Set<string>();
      const step = Math.max(1, Math.floor(bytes.length / 1500));
      for (let i = 0; i < bytes.length; i += i < 200 ? 1 : step) {
        const flipped = bytes.slice();
        flipped[i]! ^= 1 << (i % 8);
        const code = await codeOf(inspectBundle(await wrap(flipped), keys, o));
        expect(code, `byte ${i}`).not.toBe('ok');
        seen.add(code);
      }
      for (let n = 0; n < bytes.length; n += n < 200 ? 1 : step) {
        const code = await codeOf(inspectBundle(await wrap(bytes.subarray(0, n)), keys, o));
        expect(code, `length ${n}`).not.toBe('ok');
        seen.add(code);
      }
      expect([...seen].every((c) => ['notABundle', 'tooLargeUnpacked', 'damaged', 'tampered', 'wrongRecipient', 'newerFormat'].includes(c))).toBe(true);
    }, 120_000);
  }
});
