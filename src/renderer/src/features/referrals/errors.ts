import type { TFunction } from 'i18next';
import { ForbiddenError } from '../../db/permissions';
import { ReferralError } from '../../db/referrals';

/** A refusal in the user's language: the referral rules' own, a role's, or the unexpected. */
export function referralErrorText(t: TFunction, e: unknown): string {
  if (e instanceof ReferralError) return t(`referrals:errors.${e.code}`);
  if (e instanceof ForbiddenError) return t('common:errors.forbidden');
  return t('common:errors.unexpected');
}
