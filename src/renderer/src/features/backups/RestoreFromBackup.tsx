import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb } from '../../session/AppContext';
import { BackupKeyForm } from '../../components/BackupKeyForm';
import { BACKUP_EXTENSIONS, newComputerBackup, pickBackupForNewComputer, restoreOnNewComputer, type BackupFile, type NewComputerBackup } from './actions';
import { FileDropzone } from '../../components/FileDropzone';
import { useBackupProblemText } from './useBackupProblemText';

/**
 * Moving to a new computer: a backup file (saved to a USB stick on the old one) → the passphrase
 * of one of its coordinators or its recovery key → restored → the lock screen asks who is working.
 */
export function RestoreFromBackup({ onBack }: { onBack: () => void }) {
  const db = useDb();
  return <RestoreBackupFlow onBack={onBack} restoreFile={(file, dataKey) => restoreOnNewComputer(db, file.bytes, file.fileName, dataKey)} />;
}

/**
 * The steps themselves, for whichever empty store `restoreFile` writes to: the setup screen's (the
 * app's own) or, on the screen for data that will not open, a new one (restoreAfterOpenFailed).
 * `intro` replaces the setup screen's text about the old computer.
 */
export function RestoreBackupFlow({
  onBack,
  restoreFile,
  intro,
}: {
  onBack: () => void;
  restoreFile: (file: BackupFile, dataKey?: Uint8Array) => Promise<void>;
  intro?: string;
}) {
  const { t } = useTranslation(['setup', 'backup', 'common', 'users']);
  const [file, setFile] = useState<NewComputerBackup>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const problem = useBackupProblemText();

  const choose = async (dropped?: BackupFile) => {
    setError(null);
    try {
      const picked = dropped ? newComputerBackup(dropped) : await pickBackupForNewComputer();
      if (picked) setFile(picked);
    } catch (e) {
      setFile(undefined);
      setError(problem(e));
    }
  };

  const restore = async (dataKey?: Uint8Array) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await restoreFile(file, dataKey);
      notifications.show({ color: 'teal', message: t('setup:restore.done', { name: file.fileName }) });
    } catch (e) {
      setError(problem(e));
      throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack data-testid="restore-backup">
      <div>
        <Title order={1} c="teal.9">
          {t('common:appName')}
        </Title>
        <Title order={2} size="h3">
          {t('setup:restore.title')}
        </Title>
      </div>
      <Text size="sm">{intro ?? t('setup:restore.text')}</Text>
      <FileDropzone extensions={BACKUP_EXTENSIONS} onFiles={([f]) => f && choose({ fileName: f.fileName, bytes: f.data })} testId="backup-dropzone">
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => void choose()}>
          {t('setup:restore.chooseFile')}
        </Button>
        <Text size="sm" c={file ? undefined : 'dimmed'} data-testid="backup-file">
          {file?.fileName ?? t('setup:restore.noFile')}
        </Text>
      </FileDropzone>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {file?.sealed && (
        <BackupKeyForm bytes={file.bytes} onKey={(key) => restore(key).catch(() => undefined)} submitLabel={t('backup:restore')} onBack={onBack} />
      )}
      {file && !file.sealed && (
        <>
          <Alert color="orange">{t('setup:restore.plain')}</Alert>
          <Group justify="space-between">
            <Button variant="subtle" onClick={onBack}>
              {t('users:signIn.back')}
            </Button>
            <Button loading={busy} onClick={() => void restore().catch(() => undefined)}>
              {t('backup:restore')}
            </Button>
          </Group>
        </>
      )}
      {!file && (
        <Group>
          <Button variant="subtle" onClick={onBack}>
            {t('users:signIn.back')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
