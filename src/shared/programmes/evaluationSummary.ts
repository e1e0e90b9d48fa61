import type { Evaluation, EvaluationQuestionDef } from '../model';
import type { ReportTable } from '../indicators/report';
import { displayCell, isSmall, SECONDARY_MARK, suppressBreakdown, type CellState } from '../indicators/suppression';
import type { QuestionSetDraft } from './questionSets';

export interface QuestionSummary {
  question: EvaluationQuestionDef;
  /** Responses that answered this question (a skipped question does not count, nor as zero). */
  count: number;
  /** Mean score (scale questions), two decimals; null without answers or for a text question. */
  mean: number | null;
  /** How many gave each score: index 0 is score 1. Empty for a text question. */
  distribution: number[];
}

export interface FormSummary {
  responses: number;
  questions: QuestionSummary[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Per question of a form: how many answered it, the mean and how many gave each score. */
export function summariseForm(form: QuestionSetDraft, responses: ReadonlyArray<Pick<Evaluation, 'scores' | 'answers'>>): FormSummary {
  return {
    responses: responses.length,
    questions: form.questions.map((question) => {
      if (question.kind === 'text') return { question, count: responses.filter((r) => r.answers?.[question.key]).length, mean: null, distribution: [] };
      const distribution = Array.from({ length: form.scaleMax }, () => 0);
      let sum = 0;
      let count = 0;
      for (const r of responses) {
        const v = r.scores[question.key];
        if (typeof v !== 'number' || v < 1 || v > form.scaleMax) continue;
        distribution[v - 1]!++;
        sum += v;
        count++;
      }
      return { question, count, mean: count ? round2(sum / count) : null, distribution };
    }),
  };
}

export interface ProtectedCell {
  count: number;
  state: CellState;
}

export interface ProtectedQuestionSummary {
  question: EvaluationQuestionDef;
  count: ProtectedCell;
  /** Null when hidden (or none). */
  mean: number | null;
  distribution: ProtectedCell[];
}

/**
 * A form's summary as it may leave the organisation, with the one suppression routine of every
 * report (indicators/suppression.ts): each question's distribution is a breakdown of its count.
 * The mean is shown only when the count and every score of the distribution are shown: a mean
 * with hidden scores is one more equation (Σ score·count = mean·n) that could give them away.
 */
export function protectFormSummary(summary: FormSummary, threshold: number): { responses: ProtectedCell; questions: ProtectedQuestionSummary[] } {
  const responses: ProtectedCell = { count: summary.responses, state: isSmall(summary.responses, threshold) ? 'small' : 'shown' };
  return {
    responses,
    questions: summary.questions.map((q) => {
      if (q.question.kind === 'text')
        return { question: q.question, count: { count: q.count, state: isSmall(q.count, threshold) ? 'small' : 'shown' }, mean: null, distribution: [] };
      const b = suppressBreakdown(
        q.distribution.map((count, i) => ({ key: String(i + 1), count })),
        threshold,
      );
      const distribution = b.cells.map((c) => ({ count: c.count, state: c.state }));
      const allShown = b.total.state === 'shown' && distribution.every((c) => c.state === 'shown');
      return { question: q.question, count: { count: b.total.count, state: b.total.state }, mean: allShown ? q.mean : null, distribution };
    }),
  };
}

/** How a summary file names things, in the user's language. */
export interface SummaryLabels {
  question(q: EvaluationQuestionDef): string;
  responses: string;
  answered: string;
  mean: string;
  score(n: number): string;
  formatMean(n: number): string;
}

/**
 * A protected summary as report tables (the report files' writer): one table for the form's
 * responses, then one per question: how many answered, the mean, and how many gave each score.
 * A hidden count is its mark ("<5", "x"), a hidden mean "x".
 */
export function summaryReportTables(p: ReturnType<typeof protectFormSummary>, threshold: number, labels: SummaryLabels): ReportTable[] {
  const cell = (c: ProtectedCell): number | string => (c.state === 'shown' ? c.count : displayCell(c.count, c.state, threshold));
  return [
    { id: 'evaluation.responses', title: labels.responses, header: [labels.responses, ''], rows: [[labels.responses, cell(p.responses)]] },
    ...p.questions.map((q, i): ReportTable => ({
      id: `evaluation.q${i + 1}`,
      title: labels.question(q.question),
      header: [labels.question(q.question), ''],
      rows: [
        [labels.answered, cell(q.count)],
        ...(q.question.kind === 'scale'
          ? ([[labels.mean, q.mean === null ? (q.count.count ? SECONDARY_MARK : '') : labels.formatMean(q.mean)]] as Array<[string, string]>)
          : []),
        ...q.distribution.map((c, k): [string, number | string] => [labels.score(k + 1), cell(c)]),
      ],
    })),
  ];
}
