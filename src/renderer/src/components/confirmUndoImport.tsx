import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ImportHistory } from '@shared/model';
import type { Actor } from '../db/actor';
import type { MrezaDb } from '../db/db';
import { importUndoEffect, undoImport } from '../db/importPeople';
import { organisationImportUndoEffect, undoOrganisationImport } from '../db/organisations';
import { useApp } from '../session/AppContext';
import { useFormat } from './useFormat';

/** What undoing an import would remove: how many of its entries, and how many later records it touches. */
interface UndoEffect {
  history: ImportHistory;
  count: number;
  linked: number;
}

/** How each import's undo is asked for: its texts (`<ns>:undoConfirm.*`), test ids, and data calls. */
const KINDS = {
  people: {
    ns: 'participants',
    testId: 'undo-import-confirm',
    confirmTestId: 'confirm-undo-import',
    // People's later records (enrolments, attendance, …) go with them: said in so many words.
    irreversible: true,
    doneMessage: undefined,
    effect: async (db: MrezaDb, _actor: Actor, id: string): Promise<UndoEffect | null> => {
      const e = await importUndoEffect(db, id);
      return e && { history: e.history, count: e.people, linked: e.linked };
    },
    undo: (db: MrezaDb, actor: Actor, id: string) => undoImport(db, actor, id),
  },
  organisations: {
    ns: 'organisations',
    testId: 'undo-org-import-confirm',
    confirmTestId: 'confirm-undo-org-import',
    irreversible: false,
    doneMessage: 'organisations:importUndone',
    effect: async (db: MrezaDb, actor: Actor, id: string): Promise<UndoEffect | null> => {
      const e = await organisationImportUndoEffect(db, actor, id);
      return e && { history: e.history, count: e.organisations, linked: e.linkedOutcomes };
    },
    undo: (db: MrezaDb, actor: Actor, id: string) => undoOrganisationImport(db, actor, id),
  },
} as const;

/**
 * Undoing an import removes its entries at once: it asks first, naming the file, when it was
 * imported, how many go and the later records they touch (people: deleted with them; organisations:
 * job outcomes that lose their employer). The one confirmation for both registers' imports.
 */
export function useConfirmUndoImport(kind: keyof typeof KINDS): (historyId: string, onUndone?: (removed: number) => void) => Promise<void> {
  const k = KINDS[kind];
  const { t } = useTranslation([k.ns, 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  return async (historyId, onUndone) => {
    const effect = await k.effect(db, actor, historyId);
    if (!effect) return;
    modals.openConfirmModal({
      title: t(`${k.ns}:undoConfirm.title`),
      children: (
        <Stack gap="xs" data-testid={k.testId}>
          <Text size="sm">{t(`${k.ns}:undoConfirm.text`, { count: effect.count, file: effect.history.fileName, date: fmt.dateTime(effect.history.at) })}</Text>
          {effect.linked > 0 && <Text size="sm">{t(`${k.ns}:undoConfirm.linked`, { count: effect.linked })}</Text>}
          {k.irreversible && (
            <Text size="sm" fw={500}>
              {t(`${k.ns}:undoConfirm.irreversible`)}
            </Text>
          )}
        </Stack>
      ),
      labels: { confirm: t(`${k.ns}:undoConfirm.confirm`), cancel: t('common:cancel') },
      confirmProps: { color: 'red', 'data-testid': k.confirmTestId } as Record<string, unknown>,
      onConfirm: () =>
        void k.undo(db, actor, historyId).then((removed) => {
          if (k.doneMessage) notifications.show({ color: 'teal', message: t(k.doneMessage, { count: removed }) });
          onUndone?.(removed);
        }),
    });
  };
}
