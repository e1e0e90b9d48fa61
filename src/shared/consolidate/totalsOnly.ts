import type { Country } from '../model';
import type { ConsolidatedState } from './consolidate';

/** A partner that sent only its indicator tables: its own totals, project to date at export. */
export interface TotalsOnlyPartner {
  orgId: string;
  name: string;
  country: Country;
  asOf: string;
  reached: number;
  women: number;
  trainingSessions: number;
  mentoringSessions: number;
}

/**
 * Aggregate exports carry no records, so their people cannot be counted once with everybody
 * else's: the lead sees their totals beside the project figures, never added into them.
 */
export function totalsOnlyPartners(state: ConsolidatedState): TotalsOnlyPartner[] {
  return Object.values(state.partners)
    .filter((p) => p.privacy === 'aggregate')
    .map((p) => {
      const i = p.indicators.indicators;
      return {
        orgId: p.orgId,
        name: p.name,
        country: p.country,
        asOf: p.indicators.asOf,
        reached: i.reach.total,
        women: i.reach.byGender.find((g) => g.key === 'woman')?.count ?? 0,
        trainingSessions: i.training.sessions,
        mentoringSessions: i.mentoring.sessions,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
