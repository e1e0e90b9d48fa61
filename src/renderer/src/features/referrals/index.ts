export { ReferralsPanel, usePersonReferrals } from './ReferralsPanel';
export { ReferralReminders } from './ReferralReminders';
