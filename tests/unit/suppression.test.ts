import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, type Indicators } from '../../src/shared/indicators/compute';
import { reportTables, type ReportTable } from '../../src/shared/indicators/report';
import { reportLabels } from '../../src/shared/indicators/reportLabels';
import { protect, type ProtectionModel, type Relation } from '../../src/shared/indicators/suppression';
import { createI18n } from '../../src/shared/i18n/setup';
import { GENDERS, OUTCOME_KINDS, PERSON_KINDS, SERVICES, TARGET_GROUPS } from '../../src/shared/model';
import { recoveredCells, type Known, type KnownRelation } from './helpers/bruteForceRecovery';

const en = createI18n('en').t;
const hr = createI18n('hr').t;
const labels = reportLabels(en, {
  programmes: new Map([
    ['p1', 'BADGE'],
    ['p2', 'Modules'],
  ]),
  organisations: new Map([
    ['o1', 'Partner A'],
    ['o2', 'Partner B'],
  ]),
});

interface Someone {
  gender: (typeof GENDERS)[number];
  kind: (typeof PERSON_KINDS)[number];
  band: (typeof AGE_BANDS)[number];
  municipality: string;
  country: string;
  partners: readonly string[];
}

const breakdown = <K extends string>(keys: readonly K[], of: (k: K) => number) => keys.map((key) => ({ key, count: of(key) }));
const countBy = (people: readonly Someone[], f: (p: Someone) => string | readonly string[]) => {
  const m = new Map<string, number>();
  for (const p of people) for (const k of [f(p)].flat()) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/** Indicators as computeIndicators would give them for these people (all reached by training in one programme). */
function indicatorsOf(people: readonly Someone[]): Indicators {
  const by = (f: (p: Someone) => string | readonly string[]) => countBy(people, f);
  const gender = by((p) => p.gender);
  const band = by((p) => p.band);
  const municipality = by((p) => p.municipality);
  const country = by((p) => p.country);
  const partner = by((p) => p.partners);
  const kinds = by((p) => p.kind);
  return {
    reach: {
      total: people.length,
      beneficiaries: kinds.get('beneficiary') ?? 0,
      professionals: kinds.get('professional') ?? 0,
      women: gender.get('woman') ?? 0,
      womenShare: people.length ? (gender.get('woman') ?? 0) / people.length : null,
      byGender: breakdown(GENDERS, (k) => gender.get(k) ?? 0),
      byAgeBand: breakdown(AGE_BANDS, (k) => band.get(k) ?? 0),
      byTargetGroup: breakdown(TARGET_GROUPS, () => 0),
      byMunicipality: [...municipality].map(([key, count]) => ({ key, count })),
      byCountry: [...country].map(([key, count]) => ({ key, count })),
      byProgramme: people.length ? [{ key: 'p1', count: people.length }] : [],
      byPartner: [...partner].map(([key, count]) => ({ key, count })),
      byMonth: [],
    },
    training: { programmes: 1, events: 2, sessions: 9, participants: people.length, attendanceRate: 0.8, completions: 0, certificates: 0 },
    mentoring: {
      activeMatches: 0,
      closedMatches: 0,
      sessions: 0,
      hours: 0,
      servicesBySessions: breakdown(SERVICES, () => 0),
      servicesByPeople: breakdown(SERVICES, () => 0),
    },
    outcomes: { byKind: breakdown(OUTCOME_KINDS, () => 0), smesSupported: 0, jobsOpened: 0, placedWithEmployers: 0 },
  };
}

const base: Someone = { gender: 'woman', kind: 'beneficiary', band: '35-44', municipality: 'Čakovec', country: 'HR', partners: ['o1'] };
const crowd = (n: number, over: Partial<Someone> = {}): Someone[] => Array.from({ length: n }, () => ({ ...base, ...over }));

const tableOf = (tables: ReportTable[], id: string) => tables.find((t) => t.id === id)!;
const valueIn = (tables: ReportTable[], id: string, label: string) => tableOf(tables, id).rows.find((r) => r[0] === label)?.[1];
const summaryValue = (tables: ReportTable[], indicator: string) =>
  valueIn(tables, 'summary', en(`reports:indicators.${indicator}`)) ?? valueIn(tables, 'summary', `${en(`reports:indicators.${indicator}`)} (%)`);
const gender = (tables: ReportTable[], key: string) => valueIn(tables, 'byGender', en(`reports:categories.gender.${key}`));

/** "<5" on anything but 1..4 is a false statement. */
function expectNoFalseMarks(tables: ReportTable[], i: Indicators) {
  const truth: Array<[string, number]> = [
    ['summary:reach.total', i.reach.total],
    ['summary:reach.women', i.reach.women],
    ['summary:reach.beneficiaries', i.reach.beneficiaries],
    ['summary:reach.professionals', i.reach.professionals],
    ...i.reach.byGender.map((c): [string, number] => [`byGender:${c.key}`, c.count]),
  ];
  const shown = new Map<string, number | string | undefined>([
    ['summary:reach.total', summaryValue(tables, 'reach.total')],
    ['summary:reach.women', summaryValue(tables, 'reach.women')],
    ['summary:reach.beneficiaries', summaryValue(tables, 'reach.beneficiaries')],
    ['summary:reach.professionals', summaryValue(tables, 'reach.professionals')],
    ...i.reach.byGender.map((c): [string, number | string | undefined] => [`byGender:${c.key}`, gender(tables, c.key)]),
  ]);
  for (const [id, value] of truth) {
    const v = shown.get(id);
    if (typeof v === 'number') expect(v, id).toBe(value);
    else if (v === '<5') expect(value >= 1 && value <= 4, `${id} is ${value}, shown as <5`).toBe(true);
    else expect(v, id).toBe('x');
  }
}

describe('the donor report: the recoveries of issue 16 no longer work', () => {
  it('10 women and 1 man: the 10 is not printed as "<5", and the summary gives neither back', () => {
    const i = indicatorsOf([...crowd(10), ...crowd(1, { gender: 'man' })]);
    const tables = reportTables(i, labels, 5);
    expect(gender(tables, 'man')).toBe('<5');
    expect(gender(tables, 'woman')).toBe('x');
    expect(summaryValue(tables, 'reach.women')).toBe('x');
    expect(summaryValue(tables, 'reach.womenShare')).toBe('x');
    expect(summaryValue(tables, 'reach.total')).toBe(11);
    expectNoFalseMarks(tables, i);
  });

  it('a hidden 3 does not come back as total × women %', () => {
    const i = indicatorsOf([...crowd(3), ...crowd(37, { gender: 'man' })]);
    const tables = reportTables(i, labels, 5);
    expect(gender(tables, 'woman')).toBe('<5');
    const share = summaryValue(tables, 'reach.womenShare');
    const total = summaryValue(tables, 'reach.total');
    expect(typeof share === 'number' && typeof total === 'number' ? Math.round((total * share) / 100) : null).toBeNull();
    expectNoFalseMarks(tables, i);
  });

  it('professionals are not total − beneficiaries', () => {
    const i = indicatorsOf([...crowd(37), ...crowd(3, { kind: 'professional' })]);
    const tables = reportTables(i, labels, 5);
    const total = summaryValue(tables, 'reach.total');
    const beneficiaries = summaryValue(tables, 'reach.beneficiaries');
    expect(summaryValue(tables, 'reach.professionals')).toBe('<5');
    expect(typeof total === 'number' && typeof beneficiaries === 'number' ? total - beneficiaries : null).toBeNull();
    expectNoFalseMarks(tables, i);
  });

  it('a secondarily hidden 37 is marked "x", never "<5"', () => {
    const i = indicatorsOf([...crowd(37), ...crowd(3, { gender: 'man' })]);
    const tables = reportTables(i, labels, 5);
    expect(gender(tables, 'woman')).toBe('x');
    expect(gender(tables, 'man')).toBe('<5');
    expectNoFalseMarks(tables, i);
  });

  it('the report explains both marks in its language; without a threshold nothing is hidden', () => {
    const i = indicatorsOf([...crowd(10), ...crowd(1, { gender: 'man' })]);
    const tables = reportTables(i, reportLabels(hr, { programmes: new Map(), organisations: new Map() }), 5);
    const legend = tableOf(tables, 'legend');
    expect(legend.title).toBe(hr('reports:legend.title'));
    expect(legend.rows).toEqual([
      ['<5', hr('reports:legend.small', { max: 4 })],
      ['x', hr('reports:legend.secondary')],
    ]);
    const open = reportTables(i, labels);
    expect(open.some((t) => t.id === 'legend')).toBe(false);
    expect(gender(open, 'man')).toBe(1);
  });
});

// ---------- property tests ----------

/** A random composition of n into k non-negative parts. */
const composition = (n: number, k: number) =>
  fc.array(fc.integer({ min: 0, max: n }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), n];
    return sorted.slice(1).map((c, j) => c - sorted[j]!);
  });

