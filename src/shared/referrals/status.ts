/**
 * A referral's status and the changes it may go through (docs/indicators.md, "Referrals"):
 * sent → accepted → service started → closed, or declined by the institution. Pure: the form, the
 * db write and the schema's check of a stored row all use these rules, so no path stores a history
 * that could not have happened.
 */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'serviceStarted', 'closed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * Why a referral was closed when there is no outcome to write (the person did not go, moved away…).
 * Closing needs one of these or an outcome note: a closed referral says how it ended.
 */
export const CLOSE_REASONS = ['serviceProvided', 'personWithdrew', 'noResponse', 'movedAway', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * The allowed changes. A referral may be closed before the service started (the person changed her
 * mind, the institution never answered): only a close after "service started" counts as completed.
 * Closed and declined are final: a new need is a new referral.
 */
export const REFERRAL_TRANSITIONS: { readonly [S in ReferralStatus]: readonly ReferralStatus[] } = {
  sent: ['accepted', 'declined', 'closed'],
  accepted: ['serviceStarted', 'closed'],
  serviceStarted: ['closed'],
  closed: [],
  declined: [],
};

export interface StatusStep {
  status: ReferralStatus;
  /** The day it happened (yyyy-MM-dd). */
  date: string;
}

export type StatusChangeError = 'notAllowed' | 'dateBeforePrevious' | 'dateInFuture' | 'closeNeedsOutcome';

export function isOpenStatus(s: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[s].length > 0;
}

export function nextStatuses(s: ReferralStatus): readonly ReferralStatus[] {
  return REFERRAL_TRANSITIONS[s];
}

/**
 * Whether `to` on `date` may follow `history` (its last step is the current status). `today` (the
 * organisation's day) bounds the date: a status is recorded when it has happened. Closing needs an
 * outcome note or a close reason.
 */
export function checkStatusChange(
  history: readonly StatusStep[],
  to: ReferralStatus,
  date: string,
  today: string,
  closing: { outcome?: string | undefined; closeReason?: CloseReason | undefined } = {},
): StatusChangeError | null {
  const last = history[history.length - 1];
  if (!last || !REFERRAL_TRANSITIONS[last.status].includes(to)) return 'notAllowed';
  if (date < last.date) return 'dateBeforePrevious';
  if (date > today) return 'dateInFuture';
  if (to === 'closed' && !(closing.outcome ?? '').trim() && !closing.closeReason) return 'closeNeedsOutcome';
  return null;
}

/**
 * Whether a whole stored history could have happened: it starts with "sent", each step is an
 * allowed change, and no date goes backwards. (Today's bound is checked when a step is added,
 * not here: a backup restored later must still be valid.)
 */
export function historyProblem(history: readonly StatusStep[]): StatusChangeError | 'mustStartSent' | null {
  if (history[0]?.status !== 'sent') return 'mustStartSent';
  for (let i = 1; i < history.length; i++) {
    const prev = history[i - 1]!;
    const step = history[i]!;
    if (!REFERRAL_TRANSITIONS[prev.status].includes(step.status)) return 'notAllowed';
    if (step.date < prev.date) return 'dateBeforePrevious';
  }
  return null;
}

/** The day a status was reached, if it was. */
export function reachedOn(history: readonly StatusStep[], status: ReferralStatus): string | undefined {
  return history.find((s) => s.status === status)?.date;
}

/** Completed: closed after the service had started (a close without the service is not a completion). */
export function isCompleted(history: readonly StatusStep[]): boolean {
  return history.some((s) => s.status === 'serviceStarted') && history[history.length - 1]?.status === 'closed';
}
