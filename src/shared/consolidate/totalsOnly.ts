import { hiddenMark } from '../indicators/suppression';
import type { Country } from '../model';
import type { ConsolidatedState } from './consolidate';

/** A partner that sent only its indicator tables: its own totals, project to date at export. */
export interface TotalsOnlyPartner {
  orgId: string;
  name: string;
  country: Country;
  asOf: string;
  /** A count, or the mark of a hidden one ("<5", "x") as the partner's bundle suppressed it. */
  reached: number | string;
  women: number | string;
  trainingSessions: number;
  mentoringSessions: number;
  /** People without consent to share, as a range (null from bundles that did not say). */
  withheld: { from: number; to: number } | null;
  /** The partner's suppression threshold (a range below it shows as "<5"). */
  threshold: number;
}

/**
 * Their figures count only the people who agreed to share (bundle format 2) and are suppressed as
 * the partner's bundle wrote them: the lead shows them as they came, marks included.
 *
 * Aggregate exports carry no records, so their people cannot be counted once with everybody
 * else's: the lead sees their totals beside the project figures, never added into them.
 */
export function totalsOnlyPartners(state: ConsolidatedState): TotalsOnlyPartner[] {
  return Object.values(state.partners)
    .filter((p) => p.privacy === 'aggregate')
    .map((p) => {
      const file = p.indicators;
      const i = file.indicators;
      const figure = (path: string, value: number | null | undefined): number | string => {
        const state = file.hidden?.[path];
        return state ? hiddenMark(state, file.threshold) : (value ?? '');
      };
      return {
        orgId: p.orgId,
        name: p.name,
        country: p.country,
        asOf: p.indicators.asOf,
        reached: figure('reach.total', i.reach.total),
        women: figure('reach.byGender.woman', i.reach.byGender.find((g) => g.key === 'woman')?.count ?? 0),
        trainingSessions: i.training.sessions,
        mentoringSessions: i.mentoring.sessions,
        withheld: file.withheld ?? null,
        threshold: file.threshold,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
