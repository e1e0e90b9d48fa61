import type { Evaluation } from '@shared/model';
import { ImportFileError, loadImportFile, type LoadedFile } from '@shared/import/file';
import { readEvaluationRows, type EvaluationColumn, type EvaluationImportPreview } from '@shared/import/evaluations';
import type { QuestionSetDraft } from '@shared/programmes';
import {
  addResponse,
  deleteResponse,
  evaluationImportUndoEffect,
  importResponses,
  lastEvaluationImport,
  saveQuestionSet,
  undoEvaluationImport,
  updateResponse,
  type ResponseDraft,
  type ResponseImportResult,
} from '../../../db/evaluations';
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
  question: string,
  score: number | null,
): Promise<Evaluation | null> {
  return queueOf(db).run(row(eventId, personId), () => saveEvaluation(db, actor, eventId, personId, { scores: { [question]: score } }));
}

/** Saves the comment of one row (blank removes it); the scores stay as stored. */
export function commentEvaluation({ db, actor }: ProgrammeActionContext, eventId: string, personId: string, comment: string): Promise<Evaluation | null> {
  return queueOf(db).run(row(eventId, personId), () => saveEvaluation(db, actor, eventId, personId, { comment }));
}

/** Opens an online form's export (CSV or XLSX) with the importers' one reader; a bad file is a code for a localised message. */
export function openEvaluationFile(fileName: string, data: Uint8Array): { ok: true; file: LoadedFile } | { ok: false; code: ImportFileError['code'] } {
  try {
    return { ok: true, file: loadImportFile(fileName, data) };
  } catch (e) {
    if (e instanceof ImportFileError) return { ok: false, code: e.code };
    return { ok: false, code: 'unreadable' };
  }
}

/** The row report of a file against the form: what will be imported, and every bad row with why. */
export function checkEvaluationFile(file: LoadedFile, columns: EvaluationColumn[], form: QuestionSetDraft): EvaluationImportPreview {
  return readEvaluationRows(file.rows, columns, form);
}

/** Writes the good rows of a checked file (all or nothing). */
export function writeEvaluationImport(
  { db, actor }: ProgrammeActionContext,
  eventId: string,
  fileName: string,
  preview: EvaluationImportPreview,
): Promise<ResponseImportResult> {
  return importResponses(
    db,
    actor,
    eventId,
    fileName,
    preview.rows.map((r) => r.response),
  );
}

export const enterResponse = ({ db, actor }: ProgrammeActionContext, eventId: string, draft: ResponseDraft) => addResponse(db, actor, eventId, draft);
export const correctResponse = ({ db, actor }: ProgrammeActionContext, id: string, draft: ResponseDraft) => updateResponse(db, actor, id, draft);
export const removeResponse = ({ db, actor }: ProgrammeActionContext, id: string) => deleteResponse(db, actor, id);
export const saveEvaluationForm = ({ db, actor }: ProgrammeActionContext, programmeId: string, draft: QuestionSetDraft) =>
  saveQuestionSet(db, actor, programmeId, draft);

/** The event's last online-form import that can still be undone (the import history people and organisations imports use too). */
export const lastResponseImport = ({ db, actor }: ProgrammeActionContext, eventId: string) => lastEvaluationImport(db, actor, eventId);
/** What undoing that import removes, for the confirmation. */
export const evaluationImportUndo = ({ db, actor }: ProgrammeActionContext, historyId: string) => evaluationImportUndoEffect(db, actor, historyId);
/** Removes that import's responses (typed ones stay), logged. */
export const undoEvaluationImportAction = ({ db, actor }: ProgrammeActionContext, historyId: string) => undoEvaluationImport(db, actor, historyId);
