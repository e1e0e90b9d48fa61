/**
 * Issue 13, item 4: a session counts as held only once its local day has come (today or
 * earlier), and a planned session never (docs/indicators.md, "Held"). A future-dated mentoring
 * session with psychosocial support once raised "psychosocial support" at the partner, in the
 * bundle's indicators and at the lead (app and command line).
 */
import { describe, expect, it } from 'vitest';
import { inspectBundle, writeKeyFile, readKeyFile } from '../../src/shared/bundle';
import { applyPlan, partnersDataset, emptyConsolidatedState, planBundleImport } from '../../src/shared/consolidate';
import { batchReportTables, reportFromBundles } from '../../src/shared/consolidate/batch';
import { exportOrgKeys, MIN_ITERATIONS } from '../../src/shared/crypto';
import { computeIndicators } from '../../src/shared/indicators/compute';
import { EMPTY_DATASET, type Dataset } from '../../src/shared/indicators/dataset';
import { heldPeriod, isHeld } from '../../src/shared/indicators/held';
import { createI18n } from '../../src/shared/i18n/setup';
import { mentorStats, reminders } from '../../src/shared/mentoring';
import type { Match, MentoringSession } from '../../src/shared/model';
import { consent, exportBundle, LEAD_ORG, makeWorld, person, type World } from '../fixtures/bundles/world';

const TODAY = '2026-10-01';
const TOMORROW = '2026-10-02';
const stamp = '2026-09-01T08:00:00.000Z';
const psycho = (b: Array<{ key: string; count: number }>) => b.find((x) => x.key === 'psychosocialSupport')!.count;

