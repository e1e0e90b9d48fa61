export { commitLogs, pickLogsFile, previewLogs, saveMentorPack, type SavedMentorPack } from './mentorPacks';
export { endMentoringOnThisComputer, endMentoringPreview, saveMyLogs } from './mentorLaptop';
export { pickMentorPack, readPackFile, storeMentorPack, type ChosenFile } from './openPack';
export { SnoozeDateError, checkInOnPair, closePair, followUpDone, maySnooze, reminderActionsFor, sessionSavedFromReminder, snooze } from './reminders';
