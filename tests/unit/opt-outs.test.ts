/**
 * Issue 16.3: people who refused sharing cannot be recovered by subtracting what a bundle's rows
 * give from the figures it carries (indicators.json), nor by setting an aggregate export of the
 * same day beside a record export.
 */
import { describe, expect, it } from 'vitest';
import { datasetOf, inspectBundle, sharesWithLead, type InspectedBundle } from '../../src/shared/bundle';
import { applyPlan, partnersDataset, emptyConsolidatedState, planBundleImport } from '../../src/shared/consolidate';
import { computeIndicators, type Indicators } from '../../src/shared/indicators/compute';
import { exportBundle, makeWorld, type World } from '../fixtures/bundles/world';

const TODAY = '2026-10-01';

/** Every count of indicators.json by path ("reach.byGender.woman"), null where hidden. */
function figures(i: Record<string, Record<string, unknown>>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [section, group] of Object.entries(i)) {
    for (const [field, value] of Object.entries(group)) {
      if (Array.isArray(value)) for (const c of value as Array<{ key: string; count: number | null }>) out.set(`${section}.${field}.${c.key}`, c.count);
      else if (typeof value === 'number' || value === null) out.set(`${section}.${field}`, value);
    }
  }
  return out;
}

/**
 * The attack: the figures a bundle carries minus the same figures computed from the rows it
 * carries. Returns every figure where the bundle counts someone the rows do not have.
 */
function subtract(bundle: InspectedBundle, fromRows: Indicators): Array<[string, number]> {
  const carried = figures(bundle.indicators.indicators as unknown as Record<string, Record<string, unknown>>);
  const rows = figures(fromRows as unknown as Record<string, Record<string, unknown>>);
  const found: Array<[string, number]> = [];
  for (const [path, value] of carried) {
    if (value === null || path.startsWith('reach.womenShare') || path.startsWith('training.attendanceRate') || path === 'mentoring.hours') continue;
    const diff = value - (rows.get(path) ?? 0);
    if (diff !== 0) found.push([path, diff]);
  }
  return found;
}

/** Partner A's world with `n` reached people who refused sharing, each the woman: 55–64, Varaždin, violence survivor. */
async function worldWithdrawing(n: number): Promise<{ world: World; withheldIds: string[] }> {
  const world = await makeWorld();
  const t = world.a.tables;
  const heldSessions = new Set(t.sessions.filter((s) => s.date <= TODAY).map((s) => s.id));
  const reachedIds = [
    ...new Set(t.attendance.filter((a) => heldSessions.has(a.sessionId) && (a.status === 'present' || a.status === 'late')).map((a) => a.personId)),
  ];
  const withheldIds = reachedIds.slice(0, n);
  expect(withheldIds).toHaveLength(n);
  for (const id of withheldIds) {
    const p = t.people.find((x) => x.id === id)!;
    Object.assign(p, { gender: 'woman', birthYear: 1966, municipality: 'Varaždin', country: 'HR', targetGroups: ['violenceSurvivor'] });
    for (const c of t.consents.filter((x) => x.personId === id)) c.shareWithLead = false;
  }
  return { world, withheldIds };
}

describe('opt-outs stay out: the subtraction attack on a written bundle', () => {
  for (const n of [1, 2, 4]) {
    it(`${n} withheld: the bundle's figures minus its rows leave nobody, and the number withheld travels only as a range`, async () => {
      const { world } = await worldWithdrawing(n);
      const written = await exportBundle(world, world.a);
      const bundle = await inspectBundle(written.bytes, world.leadKeys, { projectId: world.invitation.projectId });
      // What the lead can compute from the rows (as its consolidation does).
      const empty = emptyConsolidatedState(world.invitation.projectId);
      const ds = partnersDataset(applyPlan(empty, planBundleImport(empty, [{ bundle }])));
      const fromRows = computeIndicators(ds, { personKey: ds.personKey }, bundle.indicators.asOf, { drilldown: false }).indicators;
      expect(subtract(bundle, fromRows)).toEqual([]);
      // Nothing in the figures points at a 55–64 violence survivor from Varaždin that the rows lack.
      const rowsSurvivors = fromRows.reach.byTargetGroup.find((g) => g.key === 'violenceSurvivor')!.count;
      const carried = bundle.indicators.indicators.reach as unknown as Indicators['reach'];
      const survivors = carried.byTargetGroup.find((g) => g.key === 'violenceSurvivor')!.count as number | null;
      expect(survivors === null || survivors === rowsSurvivors).toBe(true);
      // The withheld (these n and the demo data's people without consent) only as a range a threshold wide.
      const withheld = written.withheldPeople;
      expect(withheld).toBe(world.a.tables.people.filter((p) => !sharesWithLead(world.a.tables.consents.filter((c) => c.personId === p.id))).length);
      expect(withheld).toBeGreaterThanOrEqual(n);
      const range = bundle.indicators.withheld;
      expect(range.from <= withheld && withheld <= range.to).toBe(true);
      expect(range.to - range.from).toBe(bundle.indicators.threshold - 1);
    }, 60_000);
  }

  it('an aggregate export of the same day differs from the record export by nobody', async () => {
    const { world } = await worldWithdrawing(2);
    const records = await inspectBundle((await exportBundle(world, world.a)).bytes, world.leadKeys, { projectId: world.invitation.projectId });
    const aggregate = await inspectBundle((await exportBundle(world, world.a, { privacy: 'aggregate' })).bytes, world.leadKeys, {
      projectId: world.invitation.projectId,
    });
    const fromRows = computeIndicators(datasetOf(records.tables), {}, TODAY, { drilldown: false }).indicators;
    expect(subtract(aggregate, fromRows)).toEqual([]);
    expect(aggregate.indicators).toEqual(records.indicators);
  }, 60_000);

  it("the bundle's figures are small-cell suppressed with the report routine: no count from 1 to 4 travels in the clear", async () => {
    const { world } = await worldWithdrawing(1);
    const bundle = await inspectBundle((await exportBundle(world, world.a, { privacy: 'aggregate' })).bytes, world.leadKeys, {
      projectId: world.invitation.projectId,
    });
    const t = bundle.indicators.threshold;
    const carried = figures(bundle.indicators.indicators as unknown as Record<string, Record<string, unknown>>);
    const protectedPaths = [...carried.keys()].filter(
      (p) =>
        /^(reach\.(total|beneficiaries|professionals|women|by)|training\.(participants|completions|certificates)|mentoring\.services|outcomes\.)/.test(p) &&
        !p.startsWith('reach.womenShare'),
    );
    expect(protectedPaths.length).toBeGreaterThan(20);
    for (const p of protectedPaths) {
      const v = carried.get(p)!;
      expect(v === null || v === 0 || v >= t, `${p} = ${String(v)}`).toBe(true);
    }
    // Each hidden figure is null and says why.
    for (const [path, why] of Object.entries(bundle.indicators.hidden)) {
      expect(['small', 'secondary']).toContain(why);
      if (carried.has(path)) expect(carried.get(path), path).toBeNull();
    }
  }, 60_000);
});
