import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can } from '@shared/auth/permissions';
import { useFormat } from '../../components/useFormat';
import { useApp } from '../../session/AppContext';
import { useBackupHealth, writeBackup } from './actions';
import { useBackupProblemText } from './useBackupProblemText';

/**
 * In the shell above every screen while the automatic backups fail: it has no close button and
 * goes away only when a backup is written (by the hourly retry, "Back up now" here or in Settings).
 */
export function BackupFailingBanner() {
  const { t } = useTranslation('backup');
  const { db, actor } = useApp();
  const health = useBackupHealth();
  const fmt = useFormat();
  const navigate = useNavigate();
  const problem = useBackupProblemText();
  const [busy, setBusy] = useState(false);
  if (health.lastFailureAt === null) return null;
  const retry = async () => {
    setBusy(true);
    try {
      // The automatic kind: every role may write it, and it counts as today's daily backup.
      const info = await writeBackup(db, 'auto');
      notifications.show({ color: 'teal', message: t('written', { name: info.fileName }) });
    } catch (e) {
      notifications.show({ color: 'red', title: t('automaticFailed'), message: problem(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('automaticFailed')} mb="md" role="alert" data-testid="backup-failing">
      <Text size="sm">{t('automaticFailingBanner', { at: fmt.dateTime(health.lastFailureAt) })}</Text>
      <Group gap="sm" mt="sm">
        <Button size="xs" loading={busy} onClick={() => void retry()} data-testid="backup-failing-retry">
          {t('backUpNow')}
        </Button>
        {can(actor.role, 'backupSave') && (
          <Button size="xs" variant="subtle" onClick={() => void navigate('/settings/backups')}>
            {t('backupsSettings')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
