import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Permission } from '../auth/permissions';
import type { ReminderSnoozes } from '../mentoring/reminders';
import { isOpenStatus, type ReferralStatus } from './status';

/** A referral whose follow-up day has come: "ask the institution how it went". */
export interface ReferralReminder {
  kind: 'referralFollowUp';
  referralId: string;
  personId: string;
  due: string;
  overdueDays: number;
}

/**
 * Its key among the app's snoozed reminders (the same store as the mentoring reminders'): the kind
 * and the referral's id, nothing that says who it is about.
 */
export function referralReminderKey(r: Pick<ReferralReminder, 'referralId'>): string {
  return `referralFollowUp:${r.referralId}`;
}

/**
 * Follow-ups due today or earlier of referrals still open (sent, accepted, service started), oldest
 * first; a reminder snoozed until a later day is left out until that day. A closed or declined
 * referral has nothing left to follow up.
 */
export function referralReminders(
  referrals: ReadonlyArray<{ id: string; personId: string; status: ReferralStatus; followUpOn?: string | undefined }>,
  today: string,
  snoozes: ReminderSnoozes = {},
): ReferralReminder[] {
  return referrals
    .filter((r) => r.followUpOn && r.followUpOn <= today && isOpenStatus(r.status))
    .map((r) => ({
      kind: 'referralFollowUp' as const,
      referralId: r.id,
      personId: r.personId,
      due: r.followUpOn!,
      overdueDays: differenceInCalendarDays(parseISO(today), parseISO(r.followUpOn!)),
    }))
    .filter((r) => !((snoozes[referralReminderKey(r)] ?? '') > today))
    .sort((a, b) => a.due.localeCompare(b.due));
}

/** What the reminder offers in place (update the status) and snoozing: both need the referrals permission. */
export const REFERRAL_REMINDER_PERMISSION: Permission = 'manageReferrals';
