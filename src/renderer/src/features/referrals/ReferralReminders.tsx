import { Button, Group, Menu, Modal, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsRight, IconChevronDown, IconClockPause } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/permissions';
import { snoozeUntil, type SnoozeChoice } from '@shared/mentoring';
import { REFERRAL_REMINDER_PERMISSION, referralReminderKey } from '@shared/referrals';
import { SnoozeUntilForm } from '../../components/SnoozeUntilForm';
import { useFormat } from '../../components/useFormat';
import { orgToday } from '../../db/orgDay';
import { referralReminderRows, snoozeReferralReminder, type ReferralReminderRow } from '../../db/referrals';
import { useApp } from '../../session/AppContext';
import { referralErrorText } from './errors';
import { StatusForm } from './StatusForm';

type Open = { row: ReferralReminderRow; what: 'status' | 'snoozeUntil' };

/**
 * Follow-ups due on referrals (home screen, beside the mentoring reminders and like them): each
 * offers "update status" in place and can be snoozed for a week or until a day; it goes away when
 * the referral is moved on with a later follow-up, or closed. Nothing for a role that may not act.
 */
export function ReferralReminders() {
  const { t } = useTranslation(['referrals', 'mentoring', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = useLiveQuery(() => referralReminderRows(db, actor), [db, actor]);
  const [open, setOpen] = useState<Open | null>(null);
  if (!can(actor.role, REFERRAL_REMINDER_PERMISSION) || !rows?.length) return null;
  const close = () => setOpen(null);
  const text = (row: ReferralReminderRow) =>
    t('reminders.followUp', { person: row.personName, institution: row.referral.institution, date: fmt.date(row.reminder.due) });
  const snooze = async (row: ReferralReminderRow, choice: SnoozeChoice) => {
    const until = snoozeUntil(await orgToday(db), choice);
    if (!until) throw new RangeError('snoozeDate');
    await snoozeReferralReminder(db, actor, row.reminder, until);
    notifications.show({ color: 'teal', message: t('mentoring:reminders.snoozed', { date: fmt.date(until) }) });
  };
  return (
    <Paper withBorder radius="md" p="lg" data-testid="referral-reminders">
      <Title order={4} mb="sm">
        {t('reminders.title')}
      </Title>
      <Stack gap="xs">
        {rows.map((row) => (
          <Group key={referralReminderKey(row.reminder)} justify="space-between" wrap="nowrap" data-testid="reminder" data-kind="referralFollowUp">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon variant="light" color="grape">
                <IconArrowsRight size={16} />
              </ThemeIcon>
              <Text size="sm">{text(row)}</Text>
            </Group>
            <Group gap={6} wrap="nowrap">
              <Button size="compact-sm" variant="light" onClick={() => setOpen({ row, what: 'status' })}>
                {t('status.update')}
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconClockPause size={14} />}
                    rightSection={<IconChevronDown size={12} />}
                  >
                    {t('mentoring:reminders.snooze')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    onClick={() => void snooze(row, 'week').catch((e: unknown) => notifications.show({ color: 'red', message: referralErrorText(t, e) }))}
                  >
                    {t('mentoring:reminders.snoozeWeek')}
                  </Menu.Item>
                  <Menu.Item onClick={() => setOpen({ row, what: 'snoozeUntil' })}>{t('mentoring:reminders.snoozeUntil')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        ))}
      </Stack>
      <Modal opened={open?.what === 'status'} onClose={close} title={open ? t('status.title', { institution: open.row.referral.institution }) : ''}>
        {open?.what === 'status' && (
          <Stack>
            <Text size="sm" c="dimmed">
              {open.row.personName}
            </Text>
            <StatusForm referral={open.row.referral} onDone={close} />
          </Stack>
        )}
      </Modal>
      <Modal opened={open?.what === 'snoozeUntil'} onClose={close} title={t('mentoring:reminders.snoozeTitle')}>
        {open?.what === 'snoozeUntil' && (
          <SnoozeUntilForm
            text={text(open.row)}
            onSnooze={(day) => snooze(open.row, day)}
            errorText={(e) => (e instanceof RangeError ? t('mentoring:reminders.snoozeDateInvalid') : referralErrorText(t, e))}
            onDone={close}
          />
        )}
      </Modal>
    </Paper>
  );
}