/** A report shape: one total, 1–3 exclusive breakdowns of it, maybe an overlapping one, a share. */
const shapeArb = fc
  .record({
    threshold: fc.constantFrom(3, 5),
    total: fc.integer({ min: 0, max: 13 }),
    breakdowns: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 3 }),
    overlap: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
  })
  .chain((s) =>
    fc.record({
      threshold: fc.constant(s.threshold),
      total: fc.constant(s.total),
      parts: fc.tuple(...s.breakdowns.map((k) => composition(s.total, k))),
      overlap: s.overlap ? fc.array(fc.integer({ min: 0, max: s.total }), { minLength: s.overlap, maxLength: s.overlap }) : fc.constant([] as number[]),
    }),
  );

function modelOf(shape: { total: number; parts: number[][]; overlap: number[] }): ProtectionModel {
  const cells = new Map<string, number>([['T', shape.total]]);
  const relations: Relation[] = [];
  shape.parts.forEach((parts, b) => {
    parts.forEach((v, j) => cells.set(`b${b}.${j}`, v));
    relations.push({ total: 'T', parts: parts.map((_, j) => `b${b}.${j}`), kind: 'sum' });
  });
  if (shape.overlap.length) {
    shape.overlap.forEach((v, j) => cells.set(`o.${j}`, v));
    const sum = shape.overlap.reduce((a, b) => a + b, 0);
    relations.push({ total: 'T', parts: shape.overlap.map((_, j) => `o.${j}`), kind: sum === shape.total ? 'sum' : sum > shape.total ? 'cover' : 'subset' });
  }
  return { cells, relations, ratios: [{ id: 'share', numerator: 'b0.0', denominator: 'T' }] };
}

