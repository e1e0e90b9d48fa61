import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { evaluationImportUndo, undoEvaluationImportAction } from './actions';

/** Undoing an online-form import removes its responses at once: it asks first, naming the file, when it was imported and how many go. */
export function useConfirmUndoEvaluationImport(): (historyId: string) => Promise<void> {
  const { t } = useTranslation(['programmes', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  return async (historyId) => {
    const effect = await evaluationImportUndo({ db, actor }, historyId);
    if (!effect) return;
    modals.openConfirmModal({
      title: t('programmes:evaluation.import.undoConfirm.title'),
      children: (
        <Text size="sm" data-testid="undo-evaluation-import-confirm">
          {t('programmes:evaluation.import.undoConfirm.text', {
            count: effect.responses,
            file: effect.history.fileName,
            date: fmt.dateTime(effect.history.at),
          })}
        </Text>
      ),
      labels: { confirm: t('programmes:evaluation.import.undoConfirm.confirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-undo-evaluation-import' } as Record<string, unknown>,
      onConfirm: () =>
        void undoEvaluationImportAction({ db, actor }, historyId).then(
          (removed) => notifications.show({ color: 'teal', message: t('programmes:evaluation.import.undone', { count: removed }) }),
          () => notifications.show({ color: 'red', message: t('common:errors.unexpected') }),
        ),
    });
  };
}
