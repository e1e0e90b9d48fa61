import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageBand, computeIndicators } from '../../src/shared/indicators/compute';
import { EMPTY_DATASET, type Dataset } from '../../src/shared/indicators/dataset';
import { displayCount, suppressBreakdown } from '../../src/shared/indicators/suppression';

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const TODAY = '2026-11-23';

type P = Dataset['people'][number];
const person = (id: string, over: Partial<P> = {}): P => ({
  id,
  orgId: ORG_A,
  kind: 'beneficiary',
  gender: 'woman',
  birthYear: 1990,
  municipality: 'Čakovec',
  country: 'HR',
  targetGroups: [],
  ...over,
});

/** A builder for hand-made data sets with known answers. */
function dataset(): Dataset & {
  attend(personId: string, sessionId: string, status?: 'present' | 'late' | 'excused' | 'absent', orgId?: string): void;
  mentor(menteeId: string, date: string, services: Array<'businessCounselling' | 'psychosocialSupport' | 'legalAdvice' | 'education'>, orgId?: string): void;
} {
  const ds: Dataset = structuredClone(EMPTY_DATASET);
  ds.organisations.push(
    { id: ORG_A, orgId: ORG_A, kind: 'ngo', country: 'HR', isSelf: true },
    { id: ORG_B, orgId: ORG_B, kind: 'ngo', country: 'SI', isSelf: false },
  );
  ds.programmes.push({ id: 'badge', orgId: ORG_A, kind: 'badge' }, { id: 'cross', orgId: ORG_A, kind: 'crossBorder' });
  ds.events.push({ id: 'ev-badge', orgId: ORG_A, programmeId: 'badge' }, { id: 'ev-cross', orgId: ORG_A, programmeId: 'cross' });
  ds.sessions.push(
    { id: 's1', orgId: ORG_A, eventId: 'ev-badge', date: '2026-03-02', country: 'HR' },
    { id: 's2', orgId: ORG_A, eventId: 'ev-badge', date: '2026-03-31', country: 'HR' },
    { id: 's3', orgId: ORG_A, eventId: 'ev-cross', date: '2026-04-01', country: 'SI' },
    { id: 's-future', orgId: ORG_A, eventId: 'ev-cross', date: '2027-01-14', country: 'HR' },
  );
  let n = 0;
  return Object.assign(ds, {
    attend(personId: string, sessionId: string, status: 'present' | 'late' | 'excused' | 'absent' = 'present', orgId = ORG_A) {
      ds.attendance.push({ id: `a${n++}`, orgId, sessionId, personId, status });
    },
    mentor(menteeId: string, date: string, services: Array<'businessCounselling' | 'psychosocialSupport' | 'legalAdvice' | 'education'>, orgId = ORG_A) {
      const matchId = `m-${menteeId}-${orgId}`;
      if (!ds.matches.some((m) => m.id === matchId))
        ds.matches.push({ id: matchId, orgId, mentorId: 'mentor', menteeId, status: 'active', startedOn: '2026-01-01' });
      ds.mentoringSessions.push({ id: `ms${n++}`, orgId, matchId, date, minutes: 90, services });
    },
  });
}

const value = (b: Array<{ key: string; count: number }>, key: string) => b.find((x) => x.key === key)?.count;