describe('the held rule (src/shared/indicators/held.ts)', () => {
  it('held means not planned and dated today or earlier; a period of held sessions ends today', () => {
    expect(isHeld({ date: TODAY }, TODAY)).toBe(true);
    expect(isHeld({ date: '2026-09-30', status: 'held' }, TODAY)).toBe(true);
    expect(isHeld({ date: TOMORROW }, TODAY)).toBe(false);
    expect(isHeld({ date: '2026-09-30', status: 'planned' }, TODAY)).toBe(false);
    expect(heldPeriod({}, TODAY)).toEqual({ to: TODAY });
    expect(heldPeriod({ from: '2026-01-01', to: '2026-12-31' }, TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(heldPeriod({ from: '2026-01-01', to: '2026-03-31' }, TODAY)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});

describe('at the partner (the app\u2019s indicators)', () => {
  const ds = (): Dataset => {
    const d: Dataset = structuredClone(EMPTY_DATASET);
    d.organisations.push({ id: 'org', orgId: 'org', kind: 'ngo', country: 'HR', isSelf: true });
    d.people.push({ id: 'mara', orgId: 'org', kind: 'beneficiary', gender: 'woman', targetGroups: [] });
    d.matches.push({ id: 'm', orgId: 'org', mentorId: 'x', menteeId: 'mara', status: 'active', startedOn: '2026-09-01' });
    return d;
  };

  it('a future-dated mentoring session with psychosocial support counts nowhere until its day', () => {
    const d = ds();
    d.mentoringSessions.push({ id: 's', orgId: 'org', matchId: 'm', date: TOMORROW, minutes: 60, services: ['psychosocialSupport'] });
    for (const filter of [{}, { from: '2026-10-01', to: '2026-12-31' }]) {
      const i = computeIndicators(d, filter, TODAY).indicators;
      expect(psycho(i.mentoring.servicesByPeople)).toBe(0);
      expect(psycho(i.mentoring.servicesBySessions)).toBe(0);
      expect(i.mentoring.sessions).toBe(0);
      expect(i.mentoring.hours).toBe(0);
      expect(i.reach.total).toBe(0);
    }
    // Its day comes: now it counts.
    const then = computeIndicators(d, {}, TOMORROW).indicators;
    expect(psycho(then.mentoring.servicesByPeople)).toBe(1);
    expect(then.reach.total).toBe(1);
  });

  it('a session still marked planned never counts, even once its day has passed', () => {
    const d = ds();
    d.mentoringSessions.push({ id: 's', orgId: 'org', matchId: 'm', date: '2026-09-15', status: 'planned', minutes: 60, services: ['psychosocialSupport'] });
    const i = computeIndicators(d, {}, TODAY).indicators;
    expect(psycho(i.mentoring.servicesByPeople)).toBe(0);
    expect(i.mentoring.sessions).toBe(0);
    expect(i.reach.total).toBe(0);
  });

  it('the mentors\u2019 figures and the reminders count held sessions only', () => {
    const match = {
      id: 'm',
      orgId: 'org',
      mentorId: 'mentor',
      menteeId: 'mara',
      status: 'active',
      startedOn: '2026-08-01',
      createdAt: stamp,
      updatedAt: stamp,
    } as Match;
    const log = (id: string, date: string, status?: 'planned'): MentoringSession => ({
      id,
      orgId: 'org',
      matchId: 'm',
      date,
      status,
      minutes: 60,
      mode: 'inPerson',
      services: ['psychosocialSupport'],
      createdAt: stamp,
      updatedAt: stamp,
    });
    const sessions = [log('past', '2026-08-02'), log('future', TOMORROW), log('planned', '2026-09-20', 'planned')];
    const stats = mentorStats([match], sessions, undefined, undefined, TODAY).get('mentor')!;
    expect(stats.sessions).toBe(1);
    expect(stats.services.psychosocialSupport).toBe(1);
    // The last held session was on 2 August: eight weeks ago, not "tomorrow".
    expect(reminders([match], sessions, TODAY, 4)).toContainEqual({ kind: 'stale', matchId: 'm', lastSession: '2026-08-02', weeks: 8 });
  });
});

/** Partner A's data plus a new mentee with an active match; `future` adds her session of tomorrow. */
function partnerTables(world: World, future: boolean) {
  const t = structuredClone(world.a.tables);
  const mara = person(world.a.orgId, { firstName: 'Mara', lastName: 'Budućić', birthYear: 1991, municipality: 'Čakovec', country: 'HR' });
  t.people.push(mara);
  t.consents.push(consent(world.a.orgId, mara.id));
  const mentorId = t.mentors[0]!.id;
  const matchId = crypto.randomUUID();
  t.matches.push({
    id: matchId,
    orgId: world.a.orgId,
    createdAt: stamp,
    updatedAt: stamp,
    mentorId,
    menteeId: mara.id,
    status: 'active',
    startedOn: '2026-09-01',
  });
  if (future) {
    t.mentoringSessions.push({
      id: crypto.randomUUID(),
      orgId: world.a.orgId,
      createdAt: stamp,
      updatedAt: stamp,
      matchId,
      date: TOMORROW,
      minutes: 60,
      mode: 'inPerson',
      services: ['psychosocialSupport'],
    });
  }
  return t;
}

describe('in the bundle and at the lead', () => {
  it('the future session changes no figure in the bundle\u2019s indicators, the lead\u2019s consolidation or the command line\u2019s report', async () => {
    const world = await makeWorld();
    const project = world.invitation.projectId;
    const written = {
      without: await exportBundle(world, { ...world.a, tables: partnerTables(world, false) }, { today: TODAY }),
      with: await exportBundle(world, { ...world.a, tables: partnerTables(world, true) }, { today: TODAY }),
    };
    const opened = {
      without: await inspectBundle(written.without.bytes, world.leadKeys, { projectId: project }),
      with: await inspectBundle(written.with.bytes, world.leadKeys, { projectId: project }),
    };
    // The session did travel (it will count once its day comes)…
    expect(opened.with.tables.mentoringSessions!.length).toBe(opened.without.tables.mentoringSessions!.length + 1);
    // …but the partner's own figures in the bundle do not count it.
    expect(opened.with.indicators.indicators).toEqual(opened.without.indicators.indicators);

    // The lead's Reports screen: the consolidated data set, computed for the lead's today.
    const lead = (bundle: typeof opened.with, today: string) => {
      const empty = emptyConsolidatedState(project);
      const ds = partnersDataset(applyPlan(empty, planBundleImport(empty, [{ bundle, fileName: 'a.mreza' }])));
      return computeIndicators(ds, { personKey: ds.personKey }, today, { drilldown: false }).indicators;
    };
    expect(lead(opened.with, TODAY)).toEqual(lead(opened.without, TODAY));
    expect(psycho(lead(opened.with, TOMORROW).mentoring.servicesByPeople)).toBe(psycho(lead(opened.without, TOMORROW).mentoring.servicesByPeople) + 1);

    // The command line: the same report tables with and without the future session.
    const keyFile = await readKeyFile(
      await writeKeyFile(
        {
          project: { id: project, name: world.invitation.projectName },
          lead: { orgId: LEAD_ORG, name: 'Vodeći partner' },
          keys: await exportOrgKeys(world.leadKeys),
        },
        'ključ-od-svih-vrata',
        { iterations: MIN_ITERATIONS },
      ),
      'ključ-od-svih-vrata',
    );
    const { t } = createI18n('en');
    const cli = async (bytes: Uint8Array) =>
      batchReportTables(await reportFromBundles([{ fileName: 'a.mreza', data: bytes }], keyFile), t, 'en', { threshold: 1, today: TODAY }).filter(
        (table) => table.id !== 'sources',
      );
    expect(await cli(written.with.bytes)).toEqual(await cli(written.without.bytes));
  }, 60_000);
});
