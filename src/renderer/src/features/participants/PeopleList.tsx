import { ActionIcon, Badge, Box, Button, Checkbox, Group, Menu, Paper, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAddressBook,
  IconArrowBackUp,
  IconChevronDown,
  IconDatabaseImport,
  IconDownload,
  IconFileSpreadsheet,
  IconPlus,
  IconSearch,
  IconShare,
  IconSortAscending,
  IconSortDescending,
  IconX,
} from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSlug } from '@shared/files/slug';
import { useNavigate, useSearchParams } from 'react-router';
import { can } from '@shared/auth/permissions';
import { municipalityLabel } from '@shared/gazetteer';
import type { Person } from '@shared/model';
import { exportRows, sortPeople, peopleMatcher, type PeopleFilter, type PeopleSort, type PeopleSortKey } from '@shared/people/list';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { lastPeopleImport } from '../../db/importPeople';
import { municipalities, peopleForList, peopleInProgramme, peopleWithOutcomes, programmeChoices } from '../../db/people';
import { exportPeopleList } from './exportPeople';
import { useConfirmUndoImport } from '../../components/confirmUndoImport';
import { displayName, exportHeader, exportValue } from './labels';
import { PersonFormModal } from './PersonForm';
import { lastSharing } from './actions';
import classes from './PeopleList.module.css';
import { PeopleFilterSelects } from './PeopleFilterSelects';
import { SharingBasisDialog, useConfirmUndoSharing } from './SharingBasisDialog';

const ROW_HEIGHT = 44;
/** One empty list while a query loads, so the memoised filters see the same props. */
const NONE: never[] = [];
const COLUMNS = '2.2fr 1.1fr 0.9fr 0.7fr 1.4fr 1.6fr';

