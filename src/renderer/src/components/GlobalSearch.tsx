import { Autocomplete } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './useFormat';
import { useNavigate } from 'react-router';
import { useDebouncedValue } from '@mantine/hooks';
import { useApp } from '../session/AppContext';
import { searchEverything } from '../db/search';

/** The search field's id, so Ctrl+K (app/KeyboardShortcuts.tsx) can put the cursor there. */
export const GLOBAL_SEARCH_ID = 'global-search-input';

export function GlobalSearch() {
  const { t } = useTranslation('common');
  const { db, actor } = useApp();
  const { locale } = useFormat();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [query] = useDebouncedValue(value, 120);
  const hits = useLiveQuery(() => searchEverything(db, actor, query, 8, locale), [db, actor, query, locale]) ?? [];
  const data = hits.map((h) => ({ value: `${h.kind}:${h.id}`, label: h.detail ? `${h.label} · ${h.detail}` : h.label }));

  return (
    <Autocomplete
      aria-label={t('search')}
      placeholder={t('searchPlaceholder')}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={setValue}
      data={data}
      filter={({ options }) => options}
      onOptionSubmit={(option) => {
        const [kind, id] = option.split(':');
        setValue('');
        void navigate(kind === 'person' ? `/participants?person=${id}` : `/programmes?programme=${id}`);
      }}
      w={260}
      visibleFrom="md"
      data-testid="global-search"
      id={GLOBAL_SEARCH_ID}
    />
  );
}
