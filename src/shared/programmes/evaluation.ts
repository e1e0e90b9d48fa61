import { EVALUATION_QUESTIONS, type Evaluation, type EvaluationQuestion } from '../model';

export interface EvaluationSummary {
  responses: number;
  averages: Record<EvaluationQuestion, number | null>;
  /** Mean of the question averages that have answers. */
  overall: number | null;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100);

/** Averages per question over the answers given (a skipped question does not count as zero). */
export function summariseEvaluations(evaluations: Array<Pick<Evaluation, 'scores'>>): EvaluationSummary {
  const averages = {} as Record<EvaluationQuestion, number | null>;
  for (const q of EVALUATION_QUESTIONS) averages[q] = mean(evaluations.map((e) => e.scores[q]).filter((v): v is number => typeof v === 'number'));
  return { responses: evaluations.length, averages, overall: mean(Object.values(averages).filter((v): v is number => v !== null)) };
}
