import { beforeAll, describe, expect, it } from 'vitest';
import { inspectBundle, type InspectedBundle } from '../../src/shared/bundle';
import { canonicalJson, generateOrgKeys } from '../../src/shared/crypto';
import {
  applyPlan,
  partnersDataset,
  emptyConsolidatedState,
  inspectFiles,
  partnerProgrammes,
  pinsOf,
  planBundleImport,
  programmeTitles,
  totalsOnlyPartners,
  type BundleInput,
  type ConsolidatedState,
  type InspectOne,
} from '../../src/shared/consolidate';
import { computeIndicators } from '../../src/shared/indicators/compute';
import { createI18n } from '../../src/shared/i18n/setup';
import { consent, exportBundle, makeWorld, ORG_A, person, type World } from '../fixtures/bundles/world';

let world: World;
let a1: BundleInput, a2: BundleInput, a3: BundleInput, b1: BundleInput;
let state0: ConsolidatedState;

async function bundle(w: World, which: 'a' | 'b', at: string, fileName: string): Promise<BundleInput> {
  const written = await exportBundle(w, w[which], { now: new Date(at), today: at.slice(0, 10) });
  return { bundle: await inspectBundle(written.bytes, w.leadKeys, { projectId: w.invitation.projectId }), fileName };
}

/** Runs a batch: plan, then apply. */
function importBatch(state: ConsolidatedState, inputs: BundleInput[]) {
  const plan = planBundleImport(state, inputs);
  return { plan, state: applyPlan(state, plan) };
}

const fingerprintOfState = (s: ConsolidatedState) => canonicalJson(s);

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

beforeAll(async () => {
  world = await makeWorld();
  state0 = emptyConsolidatedState(world.invitation.projectId);
  a1 = await bundle(world, 'a', '2026-09-01T10:00:00.000Z', 'mreza-a-2026-09-01.mreza');
  // A month later partner A erased one person (tombstone), changed another and added a third.
  const t = world.a.tables;
  const erased = t.people.find((p) => t.consents.some((c) => c.personId === p.id && c.shareWithLead))!;
  t.people = t.people.filter((p) => p !== erased);
  for (const table of ['consents', 'enrolments', 'attendance', 'outcomes', 'certificates', 'mentors'] as const) {
    (t[table] as Array<{ personId: string }>) = (t[table] as Array<{ personId: string }>).filter((r) => r.personId !== erased.id);
  }
  t.matches = t.matches.filter((m) => m.menteeId !== erased.id);
  t.mentoringSessions = t.mentoringSessions.filter((s) => t.matches.some((m) => m.id === s.matchId));
  t.tombstones.push({
    id: crypto.randomUUID(),
    orgId: ORG_A,
    createdAt: '2026-09-15T00:00:00Z',
    updatedAt: '2026-09-15T00:00:00Z',
    table: 'people',
    recordId: erased.id,
    erasedAt: '2026-09-15T00:00:00Z',
  });
  const changed = t.people.find((p) => p.kind === 'beneficiary' && t.consents.some((c) => c.personId === p.id && c.shareWithLead))!;
  changed.municipality = 'Prelog';
  const added = person(ORG_A, { firstName: 'Nova', lastName: 'Osoba', birthYear: 1999, municipality: 'Čakovec' });
  t.people.push(added);
  t.consents.push(consent(ORG_A, added.id));
  a2 = await bundle(world, 'a', '2026-10-01T10:00:00.000Z', 'mreza-a-2026-10-01.mreza');
  a3 = await bundle(world, 'a', '2026-11-01T10:00:00.000Z', 'mreza-a-2026-11-01.mreza');
  b1 = await bundle(world, 'b', '2026-10-05T10:00:00.000Z', 'mreza-b-2026-10-05.mreza');
});

