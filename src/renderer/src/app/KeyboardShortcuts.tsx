import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can } from '@shared/auth/permissions';
import { SHORTCUTS, shortcutLabel, type ShortcutId } from '@shared/shortcuts';
import { platform } from '../platform';
import { useApp } from '../session/AppContext';
import { GLOBAL_SEARCH_ID } from '../components/GlobalSearch';

const isMac = /Mac/i.test(navigator.platform);

/**
 * App-wide shortcuts (shared/shortcuts.ts) and the dialog that lists them: Help → Keyboard
 * shortcuts in the desktop app's menu, or Ctrl+/ anywhere. Each does only what the role may do.
 */
export function KeyboardShortcuts({ mentorMode }: { mentorMode: boolean }) {
  const { t } = useTranslation('desktop');
  const { actor } = useApp();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  useEffect(() => platform.on('app:showShortcuts', open), [open]);

  const actions: Record<ShortcutId, () => void> = {
    search: () => document.getElementById(GLOBAL_SEARCH_ID)?.focus(),
    newPerson: () => {
      if (!mentorMode && can(actor.role, 'editPeople')) void navigate('/participants?new=1');
    },
    logSession: () => {
      if (mentorMode) void navigate('/mentor/mentees');
      else if (can(actor.role, 'logMentoring')) void navigate('/mentoring/matches');
    },
    show: open,
  };
  // Also inside text fields: these combinations type nothing.
  useHotkeys(
    SHORTCUTS.map((s) => [s.keys, () => actions[s.id]()] as [string, () => void]),
    [],
  );

  return (
    <Modal opened={opened} onClose={close} title={t('shortcuts.title')} data-testid="shortcuts-dialog">
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{t(`shortcuts.${s.id}`)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {shortcutLabel(s.keys, isMac).map((k, i) => (
                    <Kbd key={i}>{k}</Kbd>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!isMac && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('shortcuts.note')}
        </Text>
      )}
    </Modal>
  );
}
