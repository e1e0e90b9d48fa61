import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconProgressCheck, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '@shared/model';
import { isOpenStatus } from '@shared/referrals';
import { useFormat } from '../../components/useFormat';
import { deleteReferral, referralsOf } from '../../db/referrals';
import { useApp } from '../../session/AppContext';
import { referralErrorText } from './errors';
import { ReferralForm } from './ReferralForm';
import { StatusForm } from './StatusForm';
import { STATUS_COLOR } from './statusColor';

/** A person's referrals, live (the person page's tab counts them); none asked for a role that may not read them. */
export function usePersonReferrals(personId: string, allowed: boolean): Referral[] | undefined {
  const { db, actor } = useApp();
  return useLiveQuery(async () => (allowed ? referralsOf(db, actor, personId) : []), [db, actor, personId, allowed]);
}

type Open = { what: 'add' } | { what: 'edit' | 'status'; referral: Referral };

/**
 * The person page's Referrals: where she was sent, why, to whom, and how far it got (a badge per
 * status, the history under it); add, correct, move the status on, delete.
 */
export function ReferralsPanel({ personId, referrals, readOnly = false }: { personId: string; referrals: Referral[]; readOnly?: boolean }) {
  const { t } = useTranslation(['referrals', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  const confirmDelete = (r: Referral) =>
    modals.openConfirmModal({
      title: t('delete'),
      children: <Text size="sm">{t('deleteConfirm', { institution: r.institution })}</Text>,
      labels: { confirm: t('delete'), cancel: t('common:cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void deleteReferral(db, actor, r.id).then(
          () => notifications.show({ color: 'teal', message: t('deleted') }),
          (e: unknown) => notifications.show({ color: 'red', message: referralErrorText(t, e) }),
        ),
    });
  return (
    <Stack gap="sm" data-testid="referrals">
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      {referrals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {referrals.map((r) => (
            <Paper key={r.id} withBorder radius="sm" p="sm" data-testid="referral-row" data-status={r.status}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Badge color={STATUS_COLOR[r.status]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="referral-status">
                      {t(`statuses.${r.status}`)}
                    </Badge>
                    <Text size="sm" fw={600}>
                      {r.institution}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[t(`kinds.${r.kind}`), `${t('fields.date')}: ${fmt.date(r.date)}`, r.contactPerson].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                {!readOnly && (
                  <Group gap={4} wrap="nowrap">
                    {isOpenStatus(r.status) && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconProgressCheck size={14} />}
                        onClick={() => setOpen({ what: 'status', referral: r })}
                      >
                        {t('status.update')}
                      </Button>
                    )}
                    <Tooltip label={t('edit')}>
                      <ActionIcon variant="subtle" aria-label={t('edit')} onClick={() => setOpen({ what: 'edit', referral: r })}>
                        <IconEdit size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('delete')}>
                      <ActionIcon variant="subtle" color="red" aria-label={t('delete')} onClick={() => confirmDelete(r)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
              {r.reason && (
                <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span c="dimmed">
                    {t('fields.reason')}:{' '}
                  </Text>
                  {r.reason}
                </Text>
              )}
              {r.status === 'closed' && (r.outcome || r.closeReason) && (
                <Text size="sm" mt={4} data-testid="referral-outcome">
                  <Text span c="dimmed">
                    {t('fields.outcome')}:{' '}
                  </Text>
                  {[r.closeReason && t(`closeReasons.${r.closeReason}`), r.outcome].filter(Boolean).join(' · ')}
                </Text>
              )}
              <Group gap="lg" mt={6}>
                <Text size="xs" c="dimmed" aria-label={t('status.history')}>
                  {r.history.map((s) => `${t(`statuses.${s.status}`)} ${fmt.date(s.date)}`).join(' → ')}
                </Text>
                {r.followUpOn && (
                  <Text size="xs" c="dimmed">
                    {t('fields.followUpOn')}: {fmt.date(r.followUpOn)}
                  </Text>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {!readOnly && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setOpen({ what: 'add' })} data-testid="add-referral">
            {t('add')}
          </Button>
        </Group>
      )}
      <Modal opened={open?.what === 'add' || open?.what === 'edit'} onClose={close} title={open?.what === 'edit' ? t('edit') : t('add')} size="lg">
        {(open?.what === 'add' || open?.what === 'edit') && (
          <ReferralForm personId={personId} referral={open.what === 'edit' ? open.referral : undefined} onDone={close} />
        )}
      </Modal>
      <Modal
        opened={open?.what === 'status'}
        onClose={close}
        title={open?.what === 'status' ? t('status.title', { institution: open.referral.institution }) : ''}
      >
        {open?.what === 'status' && <StatusForm referral={open.referral} onDone={close} />}
      </Modal>
    </Stack>
  );
}
