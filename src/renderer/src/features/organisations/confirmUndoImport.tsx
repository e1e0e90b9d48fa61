import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { organisationImportUndoEffect, undoOrganisationImport } from '../../db/organisations';

/** Undoing an import removes its organisations at once: it asks first, naming the file, how many go and the job outcomes that lose their employer. */
export function useConfirmUndoOrganisationImport(): (historyId: string, onUndone?: (removed: number) => void) => Promise<void> {
  const { t } = useTranslation(['organisations', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  return async (historyId, onUndone) => {
    const effect = await organisationImportUndoEffect(db, actor, historyId);
    if (!effect) return;
    modals.openConfirmModal({
      title: t('organisations:undoConfirm.title'),
      children: (
        <Stack gap="xs" data-testid="undo-org-import-confirm">
          <Text size="sm">
            {t('organisations:undoConfirm.text', { count: effect.organisations, file: effect.history.fileName, date: fmt.dateTime(effect.history.at) })}
          </Text>
          {effect.linkedOutcomes > 0 && <Text size="sm">{t('organisations:undoConfirm.linked', { count: effect.linkedOutcomes })}</Text>}
        </Stack>
      ),
      labels: { confirm: t('organisations:undoConfirm.confirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-undo-org-import' } as Record<string, unknown>,
      onConfirm: () =>
        void undoOrganisationImport(db, actor, historyId).then((removed) => {
          notifications.show({ color: 'teal', message: t('organisations:importUndone', { count: removed }) });
          onUndone?.(removed);
        }),
    });
  };
}
