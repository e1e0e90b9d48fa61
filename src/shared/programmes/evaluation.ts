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

/** One edit of an evaluation row: the questions touched (null clears one) and/or the comment. */
export interface EvaluationPatch {
  scores?: Record<string, number | null>;
  comment?: string;
}

/**
 * The row after an edit: only what the edit touches changes, everything else stays as stored.
 * The result is checked by the caller with the evaluation schema (one source of validation).
 */
export function applyEvaluationPatch(
  stored: Pick<Evaluation, 'scores' | 'comment'> | undefined,
  patch: EvaluationPatch,
): { scores: Record<string, unknown>; comment?: string } {
  const scores: Record<string, unknown> = { ...stored?.scores };
  for (const [q, v] of Object.entries(patch.scores ?? {}) as Array<[string, number | null | undefined]>) {
    if (v === null || v === undefined) delete scores[q];
    else scores[q] = v;
  }
  const comment = patch.comment === undefined ? stored?.comment : patch.comment.trim() || undefined;
  return comment === undefined ? { scores } : { scores, comment };
}

/** An evaluation with no score and no comment is no response at all. */
export const isEmptyEvaluation = (e: { scores: object; answers?: object; comment?: string }) =>
  Object.keys(e.scores).length === 0 && Object.keys(e.answers ?? {}).length === 0 && !e.comment;
