import { z } from 'zod';
import { baseRecord, id, optionalText } from './base';

/**
 * The questions of the first evaluation form (before question sets): each answered 1 (poor) to 5
 * (excellent). Rows stored without a question set answer these (see programmes/questionSets.ts).
 */
export const EVALUATION_QUESTIONS = ['content', 'trainers', 'organisation', 'usefulness'] as const;
export type EvaluationQuestion = (typeof EVALUATION_QUESTIONS)[number];

/**
 * Questions whose wording comes with the app, in every language (`programmes:evaluation.questions.<key>`).
 * A coordinator may reword any of them (then her wording is shown) or add her own.
 */
export const PRESET_QUESTIONS = [...EVALUATION_QUESTIONS, 'confidence', 'applicability', 'recommend', 'mostUseful', 'suggestions'] as const;
export type PresetQuestion = (typeof PRESET_QUESTIONS)[number];

/** A question's key: stable across rewording, so answers stay with their question. */
export const questionKey = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/);

export const QUESTION_KINDS = ['scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const SCALE_MAX_MIN = 3;
export const SCALE_MAX_MAX = 10;

export const evaluationQuestionSchema = z.object({
  key: questionKey,
  kind: z.enum(QUESTION_KINDS),
  /** The coordinator's wording; absent: the preset's wording in the reader's language. */
  text: optionalText(300),
});
export type EvaluationQuestionDef = z.infer<typeof evaluationQuestionSchema>;

/**
 * The evaluation form of a programme, one row per version. A version with responses is frozen:
 * changing the questions then writes the next version, so every response keeps the wording and
 * scale it was given on (programmes/questionSets.ts).
 */
export const questionSetSchema = baseRecord.extend({
  programmeId: id,
  version: z.number().int().min(1),
  /** Scale questions are answered 1 … scaleMax. */
  scaleMax: z.number().int().min(SCALE_MAX_MIN).max(SCALE_MAX_MAX).default(5),
  questions: z
    .array(evaluationQuestionSchema)
    .min(1)
    .max(30)
    .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, { message: 'duplicate question key' }),
});
export type QuestionSet = z.infer<typeof questionSetSchema>;

const score = z.number().int().min(1).max(SCALE_MAX_MAX);
/**
 * One evaluation response: a participant's (personId) or an anonymous paper form (no personId).
 * Scores are checked against the form's scale by programmes/questionSets.ts `responseIssues`.
 */
export const evaluationSchema = baseRecord.extend({
  eventId: id,
  /** Absent: an anonymous response. */
  personId: id.optional(),
  /** The question set version answered; absent: the first form (EVALUATION_QUESTIONS, 1–5). */
  questionSetId: id.optional(),
  scores: z.record(questionKey, score),
  /** Answers to the form's text questions (sealed at rest like every free text). */
  answers: z.record(questionKey, z.string().trim().min(1).max(2000)).optional(),
  comment: optionalText(2000),
  /** An imported online form's timestamp as the file wrote it: the same row imported twice is found by it. */
  receivedAt: optionalText(60),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
