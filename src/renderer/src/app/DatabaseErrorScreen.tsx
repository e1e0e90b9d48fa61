import { Alert, Button, Code, Container, Group, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconDatabaseOff } from '@tabler/icons-react';
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme';
import { platform } from '../platform';
import { restoreAfterOpenFailed } from '../features/backups/actions';
import { RestoreBackupFlow } from '../features/backups/RestoreFromBackup';

/**
 * Shown instead of the app when the data cannot be opened (a newer Mreža wrote it, the profile
 * is damaged, the disk is full or read-only): a screen that says so, never a blank window, and
 * nothing deleted or reset. What to do next depends on the cause; "Restore from a backup" takes
 * the setup screen's steps into a new store and opens the app on it (restoreAfterOpenFailed).
 */
export function DatabaseErrorScreen({ error, i18n, canQuit }: { error: unknown; i18n: I18n; canQuit: boolean }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DatabaseError error={error} canQuit={canQuit} />
      </MantineProvider>
    </I18nextProvider>
  );
}

function DatabaseError({ error, canQuit }: { error: unknown; canQuit: boolean }) {
  const { t } = useTranslation('common');
  const [restoring, setRestoring] = useState(false);
  const name = error instanceof Error ? error.name : 'Error';
  // Dexie repeats the inner error on further lines.
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  // Dexie names the IndexedDB error; a newer schema than this app knows is the common case after a downgrade.
  const cause = name === 'VersionError' ? 'newer' : name === 'QuotaExceededError' ? 'full' : 'other';
  const details = `${name}: ${message}\n${new Date().toISOString()}\n${error instanceof Error ? (error.stack ?? '') : ''}`;
  if (restoring) {
    return (
      <Container size="sm" py="xl">
        <RestoreBackupFlow
          intro={t('databaseError.restoreIntro')}
          onBack={() => setRestoring(false)}
          restoreFile={async (file, dataKey) => {
            await restoreAfterOpenFailed(file.bytes, file.fileName, dataKey);
            // The app starts again on the restored store: the lock screen asks who is working.
            window.location.reload();
          }}
        />
      </Container>
    );
  }
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('databaseError.title')}
        </Title>
        <Alert role="alert" color="red" variant="light" icon={<IconDatabaseOff />} data-testid="database-error">
          <Stack gap="xs">
            <Text>{t(`databaseError.cause.${cause}`)}</Text>
            <Text size="sm">{t('databaseError.nothingLost')}</Text>
          </Stack>
        </Alert>
        <Code block>{`${name}: ${message}`}</Code>
        <Group>
          <Button onClick={() => window.location.reload()}>{t('databaseError.retry')}</Button>
          <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => setRestoring(true)}>
            {t('databaseError.restore')}
          </Button>
          <Button variant="default" onClick={() => void navigator.clipboard?.writeText(details).catch(() => undefined)}>
            {t('screenError.copy')}
          </Button>
          {canQuit && (
            <Button variant="default" onClick={() => void platform.invoke('app:openLogsFolder', undefined).catch(() => undefined)}>
              {t('screenError.openLogs')}
            </Button>
          )}
          {/* Closing the only window quits the desktop app; a browser tab cannot close itself. */}
          {canQuit && (
            <Button variant="subtle" color="gray" onClick={() => window.close()}>
              {t('databaseError.quit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Container>
  );
}