describe('consolidation', () => {
  it('adds a new partner: every row is an addition, the key is new (first use)', () => {
    const { plan, state } = importBatch(state0, [a1]);
    const item = plan.items[0]!;
    expect(item.status).toBe('apply');
    expect(item.trust).toBe('firstUse');
    expect(item.fingerprint).toBe(a1.bundle.fingerprint);
    expect(item.totals.add).toBe(Object.values(a1.bundle.tables).reduce((n, rows) => n + rows.length, 0));
    expect(item.totals.replace + item.totals.remove).toBe(0);
    expect(state.partners[ORG_A]!.exportId).toBe(a1.bundle.manifest.exportId);
    expect(pinsOf(state)).toEqual({ [ORG_A]: a1.bundle.fingerprint });
    expect(state0.partners).toEqual({}); // pure
  });

  it('replaces a partner slice with its newer bundle: adds, replaces, removes, applies tombstones', () => {
    const s1 = importBatch(state0, [a1]).state;
    const { plan, state } = importBatch(s1, [a2]);
    const item = plan.items[0]!;
    expect(item.status).toBe('apply');
    expect(item.trust).toBe('pinned');
    expect(item.changes.people!.add).toHaveLength(1);
    expect(item.changes.people!.replace.length).toBeGreaterThanOrEqual(1);
    expect(item.changes.people!.remove).toHaveLength(1);
    expect(item.tombstones).toHaveLength(1);
    expect(item.erased).toBe(1);
    expect(state.partners[ORG_A]!.tables.people).toEqual(a2.bundle.tables.people);
    const erasedId = a2.bundle.tombstones[0]!.recordId;
    for (const rows of Object.values(state.partners[ORG_A]!.tables)) for (const r of rows) expect(r.personId === erasedId || r.id === erasedId).toBe(false);
  });

  it('refuses an older bundle and names the newer export already imported', () => {
    const s2 = importBatch(state0, [a2]).state;
    const { plan, state } = importBatch(s2, [a1]);
    const item = plan.items[0]!;
    expect(item.status).toBe('refused');
    expect(item.problems[0]).toEqual({
      code: 'older',
      params: { newerExportId: a2.bundle.manifest.exportId, newerExportedAt: '2026-10-01T10:00:00.000Z', newerFileName: 'mreza-a-2026-10-01.mreza' },
    });
    expect(state).toEqual(s2);
  });

  it('a newer export with the same records: applied (the newer slice), yet every row counts as unchanged', () => {
    const after2 = importBatch(state0, [a2]).state;
    const plan = planBundleImport(after2, [a3]);
    expect(plan.items[0]!.status).toBe('apply');
    expect(plan.items[0]!.totals).toEqual({ add: 0, replace: 0, remove: 0 });
  });

  it('re-importing the same bundle changes nothing', () => {
    const s1 = importBatch(state0, [a1, b1]).state;
    const { plan, state } = importBatch(s1, [a1, b1]);
    expect(plan.items.map((i) => i.status)).toEqual(['unchanged', 'unchanged']);
    expect(plan.items.every((i) => i.totals.add + i.totals.replace + i.totals.remove === 0)).toBe(true);
    expect(fingerprintOfState(state)).toBe(fingerprintOfState(s1));
  });

  it('two bundles of one partner in a batch: only the newest applies; the same file twice is a duplicate', () => {
    const { plan, state } = importBatch(state0, [a2, a1, a3, a3]);
    expect(plan.items.map((i) => i.status)).toEqual(['skipped', 'skipped', 'apply', 'skipped']);
    expect(plan.items[1]!.problems[0]!.code).toBe('supersededInBatch');
    expect(plan.items[1]!.problems[0]!.params.newerExportId).toBe(a3.bundle.manifest.exportId);
    expect(plan.items[3]!.problems[0]!.code).toBe('duplicateInBatch');
    expect(state.partners[ORG_A]!.exportId).toBe(a3.bundle.manifest.exportId);
  });

  it('any order of the same bundles, in one batch or one by one, gives the same state', () => {
    const bundles = [a1, a2, a3, b1];
    const expected = fingerprintOfState(importBatch(state0, bundles).state);
    for (const order of permutations(bundles)) {
      expect(fingerprintOfState(importBatch(state0, order).state)).toBe(expected);
      let s = state0;
      for (const b of order) s = importBatch(s, [b]).state;
      expect(fingerprintOfState(s)).toBe(expected);
    }
    const final = importBatch(state0, bundles).state;
    expect(final.partners[ORG_A]!.exportId).toBe(a3.bundle.manifest.exportId);
  });

  it('refuses a partner whose signing key changed, and a conflicting claim in one batch', async () => {
    const s1 = importBatch(state0, [a1]).state;
    const impostorWorld = { ...world, a: { ...world.a, keys: await generateOrgKeys() } };
    const fake = await bundle(impostorWorld, 'a', '2026-12-01T10:00:00.000Z', 'fake.mreza');
    const { plan, state } = importBatch(s1, [fake]);
    expect(plan.items[0]!.status).toBe('refused');
    expect(plan.items[0]!.problems[0]).toEqual({ code: 'signerChanged', params: { expected: a1.bundle.fingerprint, found: fake.bundle.fingerprint } });
    expect(state).toEqual(s1);
    const conflict = importBatch(state0, [a1, fake]);
    expect(conflict.plan.items.map((i) => i.status)).toEqual(['refused', 'refused']);
    expect(conflict.plan.items[0]!.problems[0]!.code).toBe('signerConflict');
  });

  it('refuses a bundle of another project', async () => {
    const other = emptyConsolidatedState(crypto.randomUUID());
    const { plan } = importBatch(other, [a1]);
    expect(plan.items[0]!.problems[0]!.code).toBe('otherProject');
  });

  it('counts a woman served by two partners once (pseudoKey), and per partner with the org filter', () => {
    const state = importBatch(state0, [a1, b1]).state;
    const ds = partnersDataset(state);
    const today = '2026-12-31';
    const together = computeIndicators(ds, { personKey: ds.personKey }, today).indicators;
    const naive = computeIndicators(ds, {}, today).indicators;
    const onlyA = computeIndicators(ds, { personKey: ds.personKey, orgId: ORG_A }, today).indicators;
    const onlyB = computeIndicators(ds, { personKey: ds.personKey, orgId: world.b.orgId }, today).indicators;
    expect(onlyA.reach.total).toBeGreaterThan(0);
    expect(onlyB.reach.total).toBeGreaterThan(0);
    expect(naive.reach.total).toBe(onlyA.reach.total + onlyB.reach.total);
    // Reached at both partners: the same pseudoKey in both slices, among people who attended.
    const keysA = new Set(state.partners[ORG_A]!.tables.people!.map((p) => p.pseudoKey));
    const shared = state.partners[world.b.orgId]!.tables.people!.filter((p) => keysA.has(p.pseudoKey));
    expect(shared.length).toBeGreaterThan(0);
    expect(together.reach.total).toBeLessThanOrEqual(naive.reach.total);
  });
});