describe('indicators on the seed project (1,214 reached / 448 / 356 / 236 / 36)', () => {
  const ds = dataset();
  for (let i = 0; i < 1214; i++) {
    ds.people.push(person(`p${i}`, { gender: i < 700 ? 'woman' : i < 1200 ? 'man' : 'notStated' }));
    if (i < 1000) ds.attend(`p${i}`, i % 2 ? 's1' : 's3');
    // 214 reached only through mentoring, and 356 of all received psychosocial support.
    if (i >= 1000 || i < 142) ds.mentor(`p${i}`, '2026-05-10', i < 356 - 214 || i >= 1000 ? ['psychosocialSupport'] : ['businessCounselling']);
    if (i < 448) ds.outcomes.push({ id: `q${i}`, orgId: ORG_A, personId: `p${i}`, kind: 'qualification', date: '2026-06-01' });
    if (i >= 500 && i < 736) ds.outcomes.push({ id: `e${i}`, orgId: ORG_A, personId: `p${i}`, kind: 'employed', date: '2026-07-01' });
  }
  // A second qualification for the same person counts once.
  ds.outcomes.push({ id: 'q-again', orgId: ORG_A, personId: 'p0', kind: 'qualification', date: '2026-08-01' });
  for (let i = 0; i < 36; i++) ds.organisations.push({ id: `sme${i}`, orgId: ORG_A, kind: 'sme', country: 'RS', isSelf: false, supportedOn: '2026-09-01' });
  // Someone never reached does not count.
  ds.people.push(person('never'));

  const { indicators } = computeIndicators(ds, {}, TODAY);
  it('reproduces the figures the donor was given', () => {
    expect(indicators.reach.total).toBe(1214);
    expect(value(indicators.outcomes.byKind, 'qualification')).toBe(448);
    expect(value(indicators.mentoring.servicesByPeople, 'psychosocialSupport')).toBe(356);
    expect(value(indicators.outcomes.byKind, 'employed')).toBe(236);
    expect(indicators.outcomes.smesSupported).toBe(36);
  });
  it('counts women against everyone reached', () => {
    expect(indicators.reach.women).toBe(700);
    expect(indicators.reach.womenShare).toBeCloseTo(700 / 1214);
    expect(value(indicators.reach.byGender, 'notStated')).toBe(14);
  });
});

describe('uniqueness', () => {
  it('a person in two programmes is reached once, and appears under each programme', () => {
    const ds = dataset();
    ds.people.push(person('ana'));
    ds.attend('ana', 's1');
    ds.attend('ana', 's2');
    ds.attend('ana', 's3');
    const { indicators, drilldown } = computeIndicators(ds, {}, TODAY);
    expect(indicators.reach.total).toBe(1);
    expect(indicators.training.participants).toBe(1);
    expect(value(indicators.reach.byProgramme, 'badge')).toBe(1);
    expect(value(indicators.reach.byProgramme, 'cross')).toBe(1);
    expect([...drilldown.get('reach.total')!]).toEqual(['ana']);
  });

  it('the same woman served by two partners counts once at the lead (pseudonymous key)', () => {
    const ds = dataset();
    ds.people.push(person('a-ana', { orgId: ORG_A }), person('b-ana', { orgId: ORG_B }), person('b-maja', { orgId: ORG_B }));
    ds.attend('a-ana', 's1', 'present', ORG_A);
    ds.mentor('b-ana', '2026-05-01', ['legalAdvice'], ORG_B);
    ds.mentor('b-maja', '2026-05-01', ['legalAdvice'], ORG_B);
    const key = (id: string) => id.replace(/^[ab]-/, '');
    const { indicators } = computeIndicators(ds, { personKey: key }, TODAY);
    expect(indicators.reach.total).toBe(2);
    expect(value(indicators.reach.byPartner, ORG_A)).toBe(1);
    expect(value(indicators.reach.byPartner, ORG_B)).toBe(2);
    expect(value(indicators.mentoring.servicesByPeople, 'legalAdvice')).toBe(2);
    // Without the key they would be three.
    expect(computeIndicators(ds, {}, TODAY).indicators.reach.total).toBe(3);
  });
});

