import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { legalFormsFor } from '@shared/country/defaults';
import type { Country, LegalForm } from '@shared/model';

export interface BusinessOutcome {
  legalForm: LegalForm | null;
  jobsCreated: number | null;
}

/**
 * The legal form (the country's own list) and jobs created of a business outcome: one pair of
 * fields for a person's outcome and a match's closing outcome alike.
 */
export function BusinessOutcomeFields({
  country,
  value,
  onChange,
}: {
  country: Country;
  value: BusinessOutcome;
  onChange: (changes: Partial<BusinessOutcome>) => void;
}) {
  const { t } = useTranslation('participants');
  return (
    <Group grow align="flex-start">
      <Select
        label={t('outcomes.legalForm')}
        placeholder={t('outcomes.legalFormPlaceholder')}
        clearable
        data={legalFormsFor(country).map((f) => ({ value: f, label: t(`legalForms.${f}`) }))}
        value={value.legalForm}
        onChange={(v) => onChange({ legalForm: v as LegalForm | null })}
      />
      <NumberInput
        label={t('outcomes.jobsCreated')}
        placeholder={t('outcomes.jobsPlaceholder')}
        min={0}
        max={1000}
        allowDecimal={false}
        allowNegative={false}
        value={value.jobsCreated ?? ''}
        onChange={(v) => onChange({ jobsCreated: v === '' ? null : Number(v) })}
      />
    </Group>
  );
}