describe('programme titles at the lead', () => {
  const { t } = createI18n('en');

  it('pseudonymised exports carry no titles: each partner programme is named by its kind and number, with the partner where two share a name', () => {
    const { state } = importBatch(state0, [a1, b1]);
    for (const p of Object.values(state.partners)) for (const r of p.tables.programmes ?? []) expect(r).not.toHaveProperty('title');
    const titles = programmeTitles(partnerProgrammes(state), t);
    const own = [...world.a.tables.programmes, ...world.b.tables.programmes];
    const labelOf = (r: (typeof own)[number]) => {
      const mine = [...(r.orgId === ORG_A ? world.a : world.b).tables.programmes].sort(
        (x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id),
      );
      return t('reports:partnerProgramme', { number: mine.indexOf(r) + 1, kind: t(`programmes:kinds.${r.kind}`) });
    };
    const sharedLabel = own.filter((r) => own.some((o) => o.orgId !== r.orgId && labelOf(o) === labelOf(r)));
    expect(sharedLabel.length).toBeGreaterThan(0);
    for (const r of own) {
      const partner = r.orgId === ORG_A ? world.a.name : world.b.name;
      expect(titles.get(r.id)).toBe(sharedLabel.includes(r) ? `${labelOf(r)} (${partner})` : labelOf(r));
      expect(titles.get(r.id)).not.toContain(r.title);
    }
    // One partner alone: plain labels.
    const one = programmeTitles(partnerProgrammes(importBatch(state0, [a1]).state), t);
    expect(one.get(world.a.tables.programmes[0]!.id)).toBe(
      t('reports:partnerProgramme', { number: 1, kind: t(`programmes:kinds.${world.a.tables.programmes[0]!.kind}`) }),
    );
  });

  it('full exports keep titles: a title two partners share names the partner, others stay as they are', async () => {
    const full = async (which: 'a' | 'b') => ({
      bundle: await inspectBundle(
        (await exportBundle(world, world[which], { privacy: 'full', acknowledgedRisk: true, confirmedFullList: true })).bytes,
        world.leadKeys,
      ),
    });
    const { state } = importBatch(state0, [await full('a'), await full('b')]);
    const titles = programmeTitles(partnerProgrammes(state), t);
    const rows = Object.values(state.partners).flatMap((p) =>
      (p.tables.programmes ?? []).map((r) => ({ id: String(r.id), title: String(r.title), partner: p.name })),
    );
    const shared = rows.filter((r) => rows.some((o) => o.partner !== r.partner && o.title === r.title));
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) expect(titles.get(r.id)).toBe(`${r.title} (${r.partner})`);
    for (const r of rows.filter((x) => !shared.includes(x))) expect(titles.get(r.id)).toBe(r.title);
  });
});

