import type { Country } from '../model';
import type { ConsolidatedState } from './consolidate';

/** One partner's people who did not agree to share, as its bundle carried them (never more exact). */
export interface PartnerWithheld {
  orgId: string;
  name: string;
  country: Country;
  /** A range a threshold wide ("5–9"), null from a bundle that did not say. */
  withheld: { from: number; to: number } | null;
  /** The partner's suppression threshold, for the "<5" mark of a range below it. */
  threshold: number;
}

/**
 * Per partner, how many of its people stayed home for lack of a basis to share: the lead's figures
 * are partial by that much, and the M&E officer must know it. Sorted by name.
 */
export function partnersWithheld(state: ConsolidatedState): PartnerWithheld[] {
  return Object.values(state.partners)
    .map((p) => ({ orgId: p.orgId, name: p.name, country: p.country, withheld: p.indicators.withheld ?? null, threshold: p.indicators.threshold }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether any partner's figures leave people out (or did not say whether they do). */
export function figuresArePartial(partners: readonly PartnerWithheld[]): boolean {
  return partners.some((p) => !p.withheld || p.withheld.to > 0);
}
