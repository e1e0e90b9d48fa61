import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../session/AppContext';
import { loadDemoData } from '../../db/demo';
import { countPeople } from '../../db/people';
import { clearWithSafetyCopy } from '../backups';

export function DataSettings() {
  const { t } = useTranslation(['settings', 'common']);
  const { db, actor, user } = useApp();
  const [busy, setBusy] = useState(false);
  const people = useLiveQuery(() => countPeople(db), [db]) ?? 0;
  const canEdit = user.role === 'coordinator';

  const loadDemo = async () => {
    setBusy(true);
    try {
      const count = await loadDemoData(db, actor);
      notifications.show({ color: 'teal', message: t('settings:demoLoaded', { count }) });
    } catch {
      notifications.show({ color: 'red', message: t('common:errors.unexpected') });
    } finally {
      setBusy(false);
    }
  };

  const confirmDemo = () =>
    people > 0
      ? modals.openConfirmModal({
          title: t('settings:demoTitle'),
          children: <Text size="sm">{t('settings:demoAddsToExisting')}</Text>,
          labels: { confirm: t('settings:loadDemo'), cancel: t('common:cancel') },
          onConfirm: () => void loadDemo(),
        })
      : void loadDemo();

  const confirmClear = () =>
    modals.openConfirmModal({
      title: t('settings:clearTitle'),
      children: <Text size="sm">{t('settings:clearConfirm')}</Text>,
      labels: { confirm: t('settings:clearAll'), cancel: t('common:cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        setBusy(true);
        void clearWithSafetyCopy(db, actor)
          .then(() => notifications.show({ color: 'teal', message: t('settings:cleared') }))
          .catch(() => notifications.show({ color: 'red', message: t('common:errors.unexpected') }))
          .finally(() => setBusy(false));
      },
    });

  if (!canEdit) return <Text c="dimmed">{t('settings:coordinatorOnly')}</Text>;
  return (
    <Stack maw={720}>
      <Paper withBorder radius="md" p="lg">
        <Title order={4}>{t('settings:demoTitle')}</Title>
        <Text c="dimmed" my="sm">
          {t('settings:demoText')}
        </Text>
        <Button leftSection={<IconDatabaseImport size={16} />} loading={busy} onClick={confirmDemo}>
          {t('settings:loadDemo')}
        </Button>
      </Paper>
      <Paper withBorder radius="md" p="lg" style={{ borderColor: 'var(--mantine-color-red-3)' }}>
        <Title order={4}>{t('settings:clearTitle')}</Title>
        <Text c="dimmed" my="sm">
          {t('settings:clearText')}
        </Text>
        <Group>
          <Button color="red" variant="light" leftSection={<IconTrash size={16} />} disabled={busy} onClick={confirmClear}>
            {t('settings:clearAll')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
