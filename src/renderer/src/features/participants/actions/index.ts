export type { ParticipantActionContext } from './context';
export {
  checkImport,
  countToImport,
  openImportFile,
  rowsToImport,
  writeImport,
  type CheckedImport,
  type OpenedImport,
  type OpenImportResult,
  type WriteImportResult,
} from './importPeople';
export { lastSharing, planSharing, recordSharing, undoSharing, type SharingProblem, type SharingResult } from './sharing';
