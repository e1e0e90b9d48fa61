// The mentoring capability's public face: what other features may use of it (the import zones of
// eslint.config.js let a feature import another only through its index.ts).
export { MatchingSettings } from './MatchingSettings';
export { MentoringReminders } from './Reminders';
export { OpenMentorPack } from './OpenMentorPack';
