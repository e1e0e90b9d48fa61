/**
 * 10,000 mutated partner bundles (half mutated as written, half with the signed layer mutated and
 * then encrypted to the lead, as anyone with the lead's public key can), seeded: each is
 * refused with a typed BundleError, or (only when the mutation left the bytes as they were) read
 * exactly as the original. Never another exception, never a silently accepted change.
 * FUZZ_BUNDLES=<n> for another count (e.g. 100000 for a long run), FUZZ_SEED to vary the seed.
 * What happens in the database with mutated bundles is tests/db/fuzz-import-db.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError, inspectBundle } from '../../src/shared/bundle';
import { sealToRecipient } from '../../src/shared/crypto';
import { exportBundle, makeWorld, type World } from '../fixtures/bundles/world';
import { MUTATIONS, mutate, rng, sameBytes, type MutationKind } from '../fixtures/mutate';

const RUNS = Number(process.env.FUZZ_BUNDLES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 2026);
const CODES = ['notABundle', 'notEncrypted', 'tooLargeUnpacked', 'damaged', 'tampered', 'wrongRecipient', 'newerFormat', 'invalidRow'];

let world: World;
beforeAll(async () => {
  world = await makeWorld();
  // A small bundle (a handful of rows per table) keeps each inspection cheap.
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
    sessions: world.a.tables.sessions!.slice(0, 1),
  };
});

describe('fuzzing partner bundles', () => {
  for (const encryptToLead of [true, false]) {
    const runs = encryptToLead ? Math.ceil(RUNS / 2) : Math.floor(RUNS / 2);
    it(`${runs} mutated ${encryptToLead ? 'encrypted' : 'signed layers, re-encrypted to the lead,'} bundles: each refused with a BundleError, or unchanged`, async () => {
      const { bytes } = await exportBundle(world, world.a, { encryptToLead });
      const keys = world.leadKeys;
      const wrap = (b: Uint8Array) => (encryptToLead ? b : sealToRecipient(b, keys.publicKeys, 'bundle'));
      const opts = { projectId: world.invitation.projectId };
      const original = await inspectBundle(await wrap(bytes), keys, opts);
      const next = rng(SEED + (encryptToLead ? 1 : 2));
      const codes = new Map<string, number>();
      const kinds = new Map<MutationKind, number>();
      let unchanged = 0;
      for (let i = 0; i < runs; i++) {
        const { bytes: mutated, kind } = mutate(bytes, next);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        let result;
        try {
          result = await inspectBundle(await wrap(mutated), keys, opts);
        } catch (e) {
          if (!(e instanceof BundleError)) throw new Error(`mutation ${i} (${kind}): ${String(e)}`, { cause: e });
          codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
          continue;
        }
        // Accepted: only possible when the mutation changed nothing (e.g. a bit flipped twice).
        expect(sameBytes(mutated, bytes), `mutation ${i} (${kind}) was accepted`).toBe(true);
        expect(result.manifest).toEqual(original.manifest);
        unchanged++;
      }
      expect(
        [...codes.keys()].every((c) => CODES.includes(c)),
        [...codes.keys()].join(),
      ).toBe(true);
      expect([...kinds.keys()].sort()).toEqual([...MUTATIONS].sort());
      expect(unchanged).toBeLessThan(runs * 0.01);
    }, 300_000);
  }
});
