import { sharesWithLead } from '../bundle/consentScope';
import { hiddenMark } from '../indicators/suppression';
import type { Consent, ConsentDraft, LEGAL_BASES } from '../model';

/**
 * Sharing a person's records with the lead partner: where it stands for one person, what a bulk
 * "record the basis for sharing" would do, and why people stay home at an export. Pure: the
 * db layer reads the rows, these rules decide.
 */

type SharingConsent = Pick<Consent, 'shareWithLead' | 'withdrawnAt'>;

/**
 * - shares: a basis for sharing is recorded and not withdrawn;
 * - objected: every basis for sharing she had was withdrawn (she objected; only she can change that);
 * - noBasis: nothing about sharing was ever recorded.
 */
export type SharingState = 'shares' | 'objected' | 'noBasis';

export function sharingState(consents: readonly SharingConsent[]): SharingState {
  if (sharesWithLead(consents)) return 'shares';
  return consents.some((c) => c.shareWithLead) ? 'objected' : 'noBasis';
}

/** The choices of a consent a user has not made yet: nothing beyond processing is ticked for her. */
export const UNTICKED_CONSENT_CHOICES = { specialCategories: false, shareWithLead: false, photos: false } as const;

export interface SharingBasis {
  legalBasis: (typeof LEGAL_BASES)[number];
  /** yyyy-MM-dd: when the basis was given (the signed form, the contract…). */
  date: string;
  noticeVersion: string;
}

/**
 * The consent row a bulk "record the basis for sharing" adds for one person: sharing only. It says
 * nothing about special categories or photos, and is not a consent to processing (that has its own
 * record), so it changes nothing else the person agreed to.
 */
export function sharingConsentDraft(basis: SharingBasis, recordedBy: string | undefined): ConsentDraft {
  return {
    legalBasis: basis.legalBasis,
    date: basis.date,
    noticeVersion: basis.noticeVersion.trim(),
    processing: false,
    ...UNTICKED_CONSENT_CHOICES,
    shareWithLead: true,
    ...(recordedBy ? { recordedBy: recordedBy.slice(0, 120) } : {}),
  };
}

export interface SharingPlan {
  /** People the basis will be recorded for. */
  record: string[];
  /** Already sharing: nothing to record. */
  alreadyShared: number;
  /** Objected (withdrew a basis): not overridden in bulk; her page records a new one if she agrees again. */
  objected: number;
  /** Anonymised: nobody to ask any more. */
  anonymised: number;
}

/** What a bulk recording of a sharing basis would do for these people. */
export function planSharingBasis(
  people: ReadonlyArray<{ id: string; anonymised?: boolean }>,
  consentsOf: (personId: string) => readonly SharingConsent[],
): SharingPlan {
  const plan: SharingPlan = { record: [], alreadyShared: 0, objected: 0, anonymised: 0 };
  for (const p of people) {
    const state = sharingState(consentsOf(p.id));
    if (state === 'shares') plan.alreadyShared++;
    else if (p.anonymised) plan.anonymised++;
    else if (state === 'objected') plan.objected++;
    else plan.record.push(p.id);
  }
  return plan;
}

export interface WithheldReasons {
  /** No basis for sharing was ever recorded. */
  noBasis: number;
  /** A basis was recorded and withdrawn. */
  objected: number;
  total: number;
}

/** Why the people an export leaves at home stay there (the same decision as consentScope's). */
export function withheldReasons(people: ReadonlyArray<{ id: string }>, consentsOf: (personId: string) => readonly SharingConsent[]): WithheldReasons {
  const out: WithheldReasons = { noBasis: 0, objected: 0, total: 0 };
  for (const p of people) {
    const state = sharingState(consentsOf(p.id));
    if (state === 'shares') continue;
    out[state]++;
    out.total++;
  }
  return out;
}

/**
 * A partner's withheld people at the lead, as its bundle carried them (a range a threshold wide),
 * shown with the marks of every suppressed figure: "0", "<5" for 1..t−1, else "5–9". Null when the
 * bundle did not say.
 */
export function withheldMark(range: { from: number; to: number } | null | undefined, threshold: number, format: (n: number) => string = String): string | null {
  if (!range) return null;
  if (range.to === 0) return format(0);
  if (range.from < threshold && range.to < threshold) return hiddenMark('small', threshold);
  return range.from === range.to ? format(range.from) : `${format(range.from)}–${format(range.to)}`;
}
