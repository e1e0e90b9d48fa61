import type { Evaluation } from '../model';
import type { QuestionSetDraft } from '../programmes/questionSets';
import { normaliseHeader } from './headers';
import type { Cell } from './xlsx';

/**
 * Responses exported from an online form (Google Forms, Microsoft Forms and the like): a header
 * row, then one response per row: a timestamp column, one column per question, scores as digits
 * ("4", "4 – dobro") or, on a five-point scale, as words in any of the region's languages.
 */

/** What a column holds: a question of the form, the form's timestamp, or nothing we keep. */
export type EvaluationColumn = { kind: 'question'; key: string } | { kind: 'timestamp' } | null;

const TIMESTAMP_HEADERS = [
  'timestamp',
  'vremenska oznaka',
  'vremenski zig',
  'vrijeme',
  'vreme',
  'casovni zig',
  'start time',
  'completion time',
  'vrijeme pocetka',
  'vrijeme zavrsetka',
  'vreme pocetka',
  'vreme zavrsetka',
  'cas zacetka',
  'cas zakljucka',
  'submitted',
  'datum i vrijeme',
  'datum i vreme',
];

/**
 * One guess per column. `labels` gives each question's wordings (the coordinator's own, or the
 * preset's in every language); a header names a question when, folded, it equals one or begins
 * with one ("1. Sadržaj radionice" → content). Each question goes to the first column naming it.
 */
export function guessEvaluationColumns(headers: readonly string[], labels: ReadonlyMap<string, readonly string[]>): EvaluationColumn[] {
  const folded = new Map([...labels].map(([key, ls]) => [key, ls.map(normaliseHeader).filter((l) => l.length >= 3)]));
  const used = new Set<string>();
  let timestamp = false;
  return headers.map((raw) => {
    const h = normaliseHeader(raw).replace(/^\d+[.)]\s*/, '');
    if (!h) return null;
    if (!timestamp && TIMESTAMP_HEADERS.includes(h)) {
      timestamp = true;
      return { kind: 'timestamp' };
    }
    let best: string | null = null;
    let bestLength = 0;
    for (const [key, ls] of folded) {
      if (used.has(key)) continue;
      for (const l of ls) if ((h === l || h.startsWith(l)) && l.length > bestLength) [best, bestLength] = [key, l.length];
    }
    if (!best) return null;
    used.add(best);
    return { kind: 'question', key: best };
  });
}

/**
 * Words a five-point scale is answered with, folded (Cyrillic is folded to Latin), by score:
 * agreement (Likert) and quality, in Croatian, Serbian, Bosnian, Slovenian and English.
 */
const SCALE_WORDS: Record<number, string[]> = {
  1: [
    'uopce se ne slazem',
    'uopste se ne slazem',
    'nikako se ne slazem',
    'sploh se ne strinjam',
    'strongly disagree',
    'vrlo lose',
    'veoma lose',
    'jako lose',
    'zelo slabo',
    'zelo slab',
    'very poor',
    'nedovoljan',
  ],
  2: ['ne slazem se', 'se ne strinjam', 'ne strinjam se', 'disagree', 'lose', 'slabo', 'slab', 'poor', 'dovoljan'],
  3: [
    'niti se slazem niti se ne slazem',
    'niti se slazem niti ne slazem',
    'ni se slazem ni ne slazem',
    'nit se slazem nit se ne slazem',
    'niti se strinjam niti ne strinjam',
    'neither agree nor disagree',
    'neutralno',
    'neutral',
    'osrednje',
    'srednje',
    'povprecno',
    'average',
    'fair',
    'dobar',
  ],
  4: ['slazem se', 'se strinjam', 'strinjam se', 'agree', 'dobro', 'good', 'vrlo dobar', 'vrlo dobro', 'zelo dobro'],
  5: [
    'potpuno se slazem',
    'u potpunosti se slazem',
    'sasvim se slazem',
    'popolnoma se strinjam',
    'povsem se strinjam',
    'strongly agree',
    'odlicno',
    'odlican',
    'excellent',
    'izvrsno',
    'izvrstno',
    'odlicen',
  ],
};
const WORD_SCORE = new Map(Object.entries(SCALE_WORDS).flatMap(([score, words]) => words.map((w) => [w, Number(score)] as const)));

