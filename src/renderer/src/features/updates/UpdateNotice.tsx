import { Affix, CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeFor } from '@shared/updates';
import { UpdateOffer } from './UpdateOffer';
import { useUpdates } from './useUpdates';

/** The version whose offer the user put off ("Later"), for this session of the app. */
const LATER_KEY = 'mreza.updates.later';

/**
 * A non-blocking notice in the corner: a newer version and what changed, "Install on restart";
 * then the download and "Restart now". Only for those who may change the app's settings.
 */
export function UpdateNotice() {
  const { t } = useTranslation('settings');
  const { status, download, restart } = useUpdates();
  const [later, setLater] = useState<string | null>(() => sessionStorage.getItem(LATER_KEY));
  if (!status) return null;
  const state = status.state;
  const notice = noticeFor(state, later);
  if (notice === null || state.status === 'idle' || state.status === 'checking' || state.status === 'error') return null;
  const putOff = () => {
    sessionStorage.setItem(LATER_KEY, state.version);
    setLater(state.version);
  };
  return (
    <Affix position={{ bottom: 20, right: 20 }} zIndex={150}>
      <Paper withBorder shadow="md" radius="md" p="md" w={380} role="status" aria-live="polite" data-testid="update-notice">
        <Group justify="space-between" wrap="nowrap" mb={4}>
          <Group gap={6}>
            <IconDownload size={18} />
            <Text size="sm" fw={500}>
              {t('updates.title')}
            </Text>
          </Group>
          {state.status === 'available' && <CloseButton aria-label={t('updates.later')} onClick={putOff} />}
        </Group>
        <UpdateOffer state={state} onInstall={() => void download()} onRestart={() => void restart()} onLater={putOff} />
      </Paper>
    </Affix>
  );
}
