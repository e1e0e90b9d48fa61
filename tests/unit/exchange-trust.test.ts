/**
 * Trust is explicit (issue 16.6): who may send the lead data. Each attack the issue names is a
 * test here; the app's screens and the database are tests/db/exchange.test.ts and the e2e specs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectBundle, readKeyFile, writeKeyFile, type KeyFile } from '../../src/shared/bundle';
import { reportFromBundles } from '../../src/shared/consolidate/batch';
import { applyPlan, emptyConsolidatedState, keysToConfirm, planBundleImport, withConfirmedKeys, type BundleInput } from '../../src/shared/consolidate';
import { exportOrgKeys, generateOrgKeys, MIN_ITERATIONS } from '../../src/shared/crypto';
import { parseTrustedFile, TrustedFileError } from '../../scripts/consolidate/trusted';
import { exportBundle, LEAD_ORG, makeWorld, ORG_A, ORG_B, type World } from '../fixtures/bundles/world';

let world: World;
let a: { bytes: Uint8Array; input: BundleInput };
let b: { bytes: Uint8Array; input: BundleInput };
let forgedA: { bytes: Uint8Array; input: BundleInput };
let claimsLead: { bytes: Uint8Array; input: BundleInput };
let keyFile: { file: KeyFile; keys: Awaited<ReturnType<typeof readKeyFile>>['keys'] };

async function written(partner: World['a'], fileName: string) {
  const { bytes } = await exportBundle(world, partner);
  return { bytes, input: { bundle: await inspectBundle(bytes, world.leadKeys, { projectId: world.invitation.projectId }), fileName } };
}

beforeAll(async () => {
  world = await makeWorld();
  a = await written(world.a, 'a.mreza');
  b = await written(world.b, 'b.mreza');
  // Anyone with the lead's public key (every invitation carries it) can write these.
  forgedA = await written({ ...world.a, keys: await generateOrgKeys() }, 'forged-a.mreza');
  claimsLead = await written(
    {
      ...world.a,
      keys: await generateOrgKeys(),
      orgId: LEAD_ORG,
      name: 'Vodeći partner',
      tables: { ...world.a.tables, people: [], consents: [], outcomes: [] },
    },
    'lead.mreza',
  );
  const bytes = await writeKeyFile(
    {
      project: { id: world.invitation.projectId, name: world.invitation.projectName },
      lead: { orgId: LEAD_ORG, name: 'Vodeći partner' },
      keys: await exportOrgKeys(world.leadKeys),
    },
    'lozinka-za-kljuc',
    { iterations: MIN_ITERATIONS },
  );
  keyFile = await readKeyFile(bytes, 'lozinka-za-kljuc');
});

const empty = () => emptyConsolidatedState(world.invitation.projectId);

describe('at the lead (the plan the Exchange screen shows and commits)', () => {
  it("a partner's first bundle is written only with its confirmed fingerprint", () => {
    const plan = planBundleImport(empty(), [a.input], { ownOrgId: LEAD_ORG });
    expect(plan.items[0]).toMatchObject({ status: 'apply', trust: 'firstUse' });
    expect(keysToConfirm(plan)).toEqual({ [ORG_A]: a.input.bundle.fingerprint });
    // Not confirmed, or confirmed with other digits: refused as unconfirmed, nothing applied.
    for (const confirmed of [{}, { [ORG_A]: b.input.bundle.fingerprint }] as Array<Record<string, string>>) {
      const held = withConfirmedKeys(plan, confirmed);
      expect(held.items[0]).toMatchObject({ status: 'refused', problems: [{ code: 'unconfirmedKey' }] });
      expect(applyPlan(empty(), held).partners).toEqual({});
    }
    const state = applyPlan(empty(), withConfirmedKeys(plan, { [ORG_A]: a.input.bundle.fingerprint }));
    expect(state.partners[ORG_A]?.fingerprint).toBe(a.input.bundle.fingerprint);
  });

  it('a forged bundle from a new key for a known partner is refused, whatever is confirmed', async () => {
    const state = applyPlan(empty(), withConfirmedKeys(planBundleImport(empty(), [a.input]), { [ORG_A]: a.input.bundle.fingerprint }));
    const plan = withConfirmedKeys(planBundleImport(state, [forgedA.input]), { [ORG_A]: forgedA.input.bundle.fingerprint });
    expect(plan.items[0]).toMatchObject({
      status: 'refused',
      problems: [{ code: 'signerChanged', params: { expected: a.input.bundle.fingerprint, found: forgedA.input.bundle.fingerprint } }],
    });
    // And when the pins are passed to the reader (as the app and the command line do), it never gets that far.
    await expect(inspectBundle(forgedA.bytes, world.leadKeys, { pins: { [ORG_A]: a.input.bundle.fingerprint } })).rejects.toMatchObject({
      code: 'signerChanged',
    });
  });

  it("a bundle claiming the lead's own organisation is refused", () => {
    const plan = planBundleImport(empty(), [claimsLead.input], { ownOrgId: LEAD_ORG });
    expect(plan.items[0]).toMatchObject({ status: 'refused', problems: [{ code: 'ownOrganisation', params: { organisation: 'Vodeći partner' } }] });
    expect(keysToConfirm(plan)).toEqual({});
    expect(applyPlan(empty(), withConfirmedKeys(plan, { [LEAD_ORG]: claimsLead.input.bundle.fingerprint })).partners).toEqual({});
  });

  it("one partner's key cannot speak for another organisation", async () => {
    const state = applyPlan(empty(), withConfirmedKeys(planBundleImport(empty(), [a.input]), { [ORG_A]: a.input.bundle.fingerprint }));
    // Partner A's own key, claiming to be partner B.
    const asB = await written({ ...world.b, keys: world.a.keys }, 'a-as-b.mreza');
    expect(planBundleImport(state, [asB.input]).items[0]).toMatchObject({
      status: 'refused',
      problems: [{ code: 'keyOfAnotherPartner', params: { partner: world.a.name } }],
    });
    // Two new organisations with one key in one batch: neither goes in.
    const plan = planBundleImport(empty(), [a.input, asB.input]);
    expect(plan.items.map((i) => i.problems[0]?.code)).toEqual(['keyOfAnotherPartner', 'keyOfAnotherPartner']);
    expect(ORG_B).toBe(asB.input.bundle.manifest.organisation.id);
  });
});

describe('the command line', () => {
  const files = () => [
    { fileName: 'a.mreza', data: a.bytes },
    { fileName: 'b.mreza', data: b.bytes },
  ];

  it('without a trust file, partners the key file has not pinned are refused', async () => {
    const result = await reportFromBundles(files(), keyFile);
    expect(result.lines.map((l) => [l.status, l.problem?.code])).toEqual([
      ['refused', 'unknownSigner'],
      ['refused', 'unknownSigner'],
    ]);
    expect(result.state.partners).toEqual({});
  });

  it('with the key file pins or a trusted file the partners go in; first use only when asked, and each line says so', async () => {
    const pinned = await reportFromBundles(
      files(),
      { ...keyFile, file: { ...keyFile.file, pins: { [ORG_A]: a.input.bundle.fingerprint } } },
      { trusted: new Set([b.input.bundle.fingerprint]) },
    );
    expect(pinned.lines.map((l) => [l.status, l.trust])).toEqual([
      ['accepted', 'pinned'],
      ['accepted', 'trusted'],
    ]);
    const tofu = await reportFromBundles(files(), keyFile, { trustOnFirstUse: true });
    expect(tofu.lines.map((l) => [l.status, l.trust])).toEqual([
      ['accepted', 'firstUse'],
      ['accepted', 'firstUse'],
    ]);
    // A trusted fingerprint is trusted for the key, not for any organisation it claims to be.
    const forged = await reportFromBundles(
      [
        { fileName: 'a.mreza', data: a.bytes },
        { fileName: 'f.mreza', data: forgedA.bytes },
      ],
      keyFile,
      { trusted: new Set([a.input.bundle.fingerprint]) },
    );
    expect(forged.lines.map((l) => [l.status, l.problem?.code])).toEqual([
      ['accepted', undefined],
      ['refused', 'unknownSigner'],
    ]);
  });

  it("a bundle claiming the lead's id is refused even with --trust-on-first-use", async () => {
    const result = await reportFromBundles([{ fileName: 'lead.mreza', data: claimsLead.bytes }], keyFile, { trustOnFirstUse: true });
    expect(result.lines.map((l) => [l.status, l.problem?.code])).toEqual([['refused', 'ownOrganisation']]);
  });

  it('reads a trusted file: one fingerprint a line, spaces optional, # comments; a bad line is named', () => {
    const fp = '40213 88710 00412 93821 55123 00981 12345 67890';
    expect([...parseTrustedFile(`\uFEFF# Udruga Korak\r\n${fp}\r\n\r\n${fp.replace(/ /g, '')}  # again\n  ${fp.replace(/ /g, '  ')}\n`)]).toEqual([fp]);
    expect(() => parseTrustedFile(`${fp}\n# ok\n4021 88710\n`)).toThrow(TrustedFileError);
    try {
      parseTrustedFile(`${fp}\n# ok\n4021 88710\n`);
    } catch (e) {
      expect((e as TrustedFileError).line).toBe(3);
    }
  });
});
