import { sortByLabel } from '@shared/i18n/collation';
import { ActionIcon, Badge, Button, Group, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconBuildingFactory2, IconFileImport, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { municipalityLabel } from '@shared/gazetteer';
import { REGISTER_KINDS } from '@shared/model';
import { filterRegister, registerMunicipalities, type RegisterFilter } from '@shared/organisations/register';
import { useApp } from '../../session/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { lastOrganisationImport, listRegister, type RegisterEntry } from '../../db/organisations';
import { OrganisationFormModal } from './OrganisationForm';
import { useConfirmUndoImport } from '../../components/confirmUndoImport';

const KIND_COLOR: Record<string, string> = { sme: 'teal', employer: 'blue', public: 'grape', ngo: 'orange', other: 'gray' };

/** The register: search, filters by kind and municipality, and the figures each entry carries. */
export function OrganisationList() {
  const { t } = useTranslation(['organisations', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<RegisterFilter>({});
  const [editing, setEditing] = useState<RegisterEntry | 'new' | null>(null);
  const rows = useLiveQuery(() => listRegister(db, actor), [db, actor]);
  const lastImport = useLiveQuery(() => lastOrganisationImport(db, actor), [db, actor]);
  const confirmUndo = useConfirmUndoImport('organisations');
  const shown = useMemo(() => filterRegister(rows ?? [], filter, fmt.locale), [rows, filter, fmt.locale]);
  const towns = useMemo(
    () =>
      sortByLabel(
        registerMunicipalities(rows ?? []).map((m) => ({ value: m.key, label: municipalityLabel(m.name, fmt.locale) })),
        fmt.locale,
      ),
    [rows, fmt.locale],
  );
  if (rows === undefined) return null;
  const set = (changes: Partial<RegisterFilter>) => setFilter((f) => ({ ...f, ...changes }));
  const filtered = !!(filter.query || filter.kind || filter.municipality);

  return (
    <>
      <PageHeader
        title={t('organisations:title')}
        description={t('organisations:description')}
        actions={
          <>
            {lastImport && (
              <Button
                variant="subtle"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => void confirmUndo(lastImport.id)}
                data-testid="undo-org-import"
              >
                {t('organisations:undoImport')}
              </Button>
            )}
            <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => void navigate('import')} data-testid="import-organisations">
              {t('organisations:import')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="add-organisation">
              {t('organisations:add')}
            </Button>
          </>
        }
      />
      {rows.length === 0 ? (
        <EmptyState icon={<IconBuildingFactory2 size={32} />} title={t('organisations:emptyTitle')}>
          {t('organisations:emptyText')}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Group mb="md" align="flex-end">
            <TextInput
              flex={1}
              miw={260}
              leftSection={<IconSearch size={16} />}
              placeholder={t('organisations:search')}
              aria-label={t('organisations:search')}
              value={filter.query ?? ''}
              onChange={(e) => set({ query: e.currentTarget.value })}
              data-testid="org-search"
            />
            <Select
              w={220}
              label={t('organisations:filterKind')}
              placeholder={t('organisations:allKinds')}
              data={REGISTER_KINDS.map((k) => ({ value: k, label: t(`organisations:kinds.${k}`) }))}
              value={filter.kind ?? null}
              onChange={(v) => set({ kind: v })}
              clearable
              data-testid="org-kind-filter"
            />
            <Select
              w={220}
              label={t('organisations:filterMunicipality')}
              placeholder={t('organisations:allMunicipalities')}
              data={towns}
              value={filter.municipality ?? null}
              onChange={(v) => set({ municipality: v })}
              clearable
              searchable
              data-testid="org-town-filter"
            />
            {filtered && (
              <Tooltip label={t('organisations:clearFilters')}>
                <ActionIcon variant="subtle" size="lg" onClick={() => setFilter({})} aria-label={t('organisations:clearFilters')}>
                  <IconX size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          <Text size="sm" c="dimmed" mb="xs" data-testid="org-count">
            {filtered ? t('organisations:shownOf', { count: shown.length, total: rows.length }) : t('organisations:shown', { count: rows.length })}
          </Text>
          {shown.length === 0 ? (
            <Text c="dimmed" size="sm" py="lg" ta="center">
              {t('organisations:noMatch')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover data-testid="org-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisations:fields.name')}</Table.Th>
                    <Table.Th>{t('organisations:fields.kind')}</Table.Th>
                    <Table.Th>{t('organisations:fields.municipality')}</Table.Th>
                    <Table.Th>{t('organisations:fields.sector')}</Table.Th>
                    <Table.Th>{t('organisations:fields.contactPerson')}</Table.Th>
                    <Table.Th>{t('organisations:fields.supportedOn')}</Table.Th>
                    <Table.Th ta="right">{t('organisations:fields.jobsCreated')}</Table.Th>
                    <Table.Th ta="right">{t('organisations:fields.placed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((o) => (
                    <Table.Tr key={o.id} data-testid="org-row" style={{ cursor: 'pointer' }} onClick={() => setEditing(o)}>
                      <Table.Td>
                        <Text
                          size="sm"
                          fw={500}
                          component="button"
                          type="button"
                          bg="none"
                          bd="none"
                          p={0}
                          c="teal.8"
                          style={{ cursor: 'pointer', textAlign: 'left' }}
                          onClick={(e: React.MouseEvent) => {
                            e.stopPropagation();
                            setEditing(o);
                          }}
                        >
                          {o.name}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge variant="light" color={KIND_COLOR[o.kind] ?? 'gray'} title={t(`organisations:kinds.${o.kind}`)} style={{ overflow: 'visible' }}>
                          {t(`organisations:kindsShort.${o.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{municipalityLabel(o.town, fmt.locale)}</Table.Td>
                      <Table.Td>{o.sector}</Table.Td>
                      <Table.Td>{o.contactPerson}</Table.Td>
                      <Table.Td>{o.supportedOn ? fmt.date(o.supportedOn) : ''}</Table.Td>
                      <Table.Td ta="right">{o.jobsCreated === undefined ? '' : fmt.number(o.jobsCreated)}</Table.Td>
                      <Table.Td ta="right" data-testid="org-placed">
                        {fmt.number(o.placed)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      {editing && <OrganisationFormModal organisation={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
