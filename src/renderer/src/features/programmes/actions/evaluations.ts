import type { Evaluation, EvaluationQuestion } from '@shared/model';
import { saveEvaluation } from '../../../db/programmes';
import type { ProgrammeActionContext } from './context';
import { queueOf } from './queue';

const row = (eventId: string, personId: string) => `evaluation|${eventId}|${personId}`;

/**
 * Saves one score (null clears it). Only that question changes: the rest of the row is taken
 * as stored when this edit's turn comes, and the edits of one row are saved one after another
 * in the order made. A score outside 1–5 rejects with the schema's ZodError and writes nothing.
 */
export function scoreEvaluation(
  { db, actor }: ProgrammeActionContext,
  eventId: string,
  personId: string,
  question: EvaluationQuestion,
  score: number | null,
): Promise<Evaluation | null> {
  return queueOf(db).run(row(eventId, personId), () => saveEvaluation(db, actor, eventId, personId, { scores: { [question]: score } }));
}

/** Saves the comment of one row (blank removes it); the scores stay as stored. */
export function commentEvaluation({ db, actor }: ProgrammeActionContext, eventId: string, personId: string, comment: string): Promise<Evaluation | null> {
  return queueOf(db).run(row(eventId, personId), () => saveEvaluation(db, actor, eventId, personId, { comment }));
}
