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
  scoreEvaluation,
  writeEvaluationImport,
} from './evaluations';
