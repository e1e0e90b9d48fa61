export { commitLogs, pickLogsFile, previewLogs, saveMentorPack, type SavedMentorPack } from './mentorPacks';
export { endMentoringOnThisComputer, endMentoringPreview, pickMentorPack, readPackFile, saveMyLogs, storeMentorPack, type ChosenFile } from './mentorLaptop';
