import { Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { sortByLabel } from '@shared/i18n/collation';
import { COUNTRIES } from '@shared/model';
import { PERIOD_PRESETS } from '@shared/indicators/periods';
import { dayjsDatePattern } from '@shared/i18n/format';
import { useFormat } from '../../components/useFormat';
import type { NameMaps } from './labels';
import type { ReportFilter } from './useReport';

export function ReportFilters({
  filter,
  onChange,
  names,
  isLead,
}: {
  filter: ReportFilter;
  onChange: (f: ReportFilter) => void;
  names: NameMaps;
  isLead: boolean;
}) {
  const { t } = useTranslation(['reports', 'common']);
  const { locale } = useFormat();
  return (
    <Group align="flex-end" gap="md" mb="lg" wrap="wrap">
      <SegmentedControl
        aria-label={t('reports:period')}
        value={filter.preset}
        onChange={(v) => onChange({ ...filter, preset: v as ReportFilter['preset'], from: undefined, to: undefined })}
        data={[...PERIOD_PRESETS, 'custom'].map((p) => ({ value: p, label: t(`reports:presets.${p}`) }))}
      />
      {filter.preset === 'custom' && (
        <DatePickerInput
          type="range"
          label={t('reports:period')}
          valueFormat={dayjsDatePattern(locale)}
          value={[filter.from ?? null, filter.to ?? null]}
          onChange={([from, to]) => onChange({ ...filter, from: from ?? undefined, to: to ?? undefined })}
          w={250}
        />
      )}
      <Select
        label={t('reports:programme')}
        placeholder={t('reports:allProgrammes')}
        clearable
        data={sortByLabel(
          [...names.programmes].map(([value, label]) => ({ value, label })),
          locale,
        )}
        value={filter.programmeId ?? null}
        onChange={(v) => onChange({ ...filter, programmeId: v ?? undefined })}
        w={300}
      />
      {isLead && (
        <>
          <Select
            label={t('reports:partner')}
            placeholder={t('reports:allPartners')}
            clearable
            data={sortByLabel(
              [...names.organisations].map(([value, label]) => ({ value, label })),
              locale,
            )}
            value={filter.orgId ?? null}
            onChange={(v) => onChange({ ...filter, orgId: v ?? undefined })}
            w={240}
          />
          <Select
            label={t('reports:country')}
            placeholder={t('reports:allCountries')}
            clearable
            data={COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))}
            value={filter.country ?? null}
            onChange={(v) => onChange({ ...filter, country: v ?? undefined })}
            w={200}
          />
        </>
      )}
    </Group>
  );
}
