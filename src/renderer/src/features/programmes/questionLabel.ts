import type { TFunction } from 'i18next';
import { PRESET_QUESTIONS, type EvaluationQuestionDef } from '@shared/model';

/** A question as the form shows it: the coordinator's wording, else the preset's in the user's language. */
export function questionLabel(t: TFunction, q: EvaluationQuestionDef): string {
  if (q.text) return q.text;
  return (PRESET_QUESTIONS as readonly string[]).includes(q.key) ? t(`programmes:evaluation.questions.${q.key}`) : q.key;
}

/** A mean as the screens show it: one or two decimals in the user's locale. */
export function formatMean(v: number | null, locale: string): string {
  return v === null ? '—' : v.toLocaleString(locale === 'en' ? 'en-GB' : locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
}
