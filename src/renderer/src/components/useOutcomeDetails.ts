import { useTranslation } from 'react-i18next';
import type { Outcome } from '@shared/model';

/**
 * A business outcome's legal form and jobs created in the user's language ("d.o.o. · 2 otvorena
 * radna mjesta"); empty when neither was recorded. One wording for the person page, the match
 * and the report drill-down.
 */
export function useOutcomeDetails(): (o: Pick<Outcome, 'legalForm' | 'jobsCreated'>) => string {
  const { t } = useTranslation('participants');
  return (o) =>
    [
      o.legalForm ? t(`participants:legalForms.${o.legalForm}`) : undefined,
      o.jobsCreated !== undefined ? t('participants:outcomes.jobs', { count: o.jobsCreated }) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
}
