import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileExport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentorModeSettings } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { OpenMentorPack } from './OpenMentorPack';
import { PackProblemAlert, packProblemOf, type PackProblem } from './PackProblemAlert';
import { useFormat } from '../../components/useFormat';
import { ensureIdentity } from '../../db/exchange';
import { EndMentoring } from './EndMentoring';
import { saveMyLogs } from './actions';
import { WaitingLogs } from './WaitingLogs';

/** Mentor mode: one signed file of all her logs, readable only by the coordinator's organisation. */
export function SendLogs({ mode }: { mode: MentorModeSettings }) {
  const { t } = useTranslation('mentorPack');
  const { db, actor, settings } = useApp();
  const fmt = useFormat();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ fileName: string; count: number }>();
  const [problem, setProblem] = useState<PackProblem>();
  const [own, setOwn] = useState<string>();
  useEffect(() => {
    let live = true;
    void ensureIdentity(db).then((id) => live && setOwn(id.fingerprint));
    return () => {
      live = false;
    };
  }, [db]);
  const write = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const res = await saveMyLogs(db, actor);
      if (res) setSaved(res);
    } catch (e) {
      setProblem(packProblemOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="lg" maw={900}>
      <WaitingLogs mode={mode} />
      <Paper withBorder radius="md" p="lg" data-testid="send-logs">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('send.title')}
          </Title>
          <Text size="sm">{t('send.text', { organisation: mode.organisation.name })}</Text>
          <Text size="sm" c="dimmed" data-testid="last-sent">
            {mode.lastExportAt ? t('send.last', { date: fmt.dateTime(mode.lastExportAt) }) : t('send.never')}
          </Text>
          <PackProblemAlert problem={problem} />
          {saved && (
            <Alert color="teal" data-testid="logs-saved">
              {t('send.saved', { fileName: saved.fileName, count: saved.count })}
            </Alert>
          )}
          <Group>
            <Button leftSection={<IconFileExport size={16} />} onClick={() => void write()} loading={busy}>
              {t('send.write')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg" data-testid="newer-pack">
        <OpenMentorPack newer language={settings.language} onDone={() => notifications.show({ color: 'teal', message: t('newer.opened') })} />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('send.keysTitle')}
          </Title>
          <Text size="sm">{t('send.keysText')}</Text>
          <Text size="sm" fw={500}>
            {t('send.ownKey')}
          </Text>
          <Code block data-testid="own-fingerprint" fz="md" style={{ letterSpacing: '0.08em', wordSpacing: '0.4em', whiteSpace: 'normal' }}>
            {own ?? '…'}
          </Code>
          <Text size="sm" fw={500}>
            {t('send.coordinatorKey', { organisation: mode.organisation.name })}
          </Text>
          <Code block fz="md" style={{ letterSpacing: '0.08em', wordSpacing: '0.4em', whiteSpace: 'normal' }}>
            {mode.orgFingerprint}
          </Code>
        </Stack>
      </Paper>
      <EndMentoring mode={mode} />
    </Stack>
  );
}
