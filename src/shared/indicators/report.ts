import type { Breakdown, Indicators } from './compute';
import { cellPath, protectIndicators, stateOf } from './protectIndicators';
import { hiddenMark, SECONDARY_MARK } from './suppression';

/** One table of the donor report: a sheet in XLSX, a block in CSV, a table in the PDF. */
export interface ReportTable {
  id: string;
  title: string;
  header: [string, string];
  /** Counts stay numbers; a hidden one becomes its mark: "<threshold" (small) or "x" (hidden to protect another). */
  rows: Array<[string, number | string]>;
}

/** How the report names things, in the user's language (the renderer passes i18next). */
export interface ReportLabels {
  table(id: string): string;
  category(table: string, key: string): string;
  indicator(id: string): string;
  value: string;
  total: string;
  /** The legend of the two marks of hidden figures. */
  legend: { title: string; mark: string; meaning: string; small(threshold: number): string; secondary: string };
}

const BREAKDOWNS = [
  ['byGender', (i: Indicators) => i.reach.byGender],
  ['byAgeBand', (i: Indicators) => i.reach.byAgeBand],
  ['byTargetGroup', (i: Indicators) => i.reach.byTargetGroup],
  ['byMunicipality', (i: Indicators) => i.reach.byMunicipality],
  ['byCountry', (i: Indicators) => i.reach.byCountry],
  ['byProgramme', (i: Indicators) => i.reach.byProgramme],
  ['byPartner', (i: Indicators) => i.reach.byPartner],
  ['servicesByPeople', (i: Indicators) => i.mentoring.servicesByPeople],
  ['servicesBySessions', (i: Indicators) => i.mentoring.servicesBySessions],
  ['outcomes', (i: Indicators) => i.outcomes.byKind],
] as const satisfies ReadonlyArray<readonly [string, (i: Indicators) => Breakdown]>;

/** The headline figures, in report order; shares are reported as percentages. */
export function headline(i: Indicators): Array<[string, number | null]> {
  return [
    ['reach.total', i.reach.total],
    ['reach.beneficiaries', i.reach.beneficiaries],
    ['reach.professionals', i.reach.professionals],
    ['reach.women', i.reach.women],
    ['reach.womenShare', i.reach.womenShare === null ? null : Math.round(i.reach.womenShare * 1000) / 10],
    ['training.programmes', i.training.programmes],
    ['training.events', i.training.events],
    ['training.sessions', i.training.sessions],
    ['training.participants', i.training.participants],
    ['training.attendanceRate', i.training.attendanceRate === null ? null : Math.round(i.training.attendanceRate * 1000) / 10],
    ['training.completions', i.training.completions],
    ['training.certificates', i.training.certificates],
    ['mentoring.activeMatches', i.mentoring.activeMatches],
    ['mentoring.closedMatches', i.mentoring.closedMatches],
    ['mentoring.sessions', i.mentoring.sessions],
    ['mentoring.hours', i.mentoring.hours],
    ['outcomes.smesSupported', i.outcomes.smesSupported],
    // Absent from the indicators of a partner's older bundle: shown as empty rather than as 0.
    ['outcomes.jobsOpened', i.outcomes.jobsOpened ?? null],
    ['outcomes.placedWithEmployers', i.outcomes.placedWithEmployers ?? null],
    // Only where the data set carries referrals (not a partner's bundle): no row rather than a false 0.
    ...(i.referrals
      ? ([
          ['referrals.made', i.referrals.made],
          ['referrals.accepted', i.referrals.accepted],
          ['referrals.completed', i.referrals.completed],
        ] as Array<[string, number]>)
      : []),
  ];
}

/** The referral tables (by kind of service), each with its total row, where the indicators have referrals. */
const REFERRAL_TABLES = [
  ['referralsMade', 'made'],
  ['referralsAccepted', 'accepted'],
  ['referralsCompleted', 'completed'],
] as const;

const PERCENT = new Set(['reach.womenShare', 'training.attendanceRate']);

/** Breakdowns whose total row is reach.total. */
const TOTAL_OF: Record<string, string> = { byGender: 'reach.total', byAgeBand: 'reach.total', byMunicipality: 'reach.total', byCountry: 'reach.total' };

/** Where each table's cells live among the indicator paths (protectIndicators.ts). */
const PREFIX: Record<string, string> = {
  byGender: 'reach.byGender',
  byAgeBand: 'reach.byAgeBand',
  byTargetGroup: 'reach.byTargetGroup',
  byMunicipality: 'reach.byMunicipality',
  byCountry: 'reach.byCountry',
  byProgramme: 'reach.byProgramme',
  byPartner: 'reach.byPartner',
  servicesByPeople: 'mentoring.servicesByPeople',
  servicesBySessions: 'mentoring.servicesBySessions',
  outcomes: 'outcomes.byKind',
};

/**
 * The donor report as tables. With `threshold` (reports that leave the organisation) the one
 * suppression routine (suppression.ts) decides every figure over the whole report at once:
 * small counts read "<threshold", counts hidden so that no hidden one can be worked out from the
 * others read "x", shares of a hidden count are hidden too, and a legend explains both marks.
 */
export function reportTables(i: Indicators, labels: ReportLabels, threshold?: number): ReportTable[] {
  const protection = threshold ? protectIndicators(i, threshold) : null;
  const cell = (id: string, n: number): number | string => {
    const state = protection ? stateOf(protection, id) : 'shown';
    return state === 'shown' ? n : hiddenMark(state, threshold!);
  };
  const summary: ReportTable = {
    id: 'summary',
    title: labels.table('summary'),
    header: [labels.table('summary'), labels.value],
    rows: headline(i).map(([id, v]) => {
      const label = PERCENT.has(id) ? `${labels.indicator(id)} (%)` : labels.indicator(id);
      if (v === null) return [label, ''];
      return [label, cell(id, v)];
    }),
  };
  const tables = BREAKDOWNS.map(([id, pick]): ReportTable => {
    const rows: ReportTable['rows'] = pick(i).map((c) => [labels.category(id, c.key), cell(cellPath(PREFIX[id]!, c.key), c.count)]);
    const total = TOTAL_OF[id];
    if (total) rows.push([labels.total, cell(total, i.reach.total)]);
    return { id, title: labels.table(id), header: [labels.table(id), labels.value], rows };
  });
  const referrals = i.referrals;
  if (referrals)
    for (const [id, step] of REFERRAL_TABLES) {
      const rows: ReportTable['rows'] = referrals[`${step}ByKind`].map((c) => [
        labels.category(id, c.key),
        cell(cellPath(`referrals.${step}ByKind`, c.key), c.count),
      ]);
      rows.push([labels.total, cell(`referrals.${step}`, referrals[step])]);
      tables.push({ id, title: labels.table(id), header: [labels.table(id), labels.value], rows });
    }
  const legend: ReportTable[] = threshold
    ? [
        {
          id: 'legend',
          title: labels.legend.title,
          header: [labels.legend.mark, labels.legend.meaning],
          rows: [
            [hiddenMark('small', threshold), labels.legend.small(threshold)],
            [SECONDARY_MARK, labels.legend.secondary],
          ],
        },
      ]
    : [];
  return [summary, ...tables, ...legend];
}
