import { Alert, Button, Checkbox, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileExport, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentorModeSettings } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { PackProblemAlert, packProblemOf, type PackProblem } from './PackProblemAlert';
import { useFormat } from '../../components/useFormat';
import type { EndMentoringSummary } from '../../db/mentorLaptop';
import { endMentoringOnThisComputer, endMentoringPreview, saveMyLogs } from './actions';
import { ORANGE_TITLE } from './WaitingLogs';

/**
 * Mentor mode: "End mentoring on this computer". Two steps: this button, then a dialog that names
 * everything that will be deleted, warns about logs that have not reached the coordinator (with a
 * way to save them first) and asks her to confirm that it cannot be undone.
 */
export function EndMentoring({ mode }: { mode: MentorModeSettings }) {
  const { t } = useTranslation('mentorPack');
  const { db } = useApp();
  const [summary, setSummary] = useState<EndMentoringSummary>();
  const open = async () => setSummary(await endMentoringPreview(db));
  return (
    <Paper withBorder radius="md" p="lg" data-testid="end-mentoring">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('end.title')}
        </Title>
        <Text size="sm">{t('end.text', { organisation: mode.organisation.name })}</Text>
        <Group>
          <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => void open()}>
            {t('end.start')}
          </Button>
        </Group>
      </Stack>
      {summary && <EndMentoringDialog summary={summary} onClose={() => setSummary(undefined)} onSaved={() => void open()} />}
    </Paper>
  );
}

function EndMentoringDialog({ summary, onClose, onSaved }: { summary: EndMentoringSummary; onClose: () => void; onSaved: () => void }) {
  const { mode } = summary;
  const { t } = useTranslation('mentorPack');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PackProblem>();
  const [failed, setFailed] = useState(false);
  const organisation = mode.organisation.name;
  const unsent = summary.mentees.filter((m) => m.unsent > 0);
  const unsentTotal = unsent.reduce((n, m) => n + m.unsent, 0);
  const notInAFile = summary.mentees.reduce((n, m) => n + m.notInAFile, 0);

  const save = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      if (await saveMyLogs(db, actor)) onSaved();
    } catch (e) {
      setProblem(packProblemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const end = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await endMentoringOnThisComputer(db);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={t('end.confirmTitle')} size="lg">
      <Stack gap="sm" data-testid="end-mentoring-dialog">
        <Text size="sm">{t('end.willDelete', { organisation })}</Text>
        <List size="sm" spacing={4}>
          <List.Item data-testid="end-mentees">
            {summary.mentees.length
              ? t('end.mentees', { count: summary.mentees.length, names: summary.mentees.map((m) => m.name).join(', ') })
              : t('end.noMentees')}
          </List.Item>
          <List.Item>{t('end.logs', { count: summary.logs })}</List.Item>
          <List.Item>{t('end.packAndKey', { organisation })}</List.Item>
          <List.Item>{t('end.backups')}</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t('end.afterwards', { organisation })}
        </Text>
        {unsentTotal > 0 && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} />}
            title={t('end.unsentTitle', { count: unsentTotal, organisation })}
            data-testid="end-unsent"
            styles={ORANGE_TITLE}
          >
            <Stack gap={6}>
              <List size="sm" spacing={2}>
                {unsent.map((m) => (
                  <List.Item key={m.name}>{t('end.unsentFor', { name: m.name, count: m.unsent })}</List.Item>
                ))}
              </List>
              <Text size="sm">
                {notInAFile > 0
                  ? t('end.saveFirst', { organisation })
                  : t('end.savedMakeSure', { date: mode.lastExportAt ? fmt.dateTime(mode.lastExportAt) : '—', organisation })}
              </Text>
              {notInAFile > 0 && (
                <Group>
                  <Button size="xs" leftSection={<IconFileExport size={14} />} onClick={() => void save()} loading={busy}>
                    {t('end.saveLogs')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        <PackProblemAlert problem={problem} />
        {failed && (
          <Alert color="red" role="alert">
            {t('end.failed')}
          </Alert>
        )}
        <Checkbox label={t('end.understand')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} disabled={busy} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('end.cancel')}
          </Button>
          <Button color="red" leftSection={<IconTrash size={16} />} disabled={!understood} loading={busy} onClick={() => void end()}>
            {t('end.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
