import { Select } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { municipalityLabel } from '@shared/gazetteer';
import { sortByLabel } from '@shared/i18n/collation';
import { GENDERS, PERSON_KINDS, TARGET_GROUPS, type Person } from '@shared/model';
import type { PeopleFilter } from '@shared/people/list';
import { useFormat } from '../../components/useFormat';

interface Props extends Pick<PeopleFilter, 'kind' | 'gender' | 'municipality' | 'targetGroup' | 'hasOutcome'> {
  programmeId: string | null;
  towns: readonly string[];
  programmes: ReadonlyArray<{ value: string; label: string }>;
  onChange: (changes: Partial<PeopleFilter>) => void;
  onProgramme: (id: string | null) => void;
}

/**
 * The list's filters but the search box. Memoised apart from it: a keystroke in the search changes
 * none of these props, so six Selects (one with every town) are not rebuilt on every key (#15: a
 * keystroke to the painted list within 50 ms with 50,000 people).
 */
export const PeopleFilterSelects = memo(function PeopleFilterSelects({
  kind,
  gender,
  municipality,
  targetGroup,
  hasOutcome,
  programmeId,
  towns,
  programmes,
  onChange,
  onProgramme,
}: Props) {
  const { t } = useTranslation('participants');
  const fmt = useFormat();
  return (
    <>
      <Select
        w={150}
        clearable
        aria-label={t('participants:kind')}
        placeholder={t('participants:kind')}
        data={PERSON_KINDS.map((k) => ({ value: k, label: t(`participants:kinds.${k}`) }))}
        value={kind ?? null}
        onChange={(v) => onChange({ kind: (v as Person['kind']) ?? undefined })}
        data-testid="filter-kind"
      />
      <Select
        w={140}
        clearable
        aria-label={t('participants:gender')}
        placeholder={t('participants:gender')}
        data={GENDERS.map((g) => ({ value: g, label: t(`participants:genders.${g}`) }))}
        value={gender ?? null}
        onChange={(v) => onChange({ gender: (v as Person['gender']) ?? undefined })}
        data-testid="filter-gender"
      />
      <Select
        w={160}
        clearable
        searchable
        aria-label={t('participants:municipality')}
        placeholder={t('participants:municipality')}
        data={sortByLabel(
          towns.map((town) => ({ value: town, label: municipalityLabel(town, fmt.locale) })),
          fmt.locale,
        )}
        value={municipality ?? null}
        onChange={(v) => onChange({ municipality: v ?? undefined })}
        data-testid="filter-municipality"
      />
      <Select
        w={190}
        clearable
        aria-label={t('participants:targetGroup')}
        placeholder={t('participants:targetGroup')}
        data={TARGET_GROUPS.map((g) => ({ value: g, label: t(`participants:targetGroups.${g}`) }))}
        value={targetGroup ?? null}
        onChange={(v) => onChange({ targetGroup: (v as Person['targetGroups'][number]) ?? undefined })}
      />
      <Select
        w={200}
        clearable
        aria-label={t('participants:programme')}
        placeholder={t('participants:programme')}
        data={sortByLabel(programmes, fmt.locale)}
        value={programmeId}
        onChange={onProgramme}
      />
      <Select
        w={160}
        clearable
        aria-label={t('participants:hasOutcome')}
        placeholder={t('participants:hasOutcome')}
        data={[
          { value: 'yes', label: t('participants:withOutcome') },
          { value: 'no', label: t('participants:withoutOutcome') },
        ]}
        value={hasOutcome === undefined ? null : hasOutcome ? 'yes' : 'no'}
        onChange={(v) => onChange({ hasOutcome: v === null ? undefined : v === 'yes' })}
      />
    </>
  );
});
