export type { ProgrammeActionContext } from './context';
export { cycleAttendance, markAttendance } from './attendance';
export {
  checkEvaluationFile,
  commentEvaluation,
  correctResponse,
  enterResponse,
  openEvaluationFile,
  removeResponse,
  saveEvaluationForm,
  saveEvaluationSummary,
  scoreEvaluation,
  writeEvaluationImport,
} from './evaluations';
