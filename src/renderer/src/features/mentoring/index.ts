// The mentoring capability's public face: what other capabilities may use (all else is internal).
export { MatchingSettings } from './MatchingSettings';
export { MentoringReminders } from './Reminders';
export { OpenMentorPack } from './OpenMentorPack';
