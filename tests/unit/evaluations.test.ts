import { describe, expect, it } from 'vitest';
import { guessEvaluationColumns, parseScaleAnswer, readEvaluationRows, sameResponse } from '@shared/import/evaluations';
import { evaluationSchema, questionSetSchema } from '@shared/model';
import {
  currentQuestionSet,
  defaultQuestionSet,
  FIRST_FORM,
  newQuestionKey,
  planQuestionSetChange,
  protectFormSummary,
  responseIssues,
  summariseForm,
  type QuestionSetDraft,
} from '@shared/programmes';

const form: QuestionSetDraft = {
  scaleMax: 5,
  questions: [
    { key: 'content', kind: 'scale' },
    { key: 'trainers', kind: 'scale' },
    { key: 'suggestions', kind: 'text' },
  ],
};
const r = (content?: number, trainers?: number, suggestion?: string) => ({
  scores: { ...(content ? { content } : {}), ...(trainers ? { trainers } : {}) },
  ...(suggestion ? { answers: { suggestions: suggestion } } : {}),
});

describe('question sets', () => {
  it('BADGE and professional modules start with their own default forms, both opening with the first form’s four questions', () => {
    const badge = defaultQuestionSet('badge');
    const module = defaultQuestionSet('crossBorder');
    expect(badge.questions.map((q) => q.key)).toContain('confidence');
    expect(module.questions.map((q) => q.key)).toContain('applicability');
    for (const d of [badge, module]) expect(d.questions.slice(0, 4)).toEqual(FIRST_FORM.questions);
    expect(defaultQuestionSet('seminarSeries')).toEqual(module);
    // A copy: editing one programme's form never edits the defaults.
    badge.questions[0]!.text = 'Changed';
    expect(defaultQuestionSet('badge').questions[0]!.text).toBeUndefined();
  });

  it('a version with responses is frozen: a change becomes the next version; without responses it is rewritten in place', () => {
    expect(planQuestionSetChange(undefined, 0)).toEqual({ mode: 'create', version: 1 });
    expect(planQuestionSetChange({ version: 1 }, 0)).toEqual({ mode: 'update', version: 1 });
    expect(planQuestionSetChange({ version: 1 }, 3)).toEqual({ mode: 'newVersion', version: 2 });
    const sets = [1, 3, 2].map((version) => ({
      ...questionSetSchema.parse({
        id: crypto.randomUUID(),
        orgId: crypto.randomUUID(),
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
        programmeId: 'a1b2c3d4-0000-4000-8000-000000000001',
        version,
        questions: form.questions,
      }),
    }));
    expect(currentQuestionSet(sets, 'a1b2c3d4-0000-4000-8000-000000000001')?.version).toBe(3);
    expect(newQuestionKey([{ key: 'q4' }, { key: 'content' }])).toBe('q3');
    expect(newQuestionKey([{ key: 'q2' }, { key: 'q3' }])).toBe('q4');
  });

  it('the schema refuses two questions with one key, a scale outside 3–10, an empty form', () => {
    const base = {
      id: crypto.randomUUID(),
      orgId: crypto.randomUUID(),
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      programmeId: crypto.randomUUID(),
      version: 1,
    };
    expect(questionSetSchema.safeParse({ ...base, questions: [form.questions[0], form.questions[0]] }).success).toBe(false);
    expect(questionSetSchema.safeParse({ ...base, scaleMax: 2, questions: form.questions }).success).toBe(false);
    expect(questionSetSchema.safeParse({ ...base, scaleMax: 11, questions: form.questions }).success).toBe(false);
    expect(questionSetSchema.safeParse({ ...base, questions: [] }).success).toBe(false);
    expect(questionSetSchema.parse({ ...base, questions: form.questions }).scaleMax).toBe(5);
  });

  it('an anonymous response has no person; a response must fit its form', () => {
    const row = {
      id: crypto.randomUUID(),
      orgId: crypto.randomUUID(),
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      eventId: crypto.randomUUID(),
      scores: { content: 4 },
    };
    expect(evaluationSchema.parse(row).personId).toBeUndefined();
    expect(responseIssues(form, r(4, 5, 'Više prakse'))).toEqual([]);
    expect(responseIssues(form, { scores: { content: 6 } })).toEqual([{ key: 'content', code: 'outOfScale' }]);
    expect(responseIssues(form, { scores: { suggestions: 3 } })).toEqual([{ key: 'suggestions', code: 'unknownQuestion' }]);
    expect(responseIssues(form, { scores: {}, answers: { content: 'text' } })).toEqual([{ key: 'content', code: 'unknownQuestion' }]);
    expect(responseIssues(form, { scores: {} })).toEqual([{ code: 'empty' }]);
  });
});

