import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Person } from '@shared/model';
import { useApp } from '../session/AppContext';
import { getPeople, getPerson } from '../db/people';
import { searchPeople } from '../db/search';
import { useFormat } from './useFormat';

const label = (p: Person) => `${p.lastName}, ${p.firstName}${p.municipality ? ` · ${p.municipality}` : ''}${p.birthYear ? ` · ${p.birthYear}` : ''}`;

interface Common {
  label: string;
  placeholder?: string;
  kind?: Person['kind'];
  error?: string;
}

/** Choose people from the registry by typing part of a name (diacritics and script do not matter). */
export function PersonPicker(props: Common & { value: string | null; onChange: (id: string | null) => void }) {
  const { db, actor } = useApp();
  const { locale } = useFormat();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  const found = useLiveQuery(() => searchPeople(db, actor, query, { kind: props.kind, locale }), [db, actor, query, props.kind, locale]) ?? [];
  const current = useLiveQuery(async () => (props.value ? await getPerson(db, props.value) : undefined), [db, props.value]);
  const options = [...(current && !found.some((p) => p.id === current.id) ? [current] : []), ...found];
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      error={props.error}
      searchable
      clearable
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((p) => ({ value: p.id, label: label(p) }))}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

export function PeoplePicker(props: Common & { value: string[]; onChange: (ids: string[]) => void }) {
  const { db, actor } = useApp();
  const { locale } = useFormat();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  const found = useLiveQuery(() => searchPeople(db, actor, query, { kind: props.kind, locale }), [db, actor, query, props.kind, locale]) ?? [];
  const chosen = useLiveQuery(() => getPeople(db, props.value), [db, props.value]) ?? [];
  const options = [...chosen, ...found.filter((p) => !props.value.includes(p.id))];
  return (
    <MultiSelect
      label={props.label}
      placeholder={props.placeholder}
      error={props.error}
      searchable
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((p) => ({ value: p.id, label: label(p) }))}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
