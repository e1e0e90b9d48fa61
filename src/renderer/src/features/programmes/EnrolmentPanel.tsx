import { Badge, Button, Card, Checkbox, Group, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { genderContext } from '@shared/i18n';
import { TARGET_GROUPS, type Person } from '@shared/model';
import { CANDIDATE_KINDS, defaultCandidateFilter, waitingList, withdrawAndPromote, type CandidateFilter } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { enrolPeople, participants, withdrawEnrolment, type EventDetail } from '../../db/programmes';
import { enrolmentCandidates } from '../../db/search';

/** Enrol from the registry (search, tick, enrol) and manage the enrolled list and the waiting list. */
export function EnrolmentPanel({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation(['programmes', 'common', 'participants']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  const [picked, setPicked] = useState<string[]>([]);
  const active = new Set(detail.enrolments.filter((e) => e.status !== 'withdrawn').map((e) => e.personId));
  // A BADGE cycle starts with participants only: mentors and professionals are there on purpose.
  const [filter, setFilter] = useState<CandidateFilter>(() => defaultCandidateFilter(detail.programme.kind));
  const found = (useLiveQuery(() => enrolmentCandidates(db, actor, query, filter, 300, fmt.locale), [db, actor, query, filter, fmt.locale]) ?? []).filter(
    (p) => !active.has(p.id),
  );
  const enrolled = participants(detail, fmt.locale);
  const waiting = waitingList(detail.enrolments);
  const { capacity } = detail.event;

  const enrol = async () => {
    const r = await enrolPeople(db, actor, detail.event.id, picked);
    setPicked([]);
    notifications.show({ color: 'teal', message: t('programmes:enrol.result', { enrolled: r.enrolled, waiting: r.waiting }) });
  };
  const withdraw = async (enrolmentId: string, name: string, person: Person | undefined) => {
    const context = genderContext(person?.gender);
    const moved = await withdrawEnrolment(db, actor, enrolmentId);
    const up = moved.map((id) => detail.people.get(id)).filter(Boolean)[0];
    notifications.show({
      color: 'teal',
      message: up
        ? t('programmes:enrol.withdrawnMoved', { name, moved: `${up.firstName} ${up.lastName}`, context })
        : t('programmes:enrol.withdrawn', { name, context }),
    });
  };
  /** One click never takes a place away: the dialog names the person and says what follows, including who moves up. */
  const confirmWithdraw = (enrolmentId: string, person: Person | undefined, fromWaitingList: boolean) => {
    const name = person ? `${person.firstName} ${person.lastName}` : '—';
    const upId = withdrawAndPromote(detail.enrolments, enrolmentId, capacity).find((c) => c.status === 'enrolled')?.id;
    const up = detail.people.get(detail.enrolments.find((e) => e.id === upId)?.personId ?? '');
    modals.openConfirmModal({
      title: fromWaitingList
        ? t('programmes:enrol.confirmRemoveTitle', { name })
        : t('programmes:enrol.confirmWithdrawTitle', { name, event: detail.event.title }),
      children: (
        <Stack gap="xs" data-testid="withdraw-confirm">
          <Text size="sm">{fromWaitingList ? t('programmes:enrol.confirmRemoveText', { name }) : t('programmes:enrol.confirmWithdrawText', { name })}</Text>
          {up && <Text size="sm">{t('programmes:enrol.confirmMovesUp', { moved: `${up.firstName} ${up.lastName}` })}</Text>}
        </Stack>
      ),
      labels: { confirm: fromWaitingList ? t('programmes:enrol.remove') : t('programmes:enrol.withdraw'), cancel: t('common:cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void withdraw(enrolmentId, name, person).catch(() => notifications.show({ color: 'red', message: t('common:errors.unexpected') })),
    });
  };
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const allShown = found.length > 0 && found.every((p) => picked.includes(p.id));

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('programmes:enrol.fromRegistry')}
        </Title>
        <Group mb="xs" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            leftSection={<IconSearch size={16} />}
            label={t('programmes:enrol.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Button leftSection={<IconUserPlus size={16} />} disabled={picked.length === 0} onClick={() => void enrol()} data-testid="enrol-button">
            {t('programmes:enrol.enrolPicked', { count: picked.length })}
          </Button>
        </Group>
        <Group mb="xs" align="flex-end" gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t('programmes:enrol.kind')}
            data-testid="candidate-kind"
            data={[
              { value: 'all', label: t('programmes:enrol.kinds.all') },
              ...CANDIDATE_KINDS.map((k) => ({ value: k, label: t(`programmes:enrol.kinds.${k}`) })),
            ]}
            value={filter.kind ?? 'all'}
            onChange={(v) => setFilter((f) => ({ ...f, kind: v === 'all' ? undefined : (v as CandidateFilter['kind']) }))}
          />
          <Select
            size="xs"
            style={{ flex: 1, minWidth: 180 }}
            aria-label={t('programmes:enrol.targetGroup')}
            placeholder={t('programmes:enrol.anyTargetGroup')}
            clearable
            data-testid="candidate-target-group"
            data={TARGET_GROUPS.map((g) => ({ value: g, label: t(`participants:targetGroups.${g}`) }))}
            value={filter.targetGroup ?? null}
            onChange={(v) => setFilter((f) => ({ ...f, targetGroup: (v ?? undefined) as CandidateFilter['targetGroup'] }))}
          />
        </Group>
        <ScrollArea h={420}>
          <Table stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('programmes:enrol.pickAll')}
                    checked={allShown}
                    indeterminate={!allShown && found.some((p) => picked.includes(p.id))}
                    onChange={() =>
                      setPicked(allShown ? picked.filter((id) => !found.some((p) => p.id === id)) : [...new Set([...picked, ...found.map((p) => p.id)])])
                    }
                  />
                </Table.Th>
                <Table.Th>{t('programmes:enrol.name')}</Table.Th>
                <Table.Th>{t('programmes:enrol.place')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.map((p) => (
                <Table.Tr key={p.id} data-testid="candidate-row">
                  <Table.Td>
                    <Checkbox aria-label={`${p.firstName} ${p.lastName}`} checked={picked.includes(p.id)} onChange={() => toggle(p.id)} />
                  </Table.Td>
                  <Table.Td>
                    {p.lastName}, {p.firstName}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {[p.institution, p.municipality, p.country && t(`common:countries.${p.country}`)].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {found.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {filter.kind || filter.targetGroup ? t('programmes:enrol.nobodyFiltered') : t('programmes:enrol.nobody')}
            </Text>
          )}
        </ScrollArea>
      </Card>
      <Stack>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t('programmes:enrol.enrolled')}</Title>
            <Badge size="lg" variant="light" data-testid="places">
              {capacity ? t('programmes:placesOf', { enrolled: enrolled.length, count: capacity }) : fmt.number(enrolled.length)}
            </Badge>
          </Group>
          <ScrollArea.Autosize mah={300}>
            <Table>
              <Table.Tbody>
                {enrolled.map(({ enrolment, person }, i) => (
                  <Table.Tr key={enrolment.id} data-testid="enrolled-row">
                    <Table.Td w={36} c="dimmed">
                      {i + 1}.
                    </Table.Td>
                    <Table.Td>
                      {person.lastName}, {person.firstName}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconUserMinus size={14} />}
                        onClick={() => confirmWithdraw(enrolment.id, person, false)}
                      >
                        {t('programmes:enrol.withdraw')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t('programmes:enrol.waitingList')}</Title>
            <Badge size="lg" variant="light" color="orange" data-testid="waiting-count">
              {fmt.number(waiting.length)}
            </Badge>
          </Group>
          {waiting.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes:enrol.noWaiting')}
            </Text>
          ) : (
            <Table>
              <Table.Tbody>
                {waiting.map((e, i) => {
                  const p = detail.people.get(e.personId);
                  const name = p ? `${p.lastName}, ${p.firstName}` : '—';
                  return (
                    <Table.Tr key={e.id} data-testid="waiting-row">
                      <Table.Td w={36} c="dimmed">
                        {i + 1}.
                      </Table.Td>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => confirmWithdraw(e.id, p, true)}>
                          {t('programmes:enrol.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
    </SimpleGrid>
  );
}
