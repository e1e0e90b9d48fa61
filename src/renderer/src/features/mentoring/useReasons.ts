import { useTranslation } from 'react-i18next';
import type { Reason } from '@shared/matching';

/** Reasons (i18n keys and parameters) as words; language codes become language names in the user's language. */
export function useReasonText() {
  const { t, i18n } = useTranslation('mentoring');
  const names = new Intl.DisplayNames([i18n.language === 'sr-Cyrl' ? 'sr-Cyrl' : i18n.language], { type: 'language' });
  const languageName = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return {
    reason: (r: Reason) => t(r.key, { ...r.params, ...(r.params?.language ? { language: languageName(String(r.params.language)) } : {}) }),
    languageName,
  };
}
