import { describe, expect, it } from 'vitest';
import { createI18n } from '@shared/i18n/setup';
import { computeIndicators } from '../../src/shared/indicators/compute';
import { EMPTY_DATASET, type Dataset } from '../../src/shared/indicators/dataset';
import { reportTables } from '../../src/shared/indicators/report';
import { reportLabels } from '../../src/shared/indicators/reportLabels';
import type { StatusStep } from '@shared/referrals';

const TODAY = '2026-11-23';
const ORG_A = 'org-a';
const ORG_B = 'org-b';
type R = NonNullable<Dataset['referrals']>[number];

let n = 0;
/** A referral with its steps: [status, day] after "sent" on `sent`. */
function ref(kind: R['kind'], sent: string, steps: Array<[StatusStep['status'], string]> = [], orgId = ORG_A, personId = `p${++n}`): R {
  return { id: `r${++n}`, orgId, personId, kind, date: sent, history: [{ status: 'sent', date: sent }, ...steps.map(([status, date]) => ({ status, date }))] };
}

/**
 * The hand-counted fixture (period = March 2026):
 *   made in March:      CSW ×3 (1, 2, 3), employment ×2 (4, 5), legal aid ×1 (6)        = 6
 *                       (7 was sent in February, 8 in April: not made in March)
 *   accepted in March:  1 (CSW), 4 (employment), 7 (health, sent Feb, accepted 2 Mar)   = 3
 *                       (2 was accepted on 1 April: not in March)
 *   completed in March: 1 (CSW: accepted, started, closed 30 Mar)                        = 1
 *                       (3 closed in March without the service starting: not completed;
 *                        4 started but still open; 5 declined)
 *   partner B's 9 (CSW, made in March) counts only without a partner filter.
 */
function fixture(): Dataset {
  const ds: Dataset = { ...structuredClone(EMPTY_DATASET), referrals: [] };
  ds.organisations.push(
    { id: ORG_A, orgId: ORG_A, kind: 'ngo', country: 'HR', isSelf: true },
    { id: ORG_B, orgId: ORG_B, kind: 'ngo', country: 'RS', isSelf: false },
  );
  ds.referrals!.push(
    ref('socialWorkCentre', '2026-03-02', [
      ['accepted', '2026-03-04'],
      ['serviceStarted', '2026-03-10'],
      ['closed', '2026-03-30'],
    ]),
    ref('socialWorkCentre', '2026-03-20', [['accepted', '2026-04-01']]),
    ref('socialWorkCentre', '2026-03-05', [['closed', '2026-03-25']]),
    ref('employmentOffice', '2026-03-06', [
      ['accepted', '2026-03-07'],
      ['serviceStarted', '2026-03-15'],
    ]),
    ref('employmentOffice', '2026-03-06', [['declined', '2026-03-09']]),
    ref('legalAid', '2026-03-31'),
    ref('healthcare', '2026-02-20', [['accepted', '2026-03-02']]),
    ref('ngo', '2026-04-01'),
    ref('socialWorkCentre', '2026-03-10', [], ORG_B),
  );
  return ds;
}

const kinds = (b: Array<{ key: string; count: number }>) => Object.fromEntries(b.filter((c) => c.count).map((c) => [c.key, c.count]));

describe('referral indicators (docs/indicators.md, "Referrals")', () => {
  it('made, accepted and completed in March, by kind of service, counted by hand', () => {
    const r = computeIndicators(fixture(), { from: '2026-03-01', to: '2026-03-31', orgId: ORG_A }, TODAY).indicators.referrals!;
    expect([r.made, r.accepted, r.completed]).toEqual([6, 3, 1]);
    expect(kinds(r.madeByKind)).toEqual({ socialWorkCentre: 3, employmentOffice: 2, legalAid: 1 });
    expect(kinds(r.acceptedByKind)).toEqual({ socialWorkCentre: 1, employmentOffice: 1, healthcare: 1 });
    expect(kinds(r.completedByKind)).toEqual({ socialWorkCentre: 1 });
    // Every kind is listed, in a fixed order, so reports line up.
    expect(r.madeByKind.map((c) => c.key)).toEqual(['socialWorkCentre', 'employmentOffice', 'healthcare', 'legalAid', 'ngo', 'other']);
  });

  it('every partner without a filter; project to date counts every step', () => {
    expect(computeIndicators(fixture(), { from: '2026-03-01', to: '2026-03-31' }, TODAY).indicators.referrals!.made).toBe(7);
    const all = computeIndicators(fixture(), {}, TODAY).indicators.referrals!;
    expect([all.made, all.accepted, all.completed]).toEqual([9, 4, 1]);
  });

  it('the people behind a figure are the referred people', () => {
    const { drilldown } = computeIndicators(fixture(), { from: '2026-03-01', to: '2026-03-31', orgId: ORG_A }, TODAY);
    expect(drilldown.get('referrals.madeByKind.socialWorkCentre')?.size).toBe(3);
  });

  it('a data set without referrals (a partner bundle, the consolidation) has no referral figures, not zeros', () => {
    const i = computeIndicators(structuredClone(EMPTY_DATASET), {}, TODAY).indicators;
    expect(i.referrals).toBeUndefined();
  });
});

describe('referral figures that leave the organisation are suppressed', () => {
  it('small counts by kind read "<5", one more is hidden so the small one cannot be worked out, and the totals follow', () => {
    const labels = reportLabels(createI18n('en').t, { programmes: new Map(), organisations: new Map() });
    const ds: Dataset = { ...structuredClone(EMPTY_DATASET), referrals: [] };
    for (let k = 0; k < 12; k++) ds.referrals!.push(ref('employmentOffice', '2026-03-02'));
    ds.referrals!.push(ref('legalAid', '2026-03-03'), ref('legalAid', '2026-03-04'));
    const i = computeIndicators(ds, {}, TODAY).indicators;
    const tables = reportTables(i, labels, 5);
    const made = tables.find((t) => t.id === 'referralsMade')!;
    const row = (label: string) => made.rows.find(([l]) => l === label)?.[1];
    expect(row('Free legal aid')).toBe('<5');
    // 12 shown with a total of 14 would give the 2 back: one of them is hidden as well.
    expect([row('Employment service'), row('Total')]).toContain('x');
    // The summary's figure is the same cell as the table's total: never shown in one place and hidden in the other.
    expect(tables.find((t) => t.id === 'summary')!.rows.find(([l]) => l === 'Referrals made')?.[1]).toBe(row('Total'));
    // Unsuppressed (inside the organisation) the same table shows every figure.
    const inside = reportTables(i, labels).find((t) => t.id === 'referralsMade')!;
    expect(inside.rows.find(([l]) => l === 'Free legal aid')?.[1]).toBe(2);
  });
});
