import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFolder, IconFolderOff } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFolderStatus, FolderRefusal } from '@shared/ipc';
import { useFormat } from '../../components/useFormat';
import { backupFolderStatus, chooseBackupFolder, forgetBackupFolder } from './actions';

/**
 * Settings → Backups: a folder (a USB stick, a network share) that receives a copy of every
 * backup. Main checks and remembers the folder; this panel shows how the last copy went.
 * `refreshKey` changes after every backup made on this screen.
 */
export function BackupFolderPanel({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation('backup');
  const fmt = useFormat();
  const [status, setStatus] = useState<BackupFolderStatus>();
  const [refused, setRefused] = useState<FolderRefusal>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(() => void backupFolderStatus().then(setStatus, () => setFailed(true)), []);
  useEffect(() => refresh(), [refresh, refreshKey]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setRefused(undefined);
    setFailed(false);
    try {
      await work();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const choose = () =>
    act(async () => {
      const result = await chooseBackupFolder();
      if (result.status === 'chosen') setStatus(result.folder);
      if (result.status === 'refused') setRefused(result.reason);
    });
  const forget = () => act(async () => setStatus(await forgetBackupFolder()));

  if (!status) return null;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="backup-folder">
      <Stack gap="sm">
        <Title order={4}>{t('folder.title')}</Title>
        <Text size="sm">{t('folder.explain')}</Text>
        {!status.supported ? (
          <Alert color="gray" data-testid="backup-folder-desktop-only">
            {t('folder.desktopOnly')}
          </Alert>
        ) : (
          <>
            {status.folder ? (
              <>
                <Text size="sm" fw={500}>
                  {t('folder.copyingTo')}
                </Text>
                <Code block data-testid="backup-folder-path">
                  {status.folder}
                </Code>
                <Text size="sm" c="dimmed" data-testid="backup-folder-last">
                  {status.lastCopy ? t('folder.lastCopy', { date: fmt.dateTime(status.lastCopy.at) }) : t('folder.noCopyYet')}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('folder.notChosen')}
              </Text>
            )}
            {status.lastError && (
              <Alert color="red" role="alert" title={t('folder.copyFailedTitle')} data-testid="backup-folder-error">
                {t('folder.failedOn', { date: fmt.dateTime(status.lastError.at) })} {t(`folder.errors.${status.lastError.code}`)}
              </Alert>
            )}
            {refused && (
              <Alert color="red" role="alert" data-testid="backup-folder-refused">
                {t(`folder.refused.${refused}`)}
              </Alert>
            )}
            {failed && (
              <Alert color="red" role="alert">
                {t('folder.unexpected')}
              </Alert>
            )}
            <Group>
              <Button variant="light" leftSection={<IconFolder size={16} />} loading={busy} onClick={() => void choose()}>
                {status.folder ? t('folder.chooseOther') : t('folder.choose')}
              </Button>
              {status.folder && (
                <Button variant="subtle" color="gray" leftSection={<IconFolderOff size={16} />} disabled={busy} onClick={() => void forget()}>
                  {t('folder.stop')}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