describe('suppression holds: no hidden cell can be recovered, no shown cell is false (property)', () => {
  it('on random tables of one total with several breakdowns, checked by brute force', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const model = modelOf(shape);
        const t = shape.threshold;
        const { state } = protect(model, t);
        const known = new Map<string, Known>();
        for (const [id, value] of model.cells) {
          const s = state.get(id)!;
          // Shown means true; "<t" only on 1..t−1.
          if (s === 'small') expect(value >= 1 && value < t, `${id}=${value} marked small`).toBe(true);
          if (s === 'shown') expect(value === 0 || value >= t, `${id}=${value} shown`).toBe(true);
          known.set(id, s === 'shown' ? { kind: 'shown', value } : s === 'small' ? { kind: 'small' } : { kind: 'x' });
        }
        // A share is shown only with both of its counts.
        if (state.get('share') === 'shown') expect(state.get('b0.0') === 'shown' && state.get('T') === 'shown').toBe(true);
        const relations: KnownRelation[] = model.relations.map((r) => ({ total: r.total, parts: r.parts, kind: r.kind }));
        const recovered = recoveredCells(known, relations, model.cells, t, (id) => (model.cells.get(id)! >= t ? t : 0));
        expect(recovered, JSON.stringify({ shape, state: [...state] })).toEqual([]);
      }),
      { numRuns: 400, seed: 16_4 },
    );
  });

  it('on random donor reports, read the way a reader would (tables, totals, shares), checked by brute force', () => {
    const someone = fc.record({
      gender: fc.constantFrom(...GENDERS),
      kind: fc.constantFrom(...PERSON_KINDS),
      band: fc.constantFrom('25-34', '35-44', '55-64'),
      municipality: fc.constantFrom('Čakovec', 'Prelog'),
      country: fc.constant('HR'),
      partners: fc.constantFrom(['o1'], ['o2'], ['o1', 'o2']),
    });
    fc.assert(
      fc.property(fc.array(someone, { maxLength: 14 }), (people) => {
        const i = indicatorsOf(people as Someone[]);
        const tables = reportTables(i, labels, 5);
        // What a reader sees, cell by cell, with the truth beside it.
        const known = new Map<string, Known>();
        const truth = new Map<string, number>();
        const see = (id: string, shown: number | string | undefined, value: number) => {
          truth.set(id, value);
          if (typeof shown === 'number') {
            expect(shown, id).toBe(value);
            known.set(id, { kind: 'shown', value: shown });
          } else if (shown === '<5') {
            expect(value >= 1 && value <= 4, `${id}=${value} shown as <5`).toBe(true);
            known.set(id, { kind: 'small' });
          } else {
            expect(shown, id).toBe('x');
            known.set(id, { kind: 'x' });
          }
        };
        see('total', summaryValue(tables, 'reach.total'), i.reach.total);
        see('beneficiaries', summaryValue(tables, 'reach.beneficiaries'), i.reach.beneficiaries);
        see('professionals', summaryValue(tables, 'reach.professionals'), i.reach.professionals);
        // The summary's "women" must say what the gender table says.
        expect(summaryValue(tables, 'reach.women')).toEqual(gender(tables, 'woman'));
        const relations: KnownRelation[] = [{ total: 'total', parts: ['beneficiaries', 'professionals'], kind: 'sum' }];
        for (const [table, data, kind] of [
          ['byGender', i.reach.byGender, 'sum'],
          ['byAgeBand', i.reach.byAgeBand, 'sum'],
          ['byMunicipality', i.reach.byMunicipality, 'sum'],
          ['byCountry', i.reach.byCountry, 'sum'],
          // Everyone is reached through at least one partner.
          ['byPartner', i.reach.byPartner, 'cover'],
        ] as const) {
          const rows = tableOf(tables, table).rows;
          data.forEach((c, j) => see(`${table}.${c.key}`, rows[j]![1], c.count));
          // Every total row says what the summary says.
          if (kind === 'sum') expect(rows.at(-1)).toEqual([en('reports:total'), summaryValue(tables, 'reach.total')]);
          // A reader may guess that partners do not overlap: when that is true, it is a sum.
          const exact = kind === 'sum' || data.reduce((s, c) => s + c.count, 0) === i.reach.total;
          relations.push({ total: 'total', parts: data.map((c) => `${table}.${c.key}`), kind: exact ? 'sum' : kind });
        }
        // A shown share of women gives women = share × total back: allowed only when both are shown.
        const share = summaryValue(tables, 'reach.womenShare');
        if (typeof share === 'number') expect(known.get('byGender.woman')!.kind === 'shown' && known.get('total')!.kind === 'shown').toBe(true);
        // An "x" is never a small count, unless a whole table had to be withdrawn.
        const xFloor = (id: string) => (truth.get(id)! >= 5 ? 5 : 0);
        expect(recoveredCells(known, relations, truth, 5, xFloor), JSON.stringify(people)).toEqual([]);
      }),
      { numRuns: 150, seed: 16_40 },
    );
  });
});
