import { ActionIcon, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_ANSWERS, GOAL_STATUSES, type Match } from '@shared/model';
import { TRANSITIONS } from '@shared/mentoring';
import { canAll } from '@shared/auth/permissions';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { useFormat } from '../../components/useFormat';
import { useOutcomeDetails } from '../../components/useOutcomeDetails';
import { matchRows, setMatchStatus, updateMatch, type MatchRow } from '../../db/mentoring';
import { CloseForm } from './CloseForm';
import { SessionForm } from './SessionForm';

const STATUS_COLOR = { proposed: 'yellow', active: 'teal', paused: 'gray', closed: 'dark' } as const;

export function MatchesTab({ mentorId }: { mentorId?: string }) {
  const { t } = useTranslation('mentoring');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = useLiveQuery(() => matchRows(db, actor, { mentorId }, fmt.locale), [db, actor, mentorId, fmt.locale]);
  const [sessionFor, setSessionFor] = useState<{ id: string; planned: boolean } | null>(null);
  const [closing, setClosing] = useState<MatchRow | null>(null);
  const [details, setDetails] = useState<string | null>(null);
  if (!rows) return null;
  const canManage = canAll(actor.role, 'editRecords');
  const move = (id: string, to: Match['status']) => void setMatchStatus(db, actor, id, to);
  const detail = rows.find((r) => r.match.id === details);
  return (
    <>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('noMatches')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mentee')}</Table.Th>
                <Table.Th>{t('mentor')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('tabs.sessions')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const next = TRANSITIONS[r.match.status];
                return (
                  <Table.Tr key={r.match.id} data-testid="match-row">
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" onClick={() => setDetails(r.match.id)}>
                        {r.menteeName}
                      </Button>
                    </Table.Td>
                    <Table.Td>{r.mentorName}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[r.match.status]} variant="light">
                        {t(`statuses.${r.match.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {t('sessionsCount', { count: r.sessions })}
                      {r.lastSession && (
                        <Text size="xs" c="dimmed">
                          {fmt.date(r.lastSession)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        {r.match.status === 'active' && (
                          <>
                            <Button size="xs" onClick={() => setSessionFor({ id: r.match.id, planned: false })}>
                              {t('logSession')}
                            </Button>
                            <Button size="xs" variant="light" onClick={() => setSessionFor({ id: r.match.id, planned: true })}>
                              {t('planSession')}
                            </Button>
                          </>
                        )}
                        {canManage && next.includes('active') && (
                          <Button size="xs" variant="light" onClick={() => move(r.match.id, 'active')}>
                            {r.match.status === 'paused' ? t('resume') : t('start')}
                          </Button>
                        )}
                        {canManage && next.includes('paused') && (
                          <Button size="xs" variant="default" onClick={() => move(r.match.id, 'paused')}>
                            {t('pause')}
                          </Button>
                        )}
                        {canManage && next.includes('closed') && (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            onClick={() => (r.match.status === 'proposed' ? move(r.match.id, 'closed') : setClosing(r))}
                          >
                            {t('close')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={!!sessionFor} onClose={() => setSessionFor(null)} title={sessionFor?.planned ? t('planSession') : t('logSession')} size="lg">
        {sessionFor && <SessionForm matchId={sessionFor.id} planned={sessionFor.planned} onDone={() => setSessionFor(null)} />}
      </Modal>
      <Modal
        opened={!!closing}
        onClose={() => setClosing(null)}
        title={closing ? `${t('closeMatch')}: ${closing.menteeName} · ${closing.mentorName}` : ''}
        size="lg"
      >
        {closing && (
          <CloseForm
            onDone={() => setClosing(null)}
            onSubmit={async (closure) => {
              await setMatchStatus(db, actor, closing.match.id, 'closed', closure);
              notifications.show({ color: 'teal', message: t('closedMatch') });
              setClosing(null);
            }}
          />
        )}
      </Modal>
      <Modal opened={!!detail} onClose={() => setDetails(null)} title={detail ? `${detail.menteeName} · ${detail.mentorName}` : ''} size="lg">
        {detail && <MatchDetail match={detail.match} />}
      </Modal>
    </>
  );
}

function MatchDetail({ match }: { match: Match }) {
  const today = useToday();
  const { t } = useTranslation('mentoring');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const [goal, setGoal] = useState('');
  const goals = match.goals ?? [];
  const checks = match.checks ?? [];
  const outcomeDetails = useOutcomeDetails();
  const addGoal = () => {
    if (!goal.trim()) return;
    void updateMatch(db, actor, match.id, { goals: [...goals, { id: crypto.randomUUID(), text: goal.trim(), status: 'open' }] });
    setGoal('');
  };
  return (
    <Stack>
      <Title order={5}>{t('goals')}</Title>
      {goals.map((g) => (
        <Group key={g.id} justify="space-between">
          <Text>{g.text}</Text>
          <Select
            size="xs"
            w={160}
            aria-label={g.text}
            data={GOAL_STATUSES.map((s) => ({ value: s, label: t(`goalStatuses.${s}`) }))}
            value={g.status}
            allowDeselect={false}
            onChange={(v) =>
              v && void updateMatch(db, actor, match.id, { goals: goals.map((x) => (x.id === g.id ? { ...x, status: v as typeof g.status } : x)) })
            }
          />
        </Group>
      ))}
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('addGoal')}
          value={goal}
          onChange={(e) => setGoal(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && addGoal()}
        />
        <ActionIcon size="lg" variant="light" aria-label={t('addGoal')} onClick={addGoal}>
          <IconPlus size={16} />
        </ActionIcon>
      </Group>
      <Title order={5}>{t('check')}</Title>
      {checks.map((c, i) => (
        <Text key={i} size="sm">
          {fmt.date(c.date)}: {t(`checkAnswers.${c.working}`)}
        </Text>
      ))}
      {match.status === 'active' && (
        <SegmentedControl
          aria-label={t('check')}
          data={CHECK_ANSWERS.map((a) => ({ value: a, label: t(`checkAnswers.${a}`) }))}
          value=""
          onChange={(v) => void updateMatch(db, actor, match.id, { checks: [...checks, { date: today(), working: v as 'yes' }] })}
        />
      )}
      {match.closure && (
        <Text size="sm" data-testid="closure">
          {[
            t(`closeReasons.${match.closure.reason}`),
            match.closure.outcome ? t(`outcomes.${match.closure.outcome}`) : t('outcomePlaceholder'),
            outcomeDetails(match.closure),
            match.closure.rating ? '★'.repeat(match.closure.rating) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