describe('periods, partners and programmes', () => {
  const ds = dataset();
  ds.people.push(person('march'), person('april', { kind: 'professional', gender: 'man' }), person('both'));
  ds.attend('march', 's2');
  ds.attend('april', 's3');
  ds.attend('both', 's1');
  ds.attend('both', 's3', 'late');
  ds.attend('march', 's1', 'absent');
  ds.attend('april', 's-future');

  it('bounds are inclusive calendar days', () => {
    const march = computeIndicators(ds, { from: '2026-03-01', to: '2026-03-31' }, TODAY).indicators;
    expect(march.reach.total).toBe(2);
    expect(march.training.sessions).toBe(2);
    const april = computeIndicators(ds, { from: '2026-04-01', to: '2026-04-01' }, TODAY).indicators;
    expect(april.reach.total).toBe(2);
    expect(april.reach.professionals).toBe(1);
    expect(computeIndicators(ds, { from: '2026-04-02' }, TODAY).indicators.reach.total).toBe(0);
  });

  it('sessions in the future are not held yet, and absences lower the attendance rate', () => {
    const all = computeIndicators(ds, {}, TODAY).indicators;
    expect(all.training.sessions).toBe(3);
    expect(all.training.events).toBe(2);
    expect(all.training.programmes).toBe(2);
    expect(all.training.attendanceRate).toBeCloseTo(4 / 5);
  });

  it('a programme filter keeps only that programme', () => {
    const badge = computeIndicators(ds, { programmeId: 'badge' }, TODAY).indicators;
    expect(badge.reach.total).toBe(2);
    expect(badge.training.sessions).toBe(2);
    expect(badge.training.programmes).toBe(1);
  });

  it('a partner or country filter keeps only that partner', () => {
    const b = dataset();
    b.people.push(person('x', { orgId: ORG_B }), person('y'));
    // Each partner's records point at its own programmes and sessions.
    b.events.push({ id: 'ev-b', orgId: ORG_B, programmeId: 'prog-b' });
    b.sessions.push({ id: 's-b', orgId: ORG_B, eventId: 'ev-b', date: '2026-03-02', country: 'SI' });
    b.attend('x', 's-b', 'present', ORG_B);
    b.attend('y', 's1', 'present', ORG_A);
    expect(computeIndicators(b, { orgId: ORG_B }, TODAY).indicators.reach.total).toBe(1);
    expect(computeIndicators(b, { country: 'HR' }, TODAY).indicators.reach.total).toBe(1);
    expect(computeIndicators(b, { country: 'RS' }, TODAY).indicators.reach.total).toBe(0);
  });
});

describe('breakdowns', () => {
  it('age bands at the end of the period, target groups counted per group', () => {
    expect(ageBand(2012, 2026)).toBe('under15');
    expect(ageBand(2011, 2026)).toBe('15-24');
    expect(ageBand(2002, 2026)).toBe('15-24');
    expect(ageBand(2001, 2026)).toBe('25-34');
    expect(ageBand(1961, 2026)).toBe('65plus');
    expect(ageBand(1962, 2026)).toBe('55-64');
    expect(ageBand(undefined, 2026)).toBe('unknown');
    const ds = dataset();
    ds.people.push(person('r', { targetGroups: ['roma', 'singleParent'] }), person('s', { targetGroups: ['singleParent'], birthYear: undefined }));
    ds.attend('r', 's1');
    ds.attend('s', 's1');
    const { indicators } = computeIndicators(ds, {}, TODAY);
    expect(value(indicators.reach.byTargetGroup, 'singleParent')).toBe(2);
    expect(value(indicators.reach.byTargetGroup, 'roma')).toBe(1);
    expect(value(indicators.reach.byTargetGroup, 'lgbt')).toBe(0);
    expect(value(indicators.reach.byAgeBand, '35-44')).toBe(1);
    expect(value(indicators.reach.byAgeBand, 'unknown')).toBe(1);
  });
});

describe('small-cell suppression', () => {
  it('hides counts under the threshold and a second cell so the total cannot reveal it', () => {
    const { cells, total } = suppressBreakdown(
      [
        { key: 'woman', count: 40 },
        { key: 'man', count: 12 },
        { key: 'other', count: 3 },
        { key: 'notStated', count: 0 },
      ],
      5,
    );
    expect(cells.map((c) => c.suppressed)).toEqual([false, true, true, false]);
    expect(total).toMatchObject({ count: 55, suppressed: false });
    // The 12 is hidden to protect the 3, and says so ("x"): it is not "<5" (issue 16).
    expect(cells.map((c) => displayCount(c, 5))).toEqual(['40', 'x', '<5', '0']);
  });

  it('two small cells already protect each other; zero is not small', () => {
    const { cells } = suppressBreakdown(
      [
        { key: 'a', count: 2 },
        { key: 'b', count: 4 },
        { key: 'c', count: 30 },
      ],
      5,
    );
    expect(cells.map((c) => c.suppressed)).toEqual([true, true, false]);
  });

  it('a small total is itself hidden', () => {
    const { total } = suppressBreakdown([{ key: 'a', count: 3 }], 5);
    expect(total.suppressed).toBe(true);
  });

  it('the threshold comes from Settings', () => {
    const { cells } = suppressBreakdown(
      [
        { key: 'a', count: 7 },
        { key: 'b', count: 50 },
        { key: 'c', count: 12 },
      ],
      10,
    );
    expect(cells.map((c) => c.suppressed)).toEqual([true, false, true]);
  });
});

