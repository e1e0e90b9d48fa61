import type { ReferralStatus } from '@shared/referrals';

/** The badge colour of each status: open ones blue to teal as they move on, closed grey, declined red. */
export const STATUS_COLOR: Record<ReferralStatus, string> = {
  sent: 'blue',
  accepted: 'cyan',
  serviceStarted: 'teal',
  closed: 'gray',
  declined: 'red',
};
