import { Button, Group, Menu, Modal, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarm, IconCalendarOff, IconChevronDown, IconClockPause, IconHeartHandshake } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_ANSWERS } from '@shared/model';
import { reminderKey, type Reminder, type ReminderAction } from '@shared/mentoring';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { SnoozeUntilForm } from '../../components/SnoozeUntilForm';
import { mentoringReminders, type ReminderRow } from '../../db/mentoring';
import { ForbiddenError } from '../../db/permissions';
import { SnoozeDateError, checkInOnPair, closePair, followUpDone, maySnooze, reminderActionsFor, sessionSavedFromReminder, snooze } from './actions/reminders';
import { CloseForm } from './CloseForm';
import { SessionForm } from './SessionForm';

type Open = { row: ReminderRow; what: 'logSession' | 'planSession' | 'checkIn' | 'closePair' | 'snoozeUntil' };

/**
 * Mentoring reminders for the home screen (a mentor sees only her own mentees'). Each offers its
 * action in place (log or plan a session, check in on the pair, close it, mark a follow-up done),
 * can be snoozed, and goes away when what it asks is done.
 */
export function MentoringReminders() {
  const { t } = useTranslation(['mentoring', 'common']);
  const { db, actor, user } = useApp();
  const fmt = useFormat();
  const mentorId = user.role === 'mentor' ? (user.mentorId ?? '00000000-0000-0000-0000-000000000000') : undefined;
  const rows = useLiveQuery(() => mentoringReminders(db, actor, { mentorId }), [db, actor, mentorId]);
  const [open, setOpen] = useState<Open | null>(null);
  if (!rows) return null;
  const refused = (e: unknown) =>
    notifications.show({ color: 'red', message: e instanceof ForbiddenError ? t('common:errors.forbidden') : t('common:errors.unexpected') });
  const run = (p: Promise<unknown>, message?: string) => void p.then(() => message && notifications.show({ color: 'teal', message }), refused);
  const text = ({ reminder: r, mentorName, menteeName }: ReminderRow) =>
    r.kind === 'followUp'
      ? t('reminders.followUp', { mentee: menteeName, mentor: mentorName, date: fmt.date(r.due) })
      : r.kind === 'stale'
        ? t('reminders.stale', { mentee: menteeName, mentor: mentorName, count: r.weeks })
        : t('reminders.check', { mentee: menteeName, mentor: mentorName });
  const act = (row: ReminderRow, action: ReminderAction) => {
    const r = row.reminder;
    if (action === 'markDone' && r.kind === 'followUp') run(followUpDone(db, actor, r));
    else setOpen({ row, what: action as Open['what'] });
  };
  const snoozeWeek = (r: Reminder) =>
    void snooze(db, actor, r, 'week').then((day) => notifications.show({ color: 'teal', message: t('reminders.snoozed', { date: fmt.date(day) }) }), refused);
  const close = () => setOpen(null);
  const names = open ? `${open.row.menteeName} · ${open.row.mentorName}` : '';
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="sm">
        {t('reminders.title')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('reminders.none')}</Text>
      ) : (
        <Stack gap="xs">
          {rows.map((row) => {
            const r = row.reminder;
            const actions = reminderActionsFor(actor.role, r);
            return (
              <Group key={reminderKey(r)} justify="space-between" wrap="nowrap" data-testid="reminder" data-kind={r.kind}>
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon variant="light" color={r.kind === 'followUp' ? 'orange' : r.kind === 'stale' ? 'red' : 'blue'}>
                    {r.kind === 'followUp' ? <IconAlarm size={16} /> : r.kind === 'stale' ? <IconCalendarOff size={16} /> : <IconHeartHandshake size={16} />}
                  </ThemeIcon>
                  <Text size="sm">{text(row)}</Text>
                </Group>
                <Group gap={6} wrap="nowrap">
                  {actions.map((a, i) => (
                    <Button key={a} size="compact-sm" variant={i === 0 ? 'light' : 'subtle'} onClick={() => act(row, a)}>
                      {t(`reminders.actions.${a}`)}
                    </Button>
                  ))}
                  {maySnooze(actor.role) && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="gray"
                          leftSection={<IconClockPause size={14} />}
                          rightSection={<IconChevronDown size={12} />}
                        >
                          {t('reminders.snooze')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => snoozeWeek(r)}>{t('reminders.snoozeWeek')}</Menu.Item>
                        <Menu.Item onClick={() => setOpen({ row, what: 'snoozeUntil' })}>{t('reminders.snoozeUntil')}</Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Group>
              </Group>
            );
          })}
        </Stack>
      )}
      <Modal
        opened={open?.what === 'logSession' || open?.what === 'planSession'}
        onClose={close}
        title={open ? `${t(open.what === 'planSession' ? 'planSession' : 'logSession')}: ${names}` : ''}
        size="lg"
      >
        {open && (open.what === 'logSession' || open.what === 'planSession') && (
          <SessionForm
            matchId={open.row.reminder.matchId}
            planned={open.what === 'planSession'}
            onSaved={(s) => sessionSavedFromReminder(db, actor, open.row.reminder, s)}
            onDone={close}
          />
        )}
      </Modal>
      <Modal opened={open?.what === 'checkIn'} onClose={close} title={open ? t('reminders.checkInTitle', { names }) : ''}>
        {open?.what === 'checkIn' && (
          <Stack>
            <Text size="sm">{t('check')}</Text>
            <Group>
              {CHECK_ANSWERS.map((a) => (
                <Button
                  key={a}
                  variant="light"
                  color={a === 'yes' ? 'teal' : a === 'no' ? 'red' : 'yellow'}
                  onClick={() => {
                    run(checkInOnPair(db, actor, open.row.reminder, a), t('reminders.checkInSaved'));
                    close();
                  }}
                >
                  {t(`checkAnswers.${a}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={open?.what === 'closePair'} onClose={close} title={open ? `${t('closeMatch')}: ${names}` : ''} size="lg">
        {open?.what === 'closePair' && (
          <CloseForm
            onDone={close}
            onSubmit={async (closure) => {
              await closePair(db, actor, open.row.reminder, closure);
              notifications.show({ color: 'teal', message: t('closedMatch') });
              close();
            }}
          />
        )}
      </Modal>
      <Modal opened={open?.what === 'snoozeUntil'} onClose={close} title={t('reminders.snoozeTitle')}>
        {open?.what === 'snoozeUntil' && (
          <SnoozeUntilForm
            text={text(open.row)}
            onSnooze={async (until) => {
              const day = await snooze(db, actor, open.row.reminder, until);
              notifications.show({ color: 'teal', message: t('reminders.snoozed', { date: fmt.date(day) }) });
            }}
            errorText={(e) =>
              e instanceof SnoozeDateError
                ? t('reminders.snoozeDateInvalid')
                : e instanceof ForbiddenError
                  ? t('common:errors.forbidden')
                  : t('common:errors.unexpected')
            }
            onDone={close}
          />
        )}
      </Modal>
    </Paper>
  );
}