describe('reach over time', () => {
  it('counts each person in the month they were first reached', () => {
    const ds = dataset();
    ds.people.push(person('a'), person('b'), person('c'));
    ds.attend('a', 's1');
    ds.attend('a', 's3');
    ds.attend('b', 's3');
    ds.mentor('c', '2026-07-02', ['education']);
    const { indicators } = computeIndicators(ds, {}, TODAY);
    expect(indicators.reach.byMonth).toEqual([
      { key: '2026-03', count: 1 },
      { key: '2026-04', count: 1 },
      { key: '2026-05', count: 0 },
      { key: '2026-06', count: 0 },
      { key: '2026-07', count: 1 },
    ]);
  });
});

describe('targets', () => {
  it('progress against project and programme targets, shares in percent', async () => {
    const { applicableTargets, targetProgress } = await import('../../src/shared/indicators/targets');
    const ds = dataset();
    ds.people.push(person('w1'), person('w2'), person('m1', { gender: 'man' }), person('m2', { gender: 'man' }));
    for (const p of ['w1', 'w2', 'm1', 'm2']) ds.attend(p, 's1');
    const { indicators } = computeIndicators(ds, {}, TODAY);
    const base = { orgId: ORG_A, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const targets = [
      { ...base, id: 't1', indicator: 'reach.total' as const, value: 8 },
      { ...base, id: 't2', indicator: 'reach.womenShare' as const, value: 50 },
      { ...base, id: 't3', indicator: 'reach.total' as const, value: 100, programmeId: 'badge' },
    ];
    const project = targetProgress(indicators, applicableTargets(targets, undefined));
    expect(project.map((p) => [p.target.id, p.actual, p.ratio])).toEqual([
      ['t1', 4, 0.5],
      ['t2', 50, 1],
    ]);
    expect(applicableTargets(targets, 'badge').map((t) => t.id)).toEqual(['t3']);
  });
});

describe('drill-down on demand', () => {
  it('the same figures without collecting the people behind them', () => {
    const ds = dataset();
    ds.people.push(person('a'), person('b'));
    ds.attend('a', 's1');
    ds.mentor('b', '2026-05-02', ['education']);
    const full = computeIndicators(ds, {}, TODAY);
    const lean = computeIndicators(ds, {}, TODAY, { drilldown: false });
    expect(lean.indicators).toEqual(full.indicators);
    expect(lean.drilldown.size).toBe(0);
    expect([...full.drilldown.get('reach.total')!].sort()).toEqual(['a', 'b']);
  });
});

describe('one number at a time, on the day-sorted session logs', () => {
  it('collects the people behind one number only, the same as the full drill-down', () => {
    const ds = dataset();
    ds.people.push(person('a'), person('b', { gender: 'man' }), person('c'));
    ds.attend('a', 's1');
    ds.mentor('b', '2026-05-02', ['education']);
    ds.mentor('c', '2026-05-03', ['education', 'legalAdvice']);
    const full = computeIndicators(ds, {}, TODAY).drilldown;
    for (const path of ['reach.byGender.woman', 'mentoring.servicesByPeople.education', 'reach.total']) {
      const one = computeIndicators(ds, {}, TODAY, { drilldown: path }).drilldown;
      expect([...one.keys()]).toEqual([path]);
      expect([...one.get(path)!].sort()).toEqual([...full.get(path)!].sort());
    }
  });

  it('counts logs on the first and last day of a period, date-times by their day, and never logs without a date', () => {
    const ds = dataset();
    ds.people.push(person('a'), person('b'), person('c'));
    ds.mentor('a', '2026-03-31T23:30:00.000Z', ['education']);
    ds.mentor('b', '2026-04-01', ['legalAdvice']);
    ds.mentor('c', '2026-06-30', ['legalAdvice']);
    ds.mentor('c', '2026-07-01', ['legalAdvice']);
    ds.mentoringSessions.push({ id: 'undated', orgId: ORG_A, matchId: 'm-a-org-a', date: '', minutes: 60, services: ['education'] });
    const q2 = computeIndicators(ds, { from: '2026-04-01', to: '2026-06-30' }, TODAY, { drilldown: false }).indicators;
    expect(q2.mentoring.sessions).toBe(2);
    expect(q2.reach.total).toBe(2);
    const march = computeIndicators(ds, { from: '2026-03-01', to: '2026-03-31' }, TODAY, { drilldown: false }).indicators;
    expect(march.mentoring.sessions).toBe(1);
    expect(value(march.mentoring.servicesBySessions, 'education')).toBe(1);
    expect(computeIndicators(ds, {}, TODAY, { drilldown: false }).indicators.mentoring.sessions).toBe(4);
  });

  it('gives the same figures whatever the order of the logs, and periods add up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            mentee: fc.constantFrom('a', 'b', 'c', 'd'),
            day: fc.integer({ min: 0, max: 400 }),
            minutes: fc.integer({ min: 15, max: 180 }),
            services: fc.subarray(['businessCounselling', 'psychosocialSupport', 'legalAdvice', 'education'] as const, { minLength: 1 }),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 399 }),
        (logs, split) => {
          const day = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
          const build = (order: typeof logs) => {
            const ds = dataset();
            ds.people.push(person('a'), person('b'), person('c'), person('d'));
            for (const l of order) ds.mentor(l.mentee, day(l.day), [...l.services]);
            ds.mentoringSessions.forEach((s, i) => (s.minutes = order[i]!.minutes));
            return ds;
          };
          const forward = computeIndicators(build(logs), {}, TODAY, { drilldown: false }).indicators;
          const backward = computeIndicators(build([...logs].reverse()), {}, TODAY, { drilldown: false }).indicators;
          expect(backward.mentoring).toEqual(forward.mentoring);
          expect(backward.reach).toEqual(forward.reach);
          const ds = build(logs);
          const all = computeIndicators(ds, { from: day(0), to: day(400) }, TODAY, { drilldown: false }).indicators.mentoring;
          const before = computeIndicators(ds, { from: day(0), to: day(split - 1) }, TODAY, { drilldown: false }).indicators.mentoring;
          const after = computeIndicators(ds, { from: day(split), to: day(400) }, TODAY, { drilldown: false }).indicators.mentoring;
          expect(before.sessions + after.sessions).toBe(logs.length);
          expect(all.sessions).toBe(logs.length);
          expect(Math.abs(before.hours + after.hours - all.hours)).toBeLessThan(0.15);
        },
      ),
      { seed: 20261123, numRuns: 200 },
    );
  });
});

