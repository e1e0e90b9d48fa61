export type { ProgrammeActionContext } from './context';
export { cycleAttendance, markAttendance } from './attendance';
export { commentEvaluation, scoreEvaluation } from './evaluations';
