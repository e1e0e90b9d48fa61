export type { ProgrammeActionContext } from './context';
export { cycleAttendance, markAttendance } from './attendance';
export {
  checkEvaluationFile,
  commentEvaluation,
  correctResponse,
  enterResponse,
  evaluationImportUndo,
  lastResponseImport,
  openEvaluationFile,
  removeResponse,
  saveEvaluationForm,
  scoreEvaluation,
  undoEvaluationImportAction,
  writeEvaluationImport,
} from './evaluations';
