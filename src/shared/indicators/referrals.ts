import { REFERRAL_KINDS } from '../model/referral';
import { isCompleted, reachedOn } from '../referrals/status';
import { inPeriod, type Dataset, type IndicatorFilter } from './dataset';
import { Tally, type Breakdown } from './tally';

/** Referrals to institutions in a period (definitions: docs/indicators.md, "Referrals"). Counts of referrals, not of people. */
export interface ReferralIndicators {
  /** Referrals made (sent) in the period. */
  made: number;
  /** Referrals the institution accepted in the period. */
  accepted: number;
  /** Referrals closed in the period after the service had started. */
  completed: number;
  madeByKind: Breakdown;
  acceptedByKind: Breakdown;
  completedByKind: Breakdown;
}

/**
 * The referral figures, each counted on the day its step happened: made on the day sent, accepted
 * on the day accepted, completed on the day closed (when "service started" came before). `inScope`
 * says which referrals count (the partner and programme filters of the report).
 */
export function referralIndicators(
  referrals: NonNullable<Dataset['referrals']>,
  period: Pick<IndicatorFilter, 'from' | 'to'>,
  inScope: (r: NonNullable<Dataset['referrals']>[number]) => boolean,
  remember: (path: string, personId: string) => void = () => undefined,
): ReferralIndicators {
  const made = new Tally(REFERRAL_KINDS);
  const accepted = new Tally(REFERRAL_KINDS);
  const completed = new Tally(REFERRAL_KINDS);
  for (const r of referrals) {
    if (!inScope(r)) continue;
    if (inPeriod(r.date, period)) {
      made.add(r.kind);
      remember(`referrals.madeByKind.${r.kind}`, r.personId);
    }
    if (inPeriod(reachedOn(r.history, 'accepted'), period)) {
      accepted.add(r.kind);
      remember(`referrals.acceptedByKind.${r.kind}`, r.personId);
    }
    if (isCompleted(r.history) && inPeriod(reachedOn(r.history, 'closed'), period)) {
      completed.add(r.kind);
      remember(`referrals.completedByKind.${r.kind}`, r.personId);
    }
  }
  const total = (b: Breakdown) => b.reduce((s, c) => s + c.count, 0);
  const madeByKind = made.result();
  const acceptedByKind = accepted.result();
  const completedByKind = completed.result();
  return { made: total(madeByKind), accepted: total(acceptedByKind), completed: total(completedByKind), madeByKind, acceptedByKind, completedByKind };
}