export function PeopleList() {
  const { t } = useTranslation(['participants', 'common']);
  const { db, actor } = useApp();
  const today = useToday();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const highlighted = params.get('person');
  const [filter, setFilter] = useState<PeopleFilter>({});
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [sort, setSort] = useState<PeopleSort>({ key: 'name' });
  const [creating, setCreating] = useState(false);
  // Ctrl+Shift+P (app/KeyboardShortcuts.tsx) comes here as ?new=1: the new-person form opens once.
  const wantsNew = params.get('new') === '1';
  useEffect(() => {
    if (!wantsNew) return;
    if (can(actor.role, 'editPeople')) setCreating(true);
    setParams(
      (p) => {
        p.delete('new');
        return p;
      },
      { replace: true },
    );
  }, [wantsNew, actor.role, setParams]);
  // Ticked rows, for the bulk action; without any, it applies to everyone the filter shows.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [sharingFor, setSharingFor] = useState<{ ids: string[]; scope: 'selected' | 'filtered' | 'all' } | null>(null);

  const people = useLiveQuery(() => peopleForList(db, actor), [db, actor]);
  const outcomeIds = useLiveQuery(() => peopleWithOutcomes(db), [db]);
  const programmeIds = useLiveQuery(async () => (programmeId ? peopleInProgramme(db, programmeId) : undefined), [db, programmeId]);
  const programmes = useLiveQuery(() => programmeChoices(db), [db]) ?? NONE;
  const towns = useLiveQuery(() => municipalities(db, fmt.locale), [db, fmt.locale]) ?? NONE;
  const lastImport = useLiveQuery(() => lastPeopleImport(db), [db]);
  const confirmUndo = useConfirmUndoImport('people');
  const set = useCallback((changes: Partial<PeopleFilter>) => setFilter((f) => ({ ...f, ...changes })), []);
  const lastSharingBatch = useLiveQuery(() => lastSharing({ db }), [db]);
  const confirmUndoSharing = useConfirmUndoSharing();
  const selectable = can(actor.role, 'editPeople');
  const columns = selectable ? `32px ${COLUMNS}` : COLUMNS;

  // Sort once per data or sort change; a keystroke then only filters the sorted list, which keeps
  // its order (sorting 50,000 names on every keystroke was most of the time per key).
  const sorted = useMemo(() => (people ? sortPeople(people, sort, fmt.locale) : []), [people, sort, fmt.locale]);
  const rows = useMemo(() => sorted.filter(peopleMatcher({ ...filter, ids: programmeIds, outcomeIds })), [sorted, filter, programmeIds, outcomeIds]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back functions React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const highlightIndex = highlighted ? rows.findIndex((p) => p.id === highlighted) : -1;
  useEffect(() => {
    if (highlightIndex >= 0) virtualizer.scrollToIndex(highlightIndex, { align: 'center' });
  }, [highlightIndex, virtualizer]);

  if (people === undefined) return null;
  const total = people.length;
  const filtered = rows.length !== total;
  const shownSelected = rows.reduce((n, p) => n + (ticked.has(p.id) ? 1 : 0), 0);
  const toggle = (id: string) =>
    setTicked((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleShown = () =>
    setTicked((s) => {
      const next = new Set(s);
      if (shownSelected === rows.length) for (const p of rows) next.delete(p.id);
      else for (const p of rows) next.add(p.id);
      return next;
    });
  const openSharing = () =>
    setSharingFor(
      ticked.size
        ? { ids: people.filter((p) => ticked.has(p.id)).map((p) => p.id), scope: 'selected' }
        : { ids: rows.map((p) => p.id), scope: filtered ? 'filtered' : 'all' },
    );

  async function exportAs(format: 'csv' | 'xlsx') {
    const table = exportRows(
      rows.filter((p) => !p.anonymised),
      (c) => exportHeader(t, c),
      (c, p) => exportValue(t, c, p),
    );
    const stamp = today();
    // The one slug function: "учесници" in Serbian Cyrillic becomes "ucesnici", as every file name Mreža proposes.
    const suggestedName = `${fileSlug(t('participants:exportFileName'))}-${stamp}.${format}`;
    const count = await exportPeopleList(db, actor, table, format, suggestedName, t('participants:title'));
    if (count !== null) notifications.show({ color: 'teal', message: t('participants:exported', { count }) });
  }

  async function undo() {
    if (!lastImport) return;
    await confirmUndo(lastImport.id, (n) => notifications.show({ color: 'teal', message: t('participants:importUndone', { count: n }) }));
  }

  const sortHeader = (key: PeopleSortKey, label: string) => (
    <UnstyledButton
      onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}
      aria-label={t('participants:sortBy', { column: label })}
      data-testid={`sort-${key}`}
    >
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        {sort.key === key && (sort.desc ? <IconSortDescending size={14} /> : <IconSortAscending size={14} />)}
      </Group>
    </UnstyledButton>
  );

  const actions = (
    <>
      {lastImport && (
        <Tooltip label={t('participants:undoImportHint', { file: lastImport.fileName, count: lastImport.rowsAdded })}>
          <Button variant="subtle" leftSection={<IconArrowBackUp size={16} />} onClick={() => void undo()} data-testid="undo-import">
            {t('participants:undoImport')}
          </Button>
        </Tooltip>
      )}
      {lastSharingBatch && selectable && (
        <Tooltip label={t('participants:sharing.undoHint', { count: lastSharingBatch.rowsAdded })}>
          <Button variant="subtle" leftSection={<IconArrowBackUp size={16} />} onClick={() => confirmUndoSharing(lastSharingBatch)} data-testid="undo-sharing">
            {t('participants:sharing.undo')}
          </Button>
        </Tooltip>
      )}
      {selectable && total > 0 && (
        // Short on the button (the header has little room); whom it applies to in the tooltip and the badge.
        <Tooltip
          label={
            ticked.size
              ? t('participants:sharing.openSelected', { count: ticked.size })
              : filtered
                ? t('participants:sharing.openFiltered', { count: rows.length })
                : t('participants:sharing.title')
          }
        >
          <Button
            variant="default"
            leftSection={<IconShare size={16} />}
            rightSection={
              ticked.size || filtered ? (
                <Badge size="sm" variant="light">
                  {fmt.number(ticked.size || rows.length)}
                </Badge>
              ) : undefined
            }
            onClick={openSharing}
            disabled={!ticked.size && rows.length === 0}
            data-testid="sharing-open"
          >
            {t('participants:sharing.open')}
          </Button>
        </Tooltip>
      )}
      {/* Shown only to a role that may (shared/auth/permissions.ts); the data layer refuses the others anyway. */}
      {can(actor.role, 'exportList') && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              rightSection={<IconChevronDown size={14} />}
              disabled={rows.length === 0}
              data-testid="people-export"
            >
              {t('participants:export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportAs('xlsx')}>
              {t('participants:exportXlsx')}
            </Menu.Item>
            <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void exportAs('csv')}>
              {t('participants:exportCsv')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {can(actor.role, 'editPeople') && (
        <Button variant="default" leftSection={<IconDatabaseImport size={16} />} onClick={() => void navigate('/participants/import')}>
          {t('participants:import')}
        </Button>
      )}
      {can(actor.role, 'editPeople') && (
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('participants:add')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('participants:title')}
        description={total ? t('participants:count', { count: total }) : t('participants:description')}
        actions={actions}
      />
      {sharingFor && (
        <SharingBasisDialog
          personIds={sharingFor.ids}
          scope={sharingFor.scope}
          onClose={() => {
            setSharingFor(null);
            setTicked(new Set());
          }}
        />
      )}
      {creating && <PersonFormModal onClose={() => setCreating(false)} onSaved={(p) => void navigate(`/participants/${p.id}`)} />}
      {total === 0 ? (
        <EmptyState
          icon={<IconAddressBook size={32} />}
          title={t('participants:emptyTitle')}
          action={
            can(actor.role, 'editPeople') && (
              <Group>
                <Button variant="light" leftSection={<IconDatabaseImport size={16} />} onClick={() => void navigate('/participants/import')}>
                  {t('participants:import')}
                </Button>
                <Button variant="subtle" onClick={() => void navigate('/settings/data')}>
                  {t('common:tryDemo')}
                </Button>
              </Group>
            )
          }
        >
          {t('participants:emptyText')}
        </EmptyState>
      ) : (
        <>
          <Group mb="sm" gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              w={260}
              leftSection={<IconSearch size={16} />}
              placeholder={t('participants:searchPlaceholder')}
              aria-label={t('participants:search')}
              value={filter.query ?? ''}
              onChange={(e) => set({ query: e.currentTarget.value })}
              data-testid="people-search"
              rightSection={
                filter.query ? (
                  <ActionIcon variant="subtle" size="sm" onClick={() => set({ query: '' })} aria-label={t('participants:clearSearch')}>
                    <IconX size={14} />
                  </ActionIcon>
                ) : undefined
              }
            />
            <PeopleFilterSelects
              kind={filter.kind}
              gender={filter.gender}
              municipality={filter.municipality}
              targetGroup={filter.targetGroup}
              hasOutcome={filter.hasOutcome}
              programmeId={programmeId}
              towns={towns}
              programmes={programmes}
              onChange={set}
              onProgramme={setProgrammeId}
            />
          </Group>
          <Paper withBorder radius="md">
            <Box role="table" aria-label={t('participants:title')} aria-rowcount={rows.length}>
              <Box
                role="row"
                px="md"
                py="xs"
                style={{ display: 'grid', gridTemplateColumns: columns, gap: 12, borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                {selectable && (
                  <div role="columnheader">
                    <Checkbox
                      size="xs"
                      aria-label={t('participants:selectShown')}
                      checked={rows.length > 0 && shownSelected === rows.length}
                      indeterminate={shownSelected > 0 && shownSelected < rows.length}
                      onChange={toggleShown}
                      data-testid="select-shown"
                    />
                  </div>
                )}
                <div role="columnheader">{sortHeader('name', t('participants:name'))}</div>
                <div role="columnheader">{sortHeader('kind', t('participants:kind'))}</div>
                <div role="columnheader">{sortHeader('gender', t('participants:gender'))}</div>
                <div role="columnheader">{sortHeader('birthYear', t('participants:birthYear'))}</div>
                <div role="columnheader">{sortHeader('municipality', t('participants:municipality'))}</div>
                <div role="columnheader">
                  <Text size="sm" fw={600}>
                    {t('participants:institution')}
                  </Text>
                </div>
              </Box>
              <div
                ref={scrollRef}
                style={{ height: 'calc(100vh - 300px)', minHeight: 240, overflowY: 'auto' }}
                data-testid="people-scroll"
                // Focusable so keyboard users can scroll the list with the arrow keys.
                tabIndex={0}
                role="rowgroup"
                aria-label={t('participants:title')}
              >
                {rows.length === 0 ? (
                  <Text c="dimmed" ta="center" py="xl" data-testid="no-matches">
                    {t('participants:noMatches')}
                  </Text>
                ) : (
                  <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                    {virtualizer.getVirtualItems().map((item) => {
                      const p = rows[item.index] as Person;
                      const selected = p.id === highlighted;
                      return (
                        <div
                          key={p.id}
                          role="row"
                          aria-rowindex={item.index + 1}
                          data-testid="person-row"
                          data-selected={selected || undefined}
                          className={`${classes.row} ${selected ? classes.highlighted : item.index % 2 ? classes.odd : ''}`}
                          onClick={() => void navigate(`/participants/${p.id}`)}
                          style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: columns }}
                        >
                          {selectable && (
                            // A click on the box selects; the rest of the row opens the person.
                            <div role="cell" onClick={(e) => e.stopPropagation()}>
                              <input
                                type="checkbox"
                                className={classes.check}
                                aria-label={t('participants:selectPerson', { name: displayName(t, p) })}
                                checked={ticked.has(p.id)}
                                onChange={() => toggle(p.id)}
                                data-testid="select-person"
                              />
                            </div>
                          )}
                          <div role="cell" className={`${classes.truncate} ${classes.name} ${p.anonymised ? classes.dimmed : ''}`} data-testid="person-name">
                            {displayName(t, p)}
                          </div>
                          <div role="cell">
                            <span className={`${classes.badge} ${p.kind === 'beneficiary' ? classes.teal : classes.indigo}`}>
                              {t(`participants:kinds.${p.kind}`)}
                            </span>
                          </div>
                          <div role="cell">{t(`participants:genders.${p.gender}`)}</div>
                          <div role="cell">{p.birthYear ?? ''}</div>
                          <div role="cell" className={classes.truncate}>
                            {p.municipality && municipalityLabel(p.municipality, fmt.locale)}
                            {p.country ? ` (${p.country})` : ''}
                          </div>
                          <div role="cell" className={classes.truncate}>
                            {p.institution}
                          </div>
                        </div>
                      );
                    })}
                  </div>
                )}
              </div>
            </Box>
            {(filtered || ticked.size > 0) && (
              <Group p="sm" justify="space-between">
                <Text size="sm" c="dimmed" data-testid="shown-count">
                  {filtered && t('participants:shownOf', { shown: fmt.number(rows.length), total: fmt.number(total) })}
                </Text>
                {ticked.size > 0 && (
                  <Group gap="xs">
                    <Text size="sm" data-testid="selected-count">
                      {t('participants:selectedCount', { count: ticked.size })}
                    </Text>
                    <Button size="xs" variant="subtle" onClick={() => setTicked(new Set())}>
                      {t('participants:clearSelection')}
                    </Button>
                  </Group>
                )}
              </Group>
            )}
          </Paper>
        </>
      )}
    </>
  );
}