describe('by municipality: one row per place, whatever script or spelling it was typed in', () => {
  it('"Младеновац", "Mladenovac" and "MLADENOVAC " are one row, named canonically; unknown places group by their folded text', () => {
    const ds = dataset();
    ds.people.push(
      person('cyr', { municipality: 'Младеновац', country: 'RS' }),
      person('lat', { municipality: 'Mladenovac', country: 'RS' }),
      person('caps', { municipality: 'MLADENOVAC ' }),
      person('zg', { municipality: 'Grad Zagreb' }),
      person('zg2', { municipality: 'Zagreb' }),
      person('x1', { municipality: 'Село Горње' }),
      person('x2', { municipality: 'selo gornje' }),
      person('none', { municipality: undefined }),
    );
    for (const p of ds.people) ds.attend(p.id, 's1');
    const { indicators, drilldown } = computeIndicators(ds, {}, TODAY, { drilldown: true });
    expect(indicators.reach.byMunicipality).toEqual([
      { key: 'Mladenovac', count: 3 },
      { key: 'Zagreb', count: 2 },
      { key: 'Село Горње', count: 2 },
      { key: 'unknown', count: 1 },
    ]);
    expect([...(drilldown.get('reach.byMunicipality.Mladenovac') ?? [])].sort()).toEqual(['caps', 'cyr', 'lat']);
  });
});
