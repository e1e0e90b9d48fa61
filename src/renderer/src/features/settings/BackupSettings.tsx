import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconFileImport, IconRestore } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError } from '@shared/backup/format';
import type { BackupInfo } from '@shared/ipc';
import { useApp } from '../../app/AppContext';
import { useFormat } from '../../components/useFormat';
import { ForbiddenError } from '../../db/permissions';
import { platform } from '../../platform';
import { backupToFile, restoreWithSafetyCopy, writeBackup } from '../../services/backup';

export function BackupSettings() {
  const { t } = useTranslation(['backup', 'common']);
  const { db, actor, org, user } = useApp();
  const fmt = useFormat();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const canRestore = user.role === 'coordinator';

  const refresh = useCallback(() => void platform.invoke('backup:list', undefined).then(setBackups), []);
  useEffect(refresh, [refresh]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      const message = e instanceof BackupError ? t(`backup:errors.${e.code}`, e.params) : e instanceof ForbiddenError ? t('common:errors.forbidden') : t('common:errors.unexpected');
      notifications.show({ color: 'red', title: t('backup:restoreFailed'), message, autoClose: false });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const confirmRestore = (label: string, load: () => Promise<{ bytes: Uint8Array; fileName: string } | null>) =>
    modals.openConfirmModal({
      title: t('backup:confirmRestoreTitle'),
      children: <Text size="sm">{t('backup:confirmRestoreText', { name: label })}</Text>,
      labels: { confirm: t('backup:restore'), cancel: t('common:cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(async () => {
          const file = await load();
          if (!file) return;
          await restoreWithSafetyCopy(db, actor, file.bytes, file.fileName);
          notifications.show({ color: 'teal', message: t('backup:restored', { name: file.fileName }) });
        }),
    });

  return (
    <Stack maw={900}>
      <Paper withBorder radius="md" p="lg">
        <Stack>
          <Text>{t('backup:explain')}</Text>
          <Group>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              loading={busy}
              onClick={() =>
                void run(async () => {
                  const info = await writeBackup(db, 'manual', actor);
                  notifications.show({ color: 'teal', message: t('backup:written', { name: info.fileName }) });
                })
              }
            >
              {t('backup:backupNow')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconDeviceFloppy size={16} />}
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  const name = await backupToFile(db, actor, org.name);
                  if (name) notifications.show({ color: 'teal', message: t('backup:savedTo', { name }) });
                })
              }
            >
              {t('backup:saveToFile')}
            </Button>
            {canRestore && (
              <Button
                variant="light"
                color="orange"
                leftSection={<IconFileImport size={16} />}
                disabled={busy}
                onClick={() =>
                  confirmRestore(t('backup:fromFile'), async () => {
                    const [file] = await platform.invoke('file:open', { filters: [{ name: 'Mreža backup', extensions: ['gz'] }], multiple: false });
                    return file ? { bytes: file.data, fileName: file.fileName } : null;
                  })
                }
              >
                {t('backup:restoreFromFile')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Title order={4} mb="sm">
          {t('backup:automatic')}
        </Title>
        {backups.length === 0 ? (
          <Text c="dimmed">{t('backup:none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup:when')}</Table.Th>
                <Table.Th>{t('backup:reason')}</Table.Th>
                <Table.Th>{t('backup:size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => {
                const reason = /-([a-z-]+)\.json\.gz$/.exec(b.fileName)?.[1] ?? 'manual';
                return (
                  <Table.Tr key={b.fileName} data-testid="backup-row">
                    <Table.Td>{b.createdAt ? fmt.dateTime(b.createdAt) : b.fileName}</Table.Td>
                    <Table.Td>{t(`backup:reasons.${reason}`, { defaultValue: reason })}</Table.Td>
                    <Table.Td>{fmt.number(Math.max(1, Math.round(b.size / 1024)))} kB</Table.Td>
                    <Table.Td>
                      {canRestore && (
                        <Button size="xs" variant="subtle" leftSection={<IconRestore size={14} />} disabled={busy} onClick={() => confirmRestore(fmt.dateTime(b.createdAt), async () => ({ bytes: await platform.invoke('backup:read', { fileName: b.fileName }), fileName: b.fileName }))}>
                          {t('backup:restore')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
