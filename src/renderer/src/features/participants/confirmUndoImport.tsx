import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { importUndoEffect, undoImport } from '../../db/importPeople';

/**
 * Undoing an import deletes people and everything entered for them since, in one click: it asks
 * first, naming the file, how many people and how many later records go.
 */
export function useConfirmUndoImport(): (historyId: string, onUndone: (removed: number) => void) => Promise<void> {
  const { t } = useTranslation(['participants', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  return async (historyId, onUndone) => {
    const effect = await importUndoEffect(db, historyId);
    if (!effect) return;
    const { history, people, linked } = effect;
    modals.openConfirmModal({
      title: t('participants:undoConfirm.title'),
      children: (
        <Stack gap="xs" data-testid="undo-import-confirm">
          <Text size="sm">{t('participants:undoConfirm.text', { count: people, file: history.fileName, date: fmt.dateTime(history.at) })}</Text>
          {linked > 0 && <Text size="sm">{t('participants:undoConfirm.linked', { count: linked })}</Text>}
          <Text size="sm" fw={500}>
            {t('participants:undoConfirm.irreversible')}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('participants:undoConfirm.confirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-undo-import' } as Record<string, unknown>,
      onConfirm: () => void undoImport(db, actor, historyId).then(onUndone),
    });
  };
}
