import { Alert, Button, Group, List, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_BASES } from '@shared/model';
import type { SharingBasis, SharingPlan } from '@shared/people/sharing';
import type { ImportHistory } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { DateField } from '../../components/DateField';
import { useFormat } from '../../components/useFormat';
import { planSharing, recordSharing, undoSharing, type SharingProblem } from './actions';

/**
 * "Record the basis for sharing with the lead" for the selected people or everyone the filter
 * shows: legal basis, date and notice version, recorded by the signed-in user. It says first how
 * many people it will change, and leaves alone whoever shares already, objected or is anonymised.
 */
export function SharingBasisDialog({
  personIds,
  scope,
  onClose,
}: {
  personIds: readonly string[];
  scope: 'selected' | 'filtered' | 'all';
  onClose: () => void;
}) {
  const { t } = useTranslation(['participants', 'common']);
  const { db, actor } = useApp();
  const today = useToday()();
  const [plan, setPlan] = useState<SharingPlan>();
  const [basis, setBasis] = useState<SharingBasis>({ legalBasis: 'consent', date: today, noticeVersion: '' });
  const [problem, setProblem] = useState<SharingProblem>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    let live = true;
    void planSharing({ db, actor }, personIds).then((r) => live && (r.ok ? setPlan(r.value) : setProblem(r.problem)));
    return () => {
      live = false;
    };
  }, [db, actor, personIds]);

  const missing = { date: !basis.date, noticeVersion: !basis.noticeVersion.trim() };
  const count = plan?.record.length ?? 0;

  async function confirm() {
    setTried(true);
    if (missing.date || missing.noticeVersion || !plan) return;
    setBusy(true);
    const r = await recordSharing({ db, actor }, plan.record, basis);
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    notifications.show({ color: 'teal', message: t('participants:sharing.recorded', { count: r.value }) });
    onClose();
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('participants:sharing.title')}>
      <Stack gap="sm" data-testid="sharing-dialog">
        <Text size="sm">{t(`participants:sharing.scope.${scope}`, { count: personIds.length })}</Text>
        {plan && (
          <Alert color={count ? 'blue' : 'gray'} icon={<IconInfoCircle size={18} />} data-testid="sharing-plan">
            <Text size="sm" fw={600} data-testid="sharing-count">
              {count ? t('participants:sharing.willRecord', { count }) : t('participants:sharing.nobody')}
            </Text>
            {(plan.alreadyShared > 0 || plan.objected > 0 || plan.anonymised > 0) && (
              <List size="sm" mt={4} spacing={2}>
                {plan.alreadyShared > 0 && <List.Item>{t('participants:sharing.alreadyShared', { count: plan.alreadyShared })}</List.Item>}
                {plan.objected > 0 && <List.Item data-testid="sharing-objected">{t('participants:sharing.objected', { count: plan.objected })}</List.Item>}
                {plan.anonymised > 0 && <List.Item>{t('participants:sharing.anonymised', { count: plan.anonymised })}</List.Item>}
              </List>
            )}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('participants:consent.legalBasis')}
            data={LEGAL_BASES.map((b) => ({ value: b, label: t(`participants:legalBases.${b}`) }))}
            value={basis.legalBasis}
            allowDeselect={false}
            onChange={(v) => v && setBasis({ ...basis, legalBasis: v as SharingBasis['legalBasis'] })}
            data-testid="sharing-legal-basis"
          />
          <DateField
            label={t('participants:consent.date')}
            withAsterisk
            value={basis.date}
            onChange={(date) => setBasis({ ...basis, date })}
            error={tried && missing.date ? t('validation:required') : undefined}
          />
          <TextInput
            label={t('participants:consent.noticeVersion')}
            withAsterisk
            value={basis.noticeVersion}
            onChange={(e) => setBasis({ ...basis, noticeVersion: e.currentTarget.value })}
            error={tried && missing.noticeVersion ? t('validation:required') : undefined}
            maxLength={40}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid="sharing-recorded-by">
          {t('participants:sharing.recordedBy', { name: actor.userName })}
        </Text>
        <Text size="sm">{t('participants:sharing.meaning')}</Text>
        {problem && (
          <Alert color="red" data-testid="sharing-error">
            {t(`participants:sharing.problems.${problem}`)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!plan || count === 0} data-testid="sharing-confirm">
            {t('participants:sharing.confirm', { count })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Undo of the last bulk recording: asks first, naming the day and how many people go back. */
export function useConfirmUndoSharing(): (batch: ImportHistory) => void {
  const { t } = useTranslation(['participants', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  return (batch) =>
    modals.openConfirmModal({
      title: t('participants:sharing.undoTitle'),
      children: (
        <Text size="sm" data-testid="undo-sharing-confirm">
          {t('participants:sharing.undoText', { count: batch.rowsAdded, date: fmt.dateTime(batch.at) })}
        </Text>
      ),
      labels: { confirm: t('participants:sharing.undoConfirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-undo-sharing' } as Record<string, unknown>,
      onConfirm: () =>
        void undoSharing({ db, actor }, batch.id).then((r) =>
          notifications.show(
            r.ok
              ? { color: 'teal', message: t('participants:sharing.undone', { count: r.value }) }
              : { color: 'red', message: t(`participants:sharing.problems.${r.problem}`) },
          ),
        ),
    });
}
