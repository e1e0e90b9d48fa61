import { takesEmployer } from '../organisations/register';
import { inPeriod, type Dataset, type IndicatorFilter } from './dataset';

type Org = Dataset['organisations'][number];

/**
 * The SMEs supported in the period (docs/indicators.md, "SMEs supported"): organisations of kind
 * SME, not the installation itself, with a support date in the period (project to date: any
 * support date). An SME recorded without a support date was not (yet) supported and does not
 * count. The partner and country filters apply; the programme filter does not (support is given
 * to a business, not through a programme).
 */
export function supportedSmes<T extends Org>(ds: { organisations: readonly T[] }, filter: Pick<IndicatorFilter, 'from' | 'to' | 'orgId' | 'country'>): T[] {
  const countryOf = new Map(ds.organisations.map((o) => [o.id, o.country]));
  const orgAllowed = (orgId: string) => (!filter.orgId || orgId === filter.orgId) && (!filter.country || countryOf.get(orgId) === filter.country);
  return ds.organisations.filter((o) => o.kind === 'sme' && !o.isSelf && orgAllowed(o.orgId) && inPeriod(o.supportedOn, filter));
}

/** Jobs opened at the supported SMEs: the sum of their recorded jobs (an SME without a number adds 0). */
export function jobsOpened(smes: readonly Pick<Org, 'jobsCreated'>[]): number {
  return smes.reduce((sum, o) => sum + (o.jobsCreated ?? 0), 0);
}

/** Whether an outcome is a job placed with an employer of the register ("employed at"). */
export function isPlacement(o: Pick<Dataset['outcomes'][number], 'kind' | 'employerId'>): boolean {
  return takesEmployer(o.kind) && !!o.employerId;
}

/** For a drill-down: each person's employers named by her job outcomes in the period, oldest first. */
export function employersByPerson(
  outcomes: readonly Pick<Dataset['outcomes'][number], 'personId' | 'kind' | 'employerId' | 'date'>[],
  period: Pick<IndicatorFilter, 'from' | 'to'>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of [...outcomes].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isPlacement(o) || !inPeriod(o.date, period)) continue;
    const list = out.get(o.personId) ?? [];
    if (!list.includes(o.employerId!)) list.push(o.employerId!);
    out.set(o.personId, list);
  }
  return out;
}
