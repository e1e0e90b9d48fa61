import { useTranslation } from 'react-i18next';
import type { Reason } from '@shared/matching';
import { languageName as nameOf } from '@shared/mentoring';

/** Reasons (i18n keys and parameters) as words; language codes become language names in the user's language. */
export function useReasonText() {
  const { t, i18n } = useTranslation('mentoring');
  const languageName = (code: string) => nameOf(code, i18n.language);
  return {
    reason: (r: Reason) => t(r.key, { ...r.params, ...(r.params?.language ? { language: languageName(String(r.params.language)) } : {}) }),
    languageName,
  };
}
