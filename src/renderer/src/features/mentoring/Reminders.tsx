import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlarm, IconCalendarOff, IconHeartHandshake } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { markFollowUpDone, mentoringReminders } from '../../db/mentoring';

/** Mentoring reminders for the home screen (a mentor sees only her own mentees'). */
export function MentoringReminders() {
  const { t } = useTranslation('mentoring');
  const { db, actor, user } = useApp();
  const fmt = useFormat();
  const mentorId = user.role === 'mentor' ? (user.mentorId ?? '00000000-0000-0000-0000-000000000000') : undefined;
  const rows = useLiveQuery(() => mentoringReminders(db, actor, { mentorId }), [db, actor, mentorId]);
  if (!rows) return null;
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="sm">
        {t('reminders.title')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('reminders.none')}</Text>
      ) : (
        <Stack gap="xs">
          {rows.map(({ reminder: r, mentorName, menteeName }) => (
            <Group key={`${r.kind}-${r.matchId}-${r.kind === 'followUp' ? r.sessionId : ''}`} justify="space-between" wrap="nowrap" data-testid="reminder">
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" color={r.kind === 'followUp' ? 'orange' : r.kind === 'stale' ? 'red' : 'blue'}>
                  {r.kind === 'followUp' ? <IconAlarm size={16} /> : r.kind === 'stale' ? <IconCalendarOff size={16} /> : <IconHeartHandshake size={16} />}
                </ThemeIcon>
                <Text size="sm">
                  {r.kind === 'followUp'
                    ? t('reminders.followUp', { mentee: menteeName, mentor: mentorName, date: fmt.date(r.due) })
                    : r.kind === 'stale'
                      ? t('reminders.stale', { mentee: menteeName, mentor: mentorName, count: r.weeks })
                      : t('reminders.check', { mentee: menteeName, mentor: mentorName })}
                </Text>
              </Group>
              {r.kind === 'followUp' && (
                <Button size="xs" variant="subtle" onClick={() => void markFollowUpDone(db, actor, r.sessionId)}>
                  {t('reminders.done')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
