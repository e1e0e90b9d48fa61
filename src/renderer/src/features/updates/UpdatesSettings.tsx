import { Alert, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat';
import { isElectron } from '../../platform';
import { UpdateOffer } from './UpdateOffer';
import { useUpdates } from './useUpdates';

/** Settings → Updates: the opt-in (off by default), "Check now", and the state of the last check. */
export function UpdatesSettings() {
  const { t } = useTranslation('settings');
  const fmt = useFormat();
  const { status, failed, setAutoCheck, checkNow, download, restart } = useUpdates();
  if (failed && !status) return <Alert color="red">{t('updates.errors.failed')}</Alert>;
  if (!status) return null;
  const state = status.state;

  return (
    <Paper withBorder radius="md" p="lg" maw={640} data-testid="updates-settings">
      <Stack>
        <Text size="sm">{t('updates.currentVersion', { version: status.currentVersion })}</Text>
        {!status.supported ? (
          <Alert icon={<IconInfoCircle size={18} />} color="blue" data-testid="updates-unsupported">
            {isElectron ? t('updates.unsupportedCopy') : t('updates.browserBuild')}
          </Alert>
        ) : (
          <>
            <Switch
              checked={status.autoCheck}
              onChange={(e) => void setAutoCheck(e.currentTarget.checked)}
              label={t('updates.autoCheck')}
              description={t('updates.autoCheckHint')}
            />
            <Group>
              <Button
                variant="default"
                loading={state.status === 'checking'}
                disabled={state.status === 'downloading' || state.status === 'ready'}
                onClick={() => void checkNow()}
              >
                {t('updates.checkNow')}
              </Button>
              <Text size="sm" c="dimmed" data-testid="update-state">
                {state.status === 'checking'
                  ? t('updates.checking')
                  : state.status === 'error'
                    ? t(`updates.errors.${state.code}`)
                    : state.status === 'idle' && status.lastCheckAt
                      ? t('updates.upToDate', { date: fmt.dateTime(status.lastCheckAt) })
                      : null}
              </Text>
            </Group>
            {(state.status === 'available' || state.status === 'downloading' || state.status === 'ready') && (
              <UpdateOffer state={state} onInstall={() => void download()} onRestart={() => void restart()} />
            )}
          </>
        )}
        <Text size="xs" c="dimmed">
          {t('updates.privacy')}
        </Text>
      </Stack>
    </Paper>
  );
}
