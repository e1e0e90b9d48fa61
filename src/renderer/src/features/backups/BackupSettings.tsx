import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconFileImport, IconRestore } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/ipc';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { BACKUP_EXTENSIONS, backupToFile, listBackups, pickBackupFile, restoreBackupFile, storedBackup, writeBackup, type BackupFile } from './actions';
import { BackupFolderPanel } from './BackupFolderPanel';
import { FileDropzone } from '../../components/FileDropzone';
import { BackupKeyForm } from '../../components/BackupKeyForm';
import { useBackupProblemText } from './useBackupProblemText';

export function BackupSettings() {
  const { t } = useTranslation(['backup', 'common']);
  const { db, actor, org, user } = useApp();
  const fmt = useFormat();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [ran, setRan] = useState(0);
  const canRestore = user.role === 'coordinator';
  const problemText = useBackupProblemText();

  const refresh = useCallback(() => void listBackups().then(setBackups), []);
  useEffect(refresh, [refresh]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      notifications.show({ color: 'red', title: t('backup:restoreFailed'), message: problemText(e), autoClose: false });
    } finally {
      setBusy(false);
      setRan((n) => n + 1);
      refresh();
    }
  };

  const confirmRestore = (label: string, load: () => Promise<BackupFile | null>) =>
    modals.openConfirmModal({
      title: t('backup:confirmRestoreTitle'),
      children: <Text size="sm">{t('backup:confirmRestoreText', { name: label })}</Text>,
      labels: { confirm: t('backup:restore'), cancel: t('common:cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(async () => {
          const file = await load();
          if (!file) return;
          // A backup of another keyring (another computer, or from before a restore): ask for its passphrase.
          if ((await restoreBackupFile(db, actor, file)) === 'needsKey') return askForKey(file);
          notifications.show({ color: 'teal', message: t('backup:restored', { name: file.fileName }) });
        }),
    });

  const askForKey = (file: BackupFile) => {
    const id = modals.open({
      title: t('backup:unlock.title', { name: file.fileName }),
      children: (
        <BackupKeyForm
          bytes={file.bytes}
          submitLabel={t('backup:restore')}
          onKey={async (dataKey) => {
            await restoreBackupFile(db, actor, file, dataKey);
            modals.close(id);
            notifications.show({ color: 'teal', message: t('backup:restored', { name: file.fileName }) });
            refresh();
          }}
        />
      ),
    });
  };

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
                onClick={() => confirmRestore(t('backup:fromFile'), pickBackupFile)}
              >
                {t('backup:restoreFromFile')}
              </Button>
            )}
          </Group>
          {canRestore && (
            <FileDropzone
              extensions={BACKUP_EXTENSIONS}
              disabled={busy}
              testId="restore-dropzone"
              onFiles={([f]) => {
                if (f) confirmRestore(f.fileName, async () => ({ fileName: f.fileName, bytes: f.data }));
              }}
            />
          )}
        </Stack>
      </Paper>
      <BackupFolderPanel refreshKey={ran} />
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
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconRestore size={14} />}
                          disabled={busy}
                          onClick={() => confirmRestore(fmt.dateTime(b.createdAt), () => storedBackup(b.fileName))}
                        >
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
