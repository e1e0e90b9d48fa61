import { Anchor, Badge, Breadcrumbs, Button, Card, Group, MultiSelect, Stack, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown, IconEdit, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApp } from '../../session/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { loadProgrammeDetail, saveProgramme } from '../../db/programmes';
import { EventForm } from './EventForm';
import { calendarSessions, saveIcs } from './files';
import { OverviewPanel } from './OverviewPanel';
import { ProgrammeEvaluations } from './ProgrammeEvaluations';
import { ProgrammeForm } from './ProgrammeForm';

export function ProgrammePage() {
  const { programmeId = '' } = useParams();
  const { t } = useTranslation(['programmes', 'common', 'nav']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [editing, editState] = useDisclosure();
  const [adding, addState] = useDisclosure();
  const detail = useLiveQuery(() => loadProgrammeDetail(db, programmeId), [db, programmeId]);
  if (detail === undefined) return null;
  if (detail === null)
    return (
      <EmptyState icon={null} title={t('programmes:notFound')}>
        {''}
      </EmptyState>
    );
  const { programme, events } = detail;
  const allSessions = events.flatMap((e) =>
    e.sessions.map((s) => ({ value: s.id, label: `${e.event.number !== undefined ? `${e.event.number}. ` : ''}${e.event.title} · ${fmt.date(s.date)}` })),
  );
  const rule = programme.completionRule;

  const exportIcs = async () => {
    const items = calendarSessions(programme, events);
    if (items.length === 0) return notifications.show({ color: 'yellow', message: t('programmes:noSessions') });
    const saved = await saveIcs(programme.title, items);
    if (saved) notifications.show({ color: 'teal', message: t('programmes:icsSaved', { file: saved.fileName }) });
  };

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor href="#/programmes" onClick={(e) => (e.preventDefault(), void navigate('/programmes'))}>
          {t('programmes:title')}
        </Anchor>
        <Text>{programme.title}</Text>
      </Breadcrumbs>
      <PageHeader
        title={programme.title}
        description={[t(`programmes:kinds.${programme.kind}`), programme.funder, programme.projectCode].filter(Boolean).join(' · ')}
        actions={
          <>
            <Button variant="default" leftSection={<IconCalendarDown size={16} />} onClick={() => void exportIcs()}>
              {t('programmes:exportIcs')} (.ics)
            </Button>
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={editState.open}>
              {t('programmes:edit')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={addState.open}>
              {t('programmes:event.new')}
            </Button>
          </>
        }
      />
      <ProgrammeForm key={programme.updatedAt} opened={editing} onClose={editState.close} programme={programme} />
      <EventForm opened={adding} onClose={addState.close} programme={programme} onSaved={(e) => void navigate(`/programmes/${programme.id}/events/${e.id}`)} />
      <Group gap="xl" mb="md">
        {programme.startDate && (
          <Text size="sm">
            {fmt.date(programme.startDate)} – {programme.endDate ? fmt.date(programme.endDate) : '…'}
          </Text>
        )}
        <Text size="sm">
          {rule.type === 'minShare'
            ? t('programmes:ruleMinShare', { percent: Math.round(rule.minShare * 100) })
            : t('programmes:ruleCompulsory', { count: rule.sessionIds.length })}
        </Text>
        {(programme.partners ?? []).map((p) => (
          <Badge key={p.name} variant="outline" color="gray">
            {p.name} · {t(`common:countries.${p.country}`)}
          </Badge>
        ))}
      </Group>
      {rule.type === 'compulsory' && (
        <MultiSelect
          mb="md"
          label={t('programmes:compulsorySessions')}
          data={allSessions}
          value={rule.sessionIds}
          onChange={(ids) => void saveProgramme(db, actor, { ...programme, completionRule: { type: 'compulsory', sessionIds: ids } }, programme.id)}
        />
      )}
      <Tabs defaultValue="events" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="events">{t('programmes:tabs.events')}</Tabs.Tab>
          <Tabs.Tab value="overview">{t('programmes:tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="evaluation">{t('programmes:tabs.evaluation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="events">
          {events.length === 0 ? (
            <EmptyState
              icon={<IconPlus size={32} />}
              title={t('programmes:noEventsTitle')}
              action={<Button onClick={addState.open}>{t('programmes:event.new')}</Button>}
            >
              {t('programmes:noEventsText')}
            </EmptyState>
          ) : (
            <Card withBorder padding={0}>
              <Table highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={50}>#</Table.Th>
                    <Table.Th>{t('programmes:event.title')}</Table.Th>
                    <Table.Th>{t('programmes:event.sessions')}</Table.Th>
                    <Table.Th>{t('programmes:event.places')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map(({ event, sessions, enrolled, waiting }) => (
                    <Table.Tr
                      key={event.id}
                      data-testid="event-row"
                      style={{ cursor: 'pointer' }}
                      onClick={() => void navigate(`/programmes/${programme.id}/events/${event.id}`)}
                    >
                      <Table.Td>{event.number ?? ''}</Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          <Anchor href={`#/programmes/${programme.id}/events/${event.id}`} onClick={(e) => e.preventDefault()} fw={500}>
                            {event.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {[t(`programmes:eventKinds.${event.kind}`), event.trainers.join(', ')].filter(Boolean).join(' · ')}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {sessions.length === 0
                            ? '—'
                            : [...new Set(sessions.map((s) => `${fmt.date(s.date)} ${s.town}`))].slice(0, 4).join(', ') + (sessions.length > 4 ? ' …' : '')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {event.capacity ? t('programmes:placesOf', { enrolled, count: event.capacity }) : fmt.number(enrolled)}
                          {waiting > 0 && ` · ${t('programmes:waitingCount', { count: waiting })}`}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="overview">
          <OverviewPanel programme={programme} eventIds={events.map((e) => e.event.id)} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation">
          <ProgrammeEvaluations programmeId={programme.id} eventIds={events.map((e) => e.event.id)} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
