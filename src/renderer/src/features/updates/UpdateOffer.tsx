import { Button, Group, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '@shared/updates';
import { useFormat } from '../../components/useFormat';

type Shown = Extract<UpdateState, { status: 'available' | 'downloading' | 'ready' }>;

/** "Version X is available", what changed, and the one next step; shared by the notice and Settings. */
export function UpdateOffer({ state, onInstall, onRestart, onLater }: { state: Shown; onInstall: () => void; onRestart: () => void; onLater?: () => void }) {
  const { t } = useTranslation('settings');
  const fmt = useFormat();
  return (
    <Stack gap="xs" data-testid="update-offer">
      <Text fw={600}>{state.status === 'ready' ? t('updates.ready', { version: state.version }) : t('updates.available', { version: state.version })}</Text>
      {state.releaseNotes !== '' && (
        <>
          <Text size="sm" c="dimmed">
            {t('updates.whatChanged')}
          </Text>
          <ScrollArea.Autosize mah={160} type="auto">
            {/* Plain text only (releaseNotesText): never HTML from the feed. */}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="release-notes">
              {state.releaseNotes}
            </Text>
          </ScrollArea.Autosize>
        </>
      )}
      {state.status === 'downloading' && (
        <>
          <Text size="sm">{t('updates.downloading', { percent: fmt.number(Math.floor(state.percent)) })}</Text>
          <Progress value={state.percent} aria-label={t('updates.downloading', { percent: fmt.number(Math.floor(state.percent)) })} />
        </>
      )}
      <Group gap="xs">
        {state.status === 'available' && <Button onClick={onInstall}>{t('updates.installOnRestart')}</Button>}
        {state.status === 'ready' && <Button onClick={onRestart}>{t('updates.restartNow')}</Button>}
        {onLater && state.status === 'available' && (
          <Button variant="default" onClick={onLater}>
            {t('updates.later')}
          </Button>
        )}
      </Group>
      {state.status === 'available' && (
        <Text size="xs" c="dimmed">
          {t('updates.installHint')}
        </Text>
      )}
    </Stack>
  );
}