describe('inspecting a batch of files', () => {
  it("with several at a time, keeps the files' order whatever order they finish in, and refuses per file", async () => {
    const files = await Promise.all(
      (['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04'] as const).map(async (day, i) => {
        const written = await exportBundle(world, i % 2 ? world.b : world.a, { now: new Date(`${day}T10:00:00Z`), today: day });
        return { fileName: `f${i}.mreza`, data: written.bytes };
      }),
    );
    const damaged = { fileName: 'damaged.mreza', data: files[1]!.data.slice(0, 500) };
    const batch = [files[0]!, damaged, files[1]!, files[2]!, files[3]!];
    let inFlight = 0;
    let most = 0;
    // The first file finishes last: lanes must not reorder the results.
    const slowFirst: InspectOne = async (data, keys, opts) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, data === files[0]!.data ? 60 : 5));
      try {
        return await inspectBundle(data, keys, opts);
      } finally {
        inFlight--;
      }
    };
    const progress: number[] = [];
    const out = await inspectFiles(batch, world.leadKeys, {
      projectId: world.invitation.projectId,
      inspectOne: slowFirst,
      concurrency: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(most).toBe(2);
    expect(out.inputs.map((i) => i.fileName)).toEqual(['f0.mreza', 'f1.mreza', 'f2.mreza', 'f3.mreza']);
    expect(out.inputs.map((i) => i.bundle.manifest.exportedAt.slice(0, 10))).toEqual(['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04']);
    expect(out.refused).toEqual([{ fileName: 'damaged.mreza', problem: expect.objectContaining({ code: expect.stringMatching(/damaged|tampered/) }) }]);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    // One at a time (the command line) gives the same answer.
    const serial = await inspectFiles(batch, world.leadKeys, { projectId: world.invitation.projectId });
    expect(canonicalJson(serial)).toBe(canonicalJson(out));
  });
});

describe('unique people across partners, by hand', () => {
  it('the same woman enrolled and present at two partners is one person reached', async () => {
    const w = await makeWorld();
    for (const side of ['a', 'b'] as const) {
      const t = w[side].tables;
      const orgId = w[side].orgId;
      const ana = t.people.find((p) => p.firstName === 'Zdenkarija' || p.firstName === 'Зденкарија')!;
      const session = t.sessions[0]!;
      t.attendance = [
        {
          id: crypto.randomUUID(),
          orgId,
          createdAt: session.createdAt,
          updatedAt: session.updatedAt,
          sessionId: session.id,
          personId: ana.id,
          status: 'present',
        },
      ];
      t.mentoringSessions = [];
    }
    const inputs: BundleInput[] = [];
    for (const side of ['a', 'b'] as const) {
      const written = await exportBundle(w, w[side]);
      inputs.push({ bundle: (await inspectBundle(written.bytes, w.leadKeys)) as InspectedBundle });
    }
    const state = applyPlan(emptyConsolidatedState(w.invitation.projectId), planBundleImport(emptyConsolidatedState(w.invitation.projectId), inputs));
    const ds = partnersDataset(state);
    expect(computeIndicators(ds, {}, '2026-12-31').indicators.reach.total).toBe(2);
    expect(computeIndicators(ds, { personKey: ds.personKey }, '2026-12-31').indicators.reach.total).toBe(1);
  });
});

describe('partners that send totals only', () => {
  it('stand beside the project figures with their own totals, never added into the records', async () => {
    const written = await exportBundle(world, world.b, { now: new Date('2026-10-06T10:00:00.000Z'), today: '2026-10-06', privacy: 'aggregate' });
    const aggregate = { bundle: await inspectBundle(written.bytes, world.leadKeys, { projectId: world.invitation.projectId }), fileName: 'b-aggregate.mreza' };
    const { state } = importBatch(state0, [a1, aggregate]);
    const totals = totalsOnlyPartners(state);
    expect(totals.map((p) => p.orgId)).toEqual([aggregate.bundle.manifest.organisation.id]);
    const own = aggregate.bundle.indicators.indicators;
    expect(totals[0]).toMatchObject({
      asOf: '2026-10-06',
      reached: own.reach.total,
      trainingSessions: own.training.sessions,
      mentoringSessions: own.mentoring.sessions,
    });
    expect(totals[0]!.reached).toBeGreaterThan(0);
    expect(totals[0]!.women).toBe(own.reach.byGender.find((g) => g.key === 'woman')!.count);
    // Only partner A's records are in the merged data set.
    const ds = partnersDataset(state);
    expect(new Set(ds.people.map((p) => p.orgId))).toEqual(new Set([a1.bundle.manifest.organisation.id]));
  });
});
