import { sortByLabel } from '@shared/i18n/collation';
import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DateField } from '../../components/DateField';
import { IconCalendarDown, IconPencil } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICES, type MentoringSession } from '@shared/model';
import { mentorStats, plannedSessionsIcs } from '@shared/mentoring';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { useFormat } from '../../components/useFormat';
import { deleteSession, matchRows, mentorRows, sessionRows } from '../../db/mentoring';
import { platform } from '../../platform';
import { SessionForm } from './SessionForm';

/** Session logs with per-mentor statistics; each log can be corrected (and, with `allowDelete`, removed). */
export function SessionsTab({ mentorId: own, allowDelete = false }: { mentorId?: string; allowDelete?: boolean }) {
  const { t } = useTranslation('mentoring');
  const { db, org, actor } = useApp();
  const today = useToday();
  const [editing, setEditing] = useState<MentoringSession | null>(null);
  const fmt = useFormat();
  const [mentorId, setMentorId] = useState<string | null>(own ?? null);
  const [menteeId, setMenteeId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const mentors = useLiveQuery(() => mentorRows(db, actor, own, fmt.locale), [db, actor, own, fmt.locale]) ?? [];
  const rows = useLiveQuery(
    () => sessionRows(db, actor, { mentorId: own ?? mentorId ?? undefined, menteeId: menteeId ?? undefined, from: from || undefined, to: to || undefined }),
    [db, own, mentorId, menteeId, from, to],
  );
  // Everyone this view's mentor(s) mentor, for the per-mentee list.
  const mentees =
    useLiveQuery(async () => {
      const byId = new Map((await matchRows(db, actor, { mentorId: own ?? mentorId ?? undefined })).map((r) => [r.match.menteeId, r.menteeName]));
      return sortByLabel(
        [...byId].map(([value, label]) => ({ value, label })),
        fmt.locale,
      );
    }, [db, own, mentorId, fmt.locale]) ?? [];
  if (!rows) return null;
  const stats = mentorStats(
    rows.map((r) => r.match),
    rows.map((r) => r.session),
    undefined,
    undefined,
    today(),
  );
  const names = new Map(mentors.map((m) => [m.mentor.id, m.name]));
  const planned = rows.filter((r) => r.session.status === 'planned');
  const exportIcs = async () => {
    const ics = plannedSessionsIcs(
      planned.map((r) => ({ session: r.session, title: `${t('title')}: ${r.menteeName} · ${r.mentorName}`, country: org.country })),
    );
    await platform.invoke('file:save', {
      suggestedName: 'mreza-mentoring.ics',
      filters: [{ name: 'iCalendar', extensions: ['ics'] }],
      data: new TextEncoder().encode(ics),
    });
  };
  return (
    <Stack>
      <Group align="flex-end">
        {!own && (
          <Select
            label={t('filters.mentor')}
            placeholder={t('filters.all')}
            clearable
            data={mentors.map((m) => ({ value: m.mentor.id, label: m.name }))}
            value={mentorId}
            onChange={setMentorId}
          />
        )}
        <Select
          label={t('filters.mentee')}
          placeholder={t('filters.all')}
          clearable
          searchable
          data={mentees}
          value={menteeId}
          onChange={setMenteeId}
          data-testid="sessions-mentee"
        />
        <DateField label={t('filters.from')} value={from} onChange={setFrom} />
        <DateField label={t('filters.to')} value={to} onChange={setTo} />
        <Button variant="light" leftSection={<IconCalendarDown size={16} />} disabled={planned.length === 0} onClick={() => void exportIcs()}>
          {t('exportIcs')}
        </Button>
      </Group>
      <Title order={4}>{t('stats')}</Title>
      <Paper withBorder radius="md">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mentor')}</Table.Th>
              <Table.Th>{t('tabs.sessions')}</Table.Th>
              <Table.Th>{t('hours')}</Table.Th>
              {SERVICES.map((s) => (
                <Table.Th key={s}>{t(`serviceNames.${s}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...stats.values()].map((s) => (
              <Table.Tr key={s.mentorId} data-testid="stats-row">
                <Table.Td>{names.get(s.mentorId)}</Table.Td>
                <Table.Td>{s.sessions}</Table.Td>
                <Table.Td>{fmt.number(Math.round((s.minutes / 60) * 10) / 10)}</Table.Td>
                {SERVICES.map((x) => (
                  <Table.Td key={x}>{s.services[x]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('noSessions')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('date')}</Table.Th>
                <Table.Th>{t('mentee')}</Table.Th>
                {!own && <Table.Th>{t('mentor')}</Table.Th>}
                <Table.Th>{t('minutes')}</Table.Th>
                <Table.Th>{t('services')}</Table.Th>
                <Table.Th>{t('topics')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ session: s, menteeName, mentorName }) => (
                <Table.Tr key={s.id} data-testid="session-row">
                  <Table.Td>
                    {fmt.date(s.date)} {s.time}
                    {s.status === 'planned' && (
                      <Badge ml={6} size="xs" variant="light" color="violet">
                        {t('planned')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{menteeName}</Table.Td>
                  {/* One mentor's own list (mentor mode) needs no mentor column. */}
                  {!own && <Table.Td>{mentorName}</Table.Td>}
                  <Table.Td>
                    {s.minutes} · {t(`modes.${s.mode}`)}
                  </Table.Td>
                  <Table.Td>{s.services.map((x) => t(`serviceNames.${x}`)).join(', ')}</Table.Td>
                  <Table.Td>{s.topics}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('editSessionOf', { name: menteeName, date: fmt.date(s.date) })}
                      onClick={() => setEditing(s)}
                      data-testid="edit-session"
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={t('editSession')} size="lg">
        {editing && (
          <SessionForm
            matchId={editing.matchId}
            session={editing}
            onDone={() => setEditing(null)}
            {...(allowDelete
              ? {
                  onDelete: () =>
                    void deleteSession(db, actor, editing.id).then(() => {
                      notifications.show({ color: 'teal', message: t('sessionDeleted') });
                      setEditing(null);
                    }),
                }
              : {})}
          />
        )}
      </Modal>
    </Stack>
  );
}