describe('the summary per question', () => {
  it('counts the answers, averages them (a skipped question is not a zero) and gives the distribution', () => {
    const s = summariseForm(form, [r(5, 4), r(4), r(3, 2, 'Više prakse'), r(undefined, 5)]);
    expect(s.responses).toBe(4);
    expect(s.questions[0]).toMatchObject({ count: 3, mean: 4, distribution: [0, 0, 1, 1, 1] });
    expect(s.questions[1]).toMatchObject({ count: 3, mean: 3.67, distribution: [0, 1, 0, 1, 1] });
    expect(s.questions[2]).toMatchObject({ count: 1, mean: null, distribution: [] });
    expect(summariseForm({ scaleMax: 7, questions: [form.questions[0]!] }, [r(7)]).questions[0]!.distribution).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('leaving the organisation: small counts are hidden with the report’s suppression, and the mean is shown only when no score is hidden', () => {
    // 20 answers: 2 gave "3" (small), 10 gave "4", 8 gave "5".
    const many = [...Array(2).fill(r(3)), ...Array(10).fill(r(4)), ...Array(8).fill(r(5))];
    const p = protectFormSummary(summariseForm(form, many), 5);
    const content = p.questions[0]!;
    expect(content.count).toEqual({ count: 20, state: 'shown' });
    expect(content.distribution[2]).toEqual({ count: 2, state: 'small' });
    // The small "3" cannot be worked out from the total: one more score is hidden…
    expect(content.distribution.filter((c) => c.state === 'secondary')).toHaveLength(1);
    // …and the mean (4.3) would give both away: 3·a + 5·b = 4.3·20 − 40 with a + b = 10.
    expect(content.mean).toBeNull();
    const unprotected = summariseForm(form, many).questions[0]!.mean;
    expect(unprotected).toBe(4.3);

    // Three responses in all: every count is small, no mean.
    const few = protectFormSummary(summariseForm(form, [r(5, 5), r(4, 4), r(5, 3)]), 5);
    expect(few.responses.state).toBe('small');
    expect(few.questions[0]!.count.state).toBe('small');
    expect(few.questions[0]!.mean).toBeNull();

    // Zeros are shown; nothing small: the mean travels.
    const even = protectFormSummary(summariseForm(form, [...Array(5).fill(r(4)), ...Array(5).fill(r(5))]), 5);
    expect(even.questions[0]!.distribution.map((c) => c.state)).toEqual(['shown', 'shown', 'shown', 'shown', 'shown']);
    expect(even.questions[0]!.mean).toBe(4.5);
  });
});

describe('importing an online form’s export', () => {
  const labels = new Map<string, string[]>([
    ['content', ['Sadržaj', 'Content', 'Садржај']],
    ['trainers', ['Predavači', 'Trainers', 'Предавачи']],
    ['suggestions', ['Prijedlozi', 'Suggestions', 'Предлози']],
  ]);

  it('finds the timestamp and each question’s column by its wording, in any script; other columns are left out', () => {
    expect(guessEvaluationColumns(['Vremenska oznaka', '1. Sadržaj radionice', 'Predavači', 'E-mail', 'Prijedlozi?'], labels)).toEqual([
      { kind: 'timestamp' },
      { kind: 'question', key: 'content' },
      { kind: 'question', key: 'trainers' },
      null,
      { kind: 'question', key: 'suggestions' },
    ]);
    expect(guessEvaluationColumns(['Timestamp', 'САДРЖАЈ', 'Садржај'], labels)).toEqual([{ kind: 'timestamp' }, { kind: 'question', key: 'content' }, null]);
  });

  it('reads digits, numbers leading a label and the region’s scale words; refuses what is not on the scale', () => {
    expect(parseScaleAnswer(4, 5)).toBe(4);
    expect(parseScaleAnswer('5', 5)).toBe(5);
    expect(parseScaleAnswer('4 – dobro', 5)).toBe(4);
    expect(parseScaleAnswer('3/5', 5)).toBe(3);
    expect(parseScaleAnswer('Potpuno se slažem', 5)).toBe(5);
    expect(parseScaleAnswer('Уопште се не слажем', 5)).toBe(1);
    expect(parseScaleAnswer('Se strinjam', 5)).toBe(4);
    expect(parseScaleAnswer('Strongly disagree', 5)).toBe(1);
    expect(parseScaleAnswer('Odlično', 5)).toBe(5);
    expect(parseScaleAnswer('', 5)).toBeNull();
    expect(parseScaleAnswer(null, 5)).toBeNull();
    for (const bad of ['6', 0, 4.5, '4,5', 'možda', '10']) expect(parseScaleAnswer(bad, 5), String(bad)).toBe('bad');
    expect(parseScaleAnswer('Odlično', 7)).toBe('bad');
    expect(parseScaleAnswer('7', 7)).toBe(7);
  });

  it('a bad cell keeps its row out and names row, column, value and reason; good rows are read; blank lines are skipped', () => {
    // As a spreadsheet gives them (a CSV parse drops blank lines before we see them).
    const rows = [
      ['Vremenska oznaka', 'Sadržaj', 'Predavači', 'Prijedlozi'],
      ['02.03.2026 18:14:33', 5, 4, 'Više prakse'],
      ['02.03.2026 18:15:01', 'Slažem se', null, null],
      ['02.03.2026 18:16:12', '7', 4, null],
      [null, null, null, null],
      ['02.03.2026 18:17:00', null, null, ''],
    ];
    const cols = guessEvaluationColumns(rows[0] as string[], labels);
    const p = readEvaluationRows(rows, cols, form);
    expect(p.rows).toEqual([
      { row: 2, response: { scores: { content: 5, trainers: 4 }, answers: { suggestions: 'Više prakse' }, receivedAt: '02.03.2026 18:14:33' } },
      { row: 3, response: { scores: { content: 4 }, receivedAt: '02.03.2026 18:15:01' } },
    ]);
    expect(p.issues).toEqual([
      { row: 4, column: 'Sadržaj', value: '7', code: 'badScore' },
      { row: 6, code: 'empty' },
    ]);
    expect(p.blank).toBe(1);
  });

  it('the same form row imported twice is recognised by its timestamp and answers', () => {
    const a = { scores: { content: 5, trainers: 4 }, receivedAt: '02.03.2026 18:14:33' };
    expect(sameResponse(a, { scores: { trainers: 4, content: 5 }, receivedAt: '02.03.2026 18:14:33' })).toBe(true);
    expect(sameResponse(a, { scores: { content: 5, trainers: 3 }, receivedAt: '02.03.2026 18:14:33' })).toBe(false);
    // Two paper forms with the same scores are two responses.
    expect(sameResponse({ scores: { content: 5 } }, { scores: { content: 5 } })).toBe(false);
  });
});
