import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** One zod issue as a sentence in the user's language (keys live in the `validation` namespace). */
export function issueMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? t('validation:required') : t('validation:tooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      return t('validation:tooBig', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation:email') : t('validation:invalidFormat');
    case 'invalid_value':
      return t('validation:invalidChoice');
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? t('validation:required') : t('validation:invalidType');
    default:
      return t('validation:invalid');
  }
}

/** A @mantine/form `validate` function driven by the entity's zod schema: one source of validation. */
export function zodValidate<T>(schema: z.ZodType<T>, t: TFunction) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= issueMessage(t, issue);
    }
    return errors;
  };
}
