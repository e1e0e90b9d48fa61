import { EVALUATION_QUESTIONS, type Evaluation, type EvaluationQuestionDef, type Programme, type QuestionSet } from '../model';

/** What a coordinator edits of a question set: its scale and its questions. */
export type QuestionSetDraft = Pick<QuestionSet, 'scaleMax' | 'questions'>;

const scale = (key: string): EvaluationQuestionDef => ({ key, kind: 'scale' });
const text = (key: string): EvaluationQuestionDef => ({ key, kind: 'text' });

/**
 * The forms a programme starts with (wording in every language under
 * `programmes:evaluation.questions.<key>`): a BADGE workshop asks the participant about her
 * business plans; a professional training module about her work. Both begin with the four
 * questions of the first form, so earlier answers read the same.
 */
export const DEFAULT_QUESTION_SETS = {
  badge: {
    scaleMax: 5,
    questions: [...EVALUATION_QUESTIONS.map(scale), scale('confidence'), scale('recommend'), text('mostUseful'), text('suggestions')],
  },
  module: {
    scaleMax: 5,
    questions: [...EVALUATION_QUESTIONS.map(scale), scale('applicability'), scale('recommend'), text('suggestions')],
  },
} as const satisfies Record<string, QuestionSetDraft>;

/** The form answered by rows stored before question sets (no questionSetId): four questions, 1–5. */
export const FIRST_FORM: QuestionSetDraft = { scaleMax: 5, questions: EVALUATION_QUESTIONS.map(scale) };

export function defaultQuestionSet(kind: Programme['kind']): QuestionSetDraft {
  const d = kind === 'badge' ? DEFAULT_QUESTION_SETS.badge : DEFAULT_QUESTION_SETS.module;
  return { scaleMax: d.scaleMax, questions: d.questions.map((q) => ({ ...q })) };
}

/** A programme's current form: its newest version. */
export function currentQuestionSet(sets: readonly QuestionSet[], programmeId: string): QuestionSet | undefined {
  return sets.filter((s) => s.programmeId === programmeId).reduce<QuestionSet | undefined>((a, s) => (!a || s.version > a.version ? s : a), undefined);
}

/**
 * What saving a changed form does. While no response uses the current version it is rewritten in
 * place; once one does, that version is frozen and the change becomes the next version, so every
 * response keeps the wording and scale it was given on.
 */
export function planQuestionSetChange(
  current: Pick<QuestionSet, 'version'> | undefined,
  responsesToCurrent: number,
): { mode: 'create' | 'update' | 'newVersion'; version: number } {
  if (!current) return { mode: 'create', version: 1 };
  if (responsesToCurrent === 0) return { mode: 'update', version: current.version };
  return { mode: 'newVersion', version: current.version + 1 };
}

/** A key for a question the coordinator adds: q1, q2… not yet used in this form. */
export function newQuestionKey(questions: readonly Pick<EvaluationQuestionDef, 'key'>[]): string {
  const used = new Set(questions.map((q) => q.key));
  let n = questions.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

export type ResponseIssueCode = 'unknownQuestion' | 'outOfScale' | 'empty';
export interface ResponseIssue {
  key?: string;
  code: ResponseIssueCode;
}

/** Why a response does not fit its form (nothing when it does): every score on a scale question within 1…scaleMax, answers only to text questions. */
export function responseIssues(form: QuestionSetDraft, r: Pick<Evaluation, 'scores' | 'answers' | 'comment'>): ResponseIssue[] {
  const kinds = new Map(form.questions.map((q) => [q.key, q.kind]));
  const out: ResponseIssue[] = [];
  for (const [key, v] of Object.entries(r.scores)) {
    if (kinds.get(key) !== 'scale') out.push({ key, code: 'unknownQuestion' });
    else if (!Number.isInteger(v) || v < 1 || v > form.scaleMax) out.push({ key, code: 'outOfScale' });
  }
  for (const key of Object.keys(r.answers ?? {})) if (kinds.get(key) !== 'text') out.push({ key, code: 'unknownQuestion' });
  if (!Object.keys(r.scores).length && !Object.keys(r.answers ?? {}).length && !r.comment) out.push({ code: 'empty' });
  return out;
}

/** The key responses are grouped by: their question set, or 'first' for the first form. */
export const formKey = (r: Pick<Evaluation, 'questionSetId'>): string => r.questionSetId ?? 'first';
