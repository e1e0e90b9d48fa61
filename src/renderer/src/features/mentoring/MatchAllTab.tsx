import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPin, IconPinFilled } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '@shared/matching';
import type { Objective } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { acceptPairs, getMentoringSettings, menteeRows, mentorRows, toMenteeInput, toMentorInput } from '../../db/mentoring';
import { runMatching } from '../../workers/runMatching';
import { useReasonText } from './useReasons';

const key = (p: { menteeId: string; mentorId: string }) => `${p.menteeId}:${p.mentorId}`;

export function MatchAllTab() {
  const { t } = useTranslation('mentoring');
  const { db, actor } = useApp();
  const { reason } = useReasonText();
  const settings = useLiveQuery(() => getMentoringSettings(db), [db]);
  const [objective, setObjective] = useState<Objective | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pinned, setPinned] = useState<Set<string>>(new Set());
  if (!settings) return null;
  const aim = objective ?? settings.objective;

  const run = async () => {
    setProgress(0);
    const [mentors, mentees] = await Promise.all([mentorRows(db, actor), menteeRows(db, actor)]);
    const open = mentees.filter((m) => !m.current);
    setNames(new Map([...mentors.map((m) => [m.mentor.id, m.name] as const), ...mentees.map((m) => [m.profile.personId, m.name] as const)]));
    const fixed = (proposal?.pairs ?? []).filter((p) => pinned.has(key(p))).map(({ menteeId, mentorId }) => ({ menteeId, mentorId }));
    const result = await runMatching(
      { mentees: open.map(toMenteeInput), mentors: mentors.map(toMentorInput), weights: settings.weights, objective: aim, fixed },
      setProgress,
    );
    setProposal(result);
    setSelected(new Set(result.pairs.map(key)));
    setProgress(null);
  };

  const accept = async () => {
    if (!proposal) return;
    const done = await acceptPairs(
      db,
      actor,
      proposal.pairs.filter((p) => selected.has(key(p))),
    );
    notifications.show({ color: 'teal', message: t('accepted', { count: done.length }) });
    setProposal(null);
    setPinned(new Set());
  };

  return (
    <Stack>
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('objective')}
          </Text>
          <SegmentedControl
            aria-label={t('objective')}
            data={(['score', 'count'] as const).map((o) => ({ value: o, label: t(`objectives.${o}`) }))}
            value={aim}
            onChange={(v) => setObjective(v as Objective)}
          />
        </Stack>
        <Button onClick={() => void run()} loading={progress !== null}>
          {t('runMatchAll')}
        </Button>
      </Group>
      {progress !== null && (
        <Stack gap={4}>
          <Text size="sm">{t('running', { percent: Math.round(progress * 100) })}</Text>
          <Progress value={progress * 100} aria-label={t('runMatchAll')} />
        </Stack>
      )}
      {proposal && (
        <>
          <Alert color="teal" variant="light">
            {t('proposalSummary', { count: proposal.pairs.length, total: proposal.totalScore })}
            {proposal.unmatched.length > 0 &&
              ` · ${t('leftOver', { count: proposal.unmatched.length })}: ${proposal.unmatched.map((id) => names.get(id)).join(', ')}`}
          </Alert>
          <Paper withBorder radius="md">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('mentee')}</Table.Th>
                  <Table.Th>{t('mentor')}</Table.Th>
                  <Table.Th>{t('score')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.pairs.map((p) => {
                  const k = key(p);
                  const isPinned = pinned.has(k);
                  return (
                    <Table.Tr key={k} data-testid="proposal-row">
                      <Table.Td>
                        <Checkbox
                          aria-label={`${names.get(p.menteeId)} – ${names.get(p.mentorId)}`}
                          checked={selected.has(k)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.currentTarget.checked) next.add(k);
                            else next.delete(k);
                            setSelected(next);
                          }}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text fw={500}>{names.get(p.menteeId)}</Text>
                        <Text size="xs" c="dimmed">
                          {p.reasons.map(reason).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{names.get(p.mentorId)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{p.score}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant={isPinned ? 'filled' : 'subtle'}
                          leftSection={isPinned ? <IconPinFilled size={14} /> : <IconPin size={14} />}
                          onClick={() => {
                            const next = new Set(pinned);
                            if (isPinned) next.delete(k);
                            else next.add(k);
                            setPinned(next);
                          }}
                        >
                          {isPinned ? t('fixed') : t('fix')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          <Group>
            <Button onClick={() => void accept()} disabled={selected.size === 0}>
              {t('acceptSelected')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