/**
 * A score from a cell: a whole number in 1…scaleMax, a number leading a label ("4 – dobro",
 * "4/5"), or on a five-point scale a word. Null for an empty cell (the question was skipped);
 * 'bad' for anything else (outside the scale, a fraction, an unknown word).
 */
export function parseScaleAnswer(value: Cell, scaleMax: number): number | null | 'bad' {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= scaleMax ? value : 'bad';
  if (typeof value !== 'string') return 'bad';
  const s = value.trim();
  if (!s) return null;
  const lead = /^(\d+)(?:\s*(?:\/\s*\d+|[-–—.:)]\s*\D.*|\s+\D.*))?$/.exec(s);
  if (lead) {
    const n = Number(lead[1]);
    return n >= 1 && n <= scaleMax ? n : 'bad';
  }
  if (scaleMax !== 5) return 'bad';
  return WORD_SCORE.get(normaliseHeader(s).replace(/[.!]/g, '').trim()) ?? 'bad';
}

export type EvaluationImportIssueCode = 'badScore' | 'tooLong' | 'empty';
export interface EvaluationImportIssue {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column's header, when the issue is in one cell. */
  column?: string;
  value?: string;
  code: EvaluationImportIssueCode;
}

export interface EvaluationImportRow {
  row: number;
  response: Pick<Evaluation, 'scores'> & { answers?: Record<string, string>; receivedAt?: string };
}

export interface EvaluationImportPreview {
  rows: EvaluationImportRow[];
  issues: EvaluationImportIssue[];
  /** Rows left out because they are wholly empty (a form's trailing lines). */
  blank: number;
}

const cellText = (c: Cell): string => (c instanceof Date ? c.toISOString() : c === null || c === undefined ? '' : String(c).trim());

/**
 * Reads every data row against the form. A row with a bad cell is not imported and is named in
 * the issues (row, column, value, why): the file is not changed, so nothing is lost; the rest are
 * imported. A row with no answer at all is skipped as blank.
 */
export function readEvaluationRows(rows: readonly Cell[][], columns: readonly EvaluationColumn[], form: QuestionSetDraft): EvaluationImportPreview {
  const [header = [], ...data] = rows;
  const kinds = new Map(form.questions.map((q) => [q.key, q.kind]));
  const out: EvaluationImportPreview = { rows: [], issues: [], blank: 0 };
  data.forEach((cells, i) => {
    const row = i + 2;
    const scores: Record<string, number> = {};
    const answers: Record<string, string> = {};
    let receivedAt: string | undefined;
    const issues: EvaluationImportIssue[] = [];
    columns.forEach((col, c) => {
      if (!col) return;
      const cell = cells[c] ?? null;
      if (col.kind === 'timestamp') {
        receivedAt = cellText(cell).slice(0, 60) || undefined;
        return;
      }
      const kind = kinds.get(col.key);
      if (kind === 'scale') {
        const v = parseScaleAnswer(cell, form.scaleMax);
        if (v === 'bad') issues.push({ row, column: cellText(header[c] ?? null), value: cellText(cell), code: 'badScore' });
        else if (v !== null) scores[col.key] = v;
      } else if (kind === 'text') {
        const t = cellText(cell);
        if (t.length > 2000) issues.push({ row, column: cellText(header[c] ?? null), code: 'tooLong' });
        else if (t) answers[col.key] = t;
      }
    });
    if (issues.length) return void out.issues.push(...issues);
    if (!Object.keys(scores).length && !Object.keys(answers).length) {
      // A timestamp with no answer is a response with nothing in it: say so; a wholly empty line is not.
      if (receivedAt) out.issues.push({ row, code: 'empty' });
      else out.blank++;
      return;
    }
    out.rows.push({ row, response: { scores, ...(Object.keys(answers).length ? { answers } : {}), ...(receivedAt ? { receivedAt } : {}) } });
  });
  return out;
}

/** Whether an imported response is already stored (the same form timestamp and the same answers). */
export function sameResponse(a: Pick<Evaluation, 'scores' | 'answers' | 'receivedAt'>, b: Pick<Evaluation, 'scores' | 'answers' | 'receivedAt'>): boolean {
  const canon = (r: typeof a) =>
    JSON.stringify([
      r.receivedAt ?? '',
      Object.entries(r.scores).sort(([x], [y]) => x.localeCompare(y)),
      Object.entries(r.answers ?? {}).sort(([x], [y]) => x.localeCompare(y)),
    ]);
  return !!a.receivedAt && canon(a) === canon(b);
}
