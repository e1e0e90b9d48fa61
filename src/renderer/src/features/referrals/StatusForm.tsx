import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '@shared/model';
import { CLOSE_REASONS, nextStatuses, type CloseReason, type ReferralStatus } from '@shared/referrals';
import { DateField } from '../../components/DateField';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { changeReferralStatus } from '../../db/referrals';
import { referralErrorText } from './errors';

/**
 * Moves a referral on: only the statuses the machine allows from where it is (shared/referrals),
 * the day it happened, and for a close the outcome or why. Used on the person page and in place
 * on the home screen's follow-up reminder.
 */
export function StatusForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useTranslation(['referrals', 'common']);
  const { db, actor } = useApp();
  const today = useToday()();
  const options = nextStatuses(referral.status);
  const [to, setTo] = useState<ReferralStatus | null>(options[0] ?? null);
  const [date, setDate] = useState(today);
  const [outcome, setOutcome] = useState('');
  const [closeReason, setCloseReason] = useState<CloseReason | null>(null);
  const [followUpOn, setFollowUpOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!options.length) return <Text size="sm">{t('status.final')}</Text>;
  const final = to === 'closed' || to === 'declined';
  const save = async () => {
    if (!to) return;
    setError(null);
    try {
      await changeReferralStatus(db, actor, referral.id, {
        to,
        date,
        ...(to === 'closed' ? { outcome, closeReason: closeReason ?? undefined } : {}),
        ...(!final && followUpOn ? { followUpOn } : {}),
      });
      notifications.show({ color: 'teal', message: t('status.changed', { status: t(`statuses.${to}`) }) });
      onDone();
    } catch (e) {
      setError(referralErrorText(t, e));
    }
  };
  return (
    <Stack data-testid="referral-status-form">
      <Select
        label={t('status.to')}
        data={options.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        value={to}
        onChange={(v) => setTo(v as ReferralStatus | null)}
        allowDeselect={false}
        data-autofocus
      />
      <DateField label={t('status.date')} value={date} onChange={setDate} required />
      {to === 'closed' && (
        <>
          <Select
            label={t('fields.closeReason')}
            data={CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReasons.${r}`) }))}
            value={closeReason}
            onChange={(v) => setCloseReason(v as CloseReason | null)}
            clearable
          />
          <Textarea label={t('fields.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        </>
      )}
      {!final && <DateField label={t('status.nextFollowUp')} description={t('hints.followUpOn')} value={followUpOn} onChange={setFollowUpOn} />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common:cancel')}
        </Button>
        <Button onClick={() => void save()} disabled={!to || !date}>
          {t('status.save')}
        </Button>
      </Group>
    </Stack>
  );
}
