import type { Breakdown, Indicators } from './compute';
import { suppressBreakdown, suppressCount } from './suppression';

/** One table of the donor report: a sheet in XLSX, a block in CSV, a table in the PDF. */
export interface ReportTable {
  id: string;
  title: string;
  header: [string, string];
  /** Counts stay numbers; a suppressed cell becomes the text "<threshold". */
  rows: Array<[string, number | string]>;
}

/** How the report names things, in the user's language (the renderer passes i18next). */
export interface ReportLabels {
  table(id: string): string;
  category(table: string, key: string): string;
  indicator(id: string): string;
  value: string;
  total: string;
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

/** Breakdowns whose categories are not exclusive: no total row, since it would not be the sum. */
const OVERLAPPING = new Set(['byTargetGroup', 'byProgramme', 'byPartner', 'servicesByPeople', 'servicesBySessions', 'outcomes']);

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
  ];
}

const PERCENT = new Set(['reach.womenShare', 'training.attendanceRate']);
/** Counts of people that small-cell suppression protects (not hours, shares or counts of sessions). */
const PEOPLE_COUNTS = new Set(['reach.total', 'reach.beneficiaries', 'reach.professionals', 'reach.women', 'training.participants', 'training.completions', 'training.certificates', 'outcomes.smesSupported']);

/**
 * The donor report as tables. With `threshold` (reports that leave the organisation) every
 * count of people under it is suppressed, with complementary suppression where totals are shown.
 */
export function reportTables(i: Indicators, labels: ReportLabels, threshold?: number): ReportTable[] {
  const cell = (n: number, suppressed: boolean): number | string => (suppressed && threshold ? `<${threshold}` : n);
  const summary: ReportTable = {
    id: 'summary',
    title: labels.table('summary'),
    header: [labels.table('summary'), labels.value],
    rows: headline(i).map(([id, v]) => {
      const label = PERCENT.has(id) ? `${labels.indicator(id)} (%)` : labels.indicator(id);
      if (v === null) return [label, ''];
      return [label, threshold && PEOPLE_COUNTS.has(id) ? cell(v, suppressCount(v, threshold).suppressed) : v];
    }),
  };
  const tables = BREAKDOWNS.map(([id, pick]): ReportTable => {
    const withTotal = !OVERLAPPING.has(id);
    const data = pick(i);
    const protectedCells = threshold ? suppressBreakdown(data, threshold, withTotal) : { cells: data.map((c) => ({ ...c, suppressed: false })), total: { count: data.reduce((s, c) => s + c.count, 0), suppressed: false } };
    const rows: ReportTable['rows'] = protectedCells.cells.map((c) => [labels.category(id, c.key), cell(c.count, c.suppressed)]);
    if (withTotal) rows.push([labels.total, cell(protectedCells.total.count, protectedCells.total.suppressed)]);
    return { id, title: labels.table(id), header: [labels.table(id), labels.value], rows };
  });
  return [summary, ...tables];
}
