import { z } from 'zod';
import { CLOSE_REASONS, REFERRAL_STATUSES, historyProblem } from '../referrals/status';
import { baseRecord, id, isoDate, name, optionalText } from './base';
import type { ORG_TYPES } from './person';

/**
 * The kinds of service a person is referred to. The codes are the professionals' institution types
 * (ORG_TYPES: the same words in every language), plus free legal aid, which is no institution type
 * of a professional but a service the region's offices refer to all the time.
 */
export const REFERRAL_KINDS = ['socialWorkCentre', 'employmentOffice', 'healthcare', 'legalAid', 'ngo', 'other'] as const satisfies ReadonlyArray<
  (typeof ORG_TYPES)[number] | 'legalAid'
>;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const referralStepSchema = z.object({ status: z.enum(REFERRAL_STATUSES), date: isoDate });

/**
 * What the user records about a referral (the form, and what a backup or an import must satisfy):
 * everything but the ids and the status history. Every free text here is sealed at rest
 * (shared/model/protectedFields.ts lists only the fields that stay plain).
 */
export const referralFields = {
  kind: z.enum(REFERRAL_KINDS),
  /** The institution's name as the user writes it ("CZSS Čakovec"). */
  institution: name(200),
  /** The institution in the register of organisations, when it is there. */
  organisationId: id.optional(),
  /** The day the referral was made (its first step, "sent"). */
  date: isoDate,
  /** Why she was referred: the need, in the worker's words. */
  reason: name(2000),
  /** Whom at the institution the worker spoke to, and how to reach them. */
  contactPerson: optionalText(200),
  /** When to ask how it went: a reminder shows on the home screen from that day while the referral is open. */
  followUpOn: isoDate.optional(),
};

export const referralSchema = baseRecord
  .extend({
    personId: id,
    ...referralFields,
    // Required on the form (referralDraftSchema); a stored row loses it when the person is anonymised.
    reason: optionalText(2000),
    status: z.enum(REFERRAL_STATUSES),
    /** Every status with its day, oldest first; the last one is `status`. */
    history: z.array(referralStepSchema).min(1).max(20),
    closeReason: z.enum(CLOSE_REASONS).optional(),
    /** How it ended (closing needs this or a close reason). */
    outcome: optionalText(2000),
  })
  .superRefine((r, ctx) => {
    const problem = historyProblem(r.history);
    if (problem) ctx.addIssue({ code: 'custom', path: ['history'], message: problem });
    if (r.history[0]?.date !== r.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'the first step is the day the referral was sent' });
    if (r.history[r.history.length - 1]?.status !== r.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'status is the last step' });
    // "Closing needs an outcome or a reason" is checked when it is closed (checkStatusChange), not
    // here: anonymisation takes the outcome note of a closed referral, and the row stays valid.
  });
export type Referral = z.infer<typeof referralSchema>;

/** The form's schema: a new referral or a correction of its details (the status changes apart). */
export const referralDraftSchema = z.object({ ...referralFields, personId: id });
export type ReferralDraft = z.infer<typeof referralDraftSchema>;
export type ReferralDraftInput = z.input<typeof referralDraftSchema>;
