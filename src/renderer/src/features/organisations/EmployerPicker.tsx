import { Select } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { municipalityLabel } from '@shared/gazetteer';
import { filterRegister } from '@shared/organisations/register';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { listRegister } from '../../db/organisations';

/** "Employed at": a job outcome's employer, picked from the register (name and municipality, searchable). */
export function EmployerPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation(['organisations']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = useLiveQuery(() => listRegister(db, actor), [db, actor]);
  const data = useMemo(
    () => filterRegister(rows ?? [], {}, fmt.locale).map((o) => ({ value: o.id, label: `${o.name} (${municipalityLabel(o.town, fmt.locale)})` })),
    [rows, fmt.locale],
  );
  return (
    <Select
      label={t('organisations:employer.label')}
      placeholder={t('organisations:employer.placeholder')}
      description={t('organisations:employer.hint')}
      nothingFoundMessage={t('organisations:employer.none')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      data-testid="employer-picker"
    />
  );
}
