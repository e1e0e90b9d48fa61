import { Alert, Badge, Button, Code, Group, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogChange } from '@shared/mentorPack';
import { useApp } from '../../session/AppContext';
import { PACK_EXT, PackProblemAlert, packProblemOf, type PackProblem } from './PackProblemAlert';
import { useFormat } from '../../components/useFormat';
import { genderContext } from '@shared/i18n';
import { matchRows, mentorRows } from '../../db/mentoring';
import type { LogsPreview } from '../../db/mentorPacks';
import { commitLogs, pickLogsFile, previewLogs } from './actions';
import { Section } from '../../components/Section';
import { FileDropzone, type DroppedFile } from '../../components/FileDropzone';
import { FILE_KIND_EXTENSION } from '@shared/files/kinds';
import { useOpenedFile } from '../openFiles';

const CHANGE_COLOR: Record<LogChange, string> = { add: 'teal', replace: 'blue', unchanged: 'gray', keptLocal: 'orange' };

/** Coordinator: a mentor's session logs, shown as a dry run, then written in one transaction. */
export function ImportLogsPanel() {
  const { t } = useTranslation(['mentorPack', 'mentoring']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const [preview, setPreview] = useState<LogsPreview>();
  const [problem, setProblem] = useState<PackProblem>();
  const [busy, setBusy] = useState(false);
  const names = useLiveQuery(async () => new Map((await matchRows(db, actor)).map((r) => [r.match.id, r] as const)), [db]);
  // The mentor's recorded gender, so "this mentor's earlier logs" agrees with her or him.
  const mentors = useLiveQuery(
    async () => new Map((await mentorRows(db, actor, undefined, fmt.locale)).map((r) => [r.mentor.id, r] as const)),
    [db, actor, fmt.locale],
  );

  const choose = async () => {
    const file = await pickLogsFile();
    if (file) await takeFile(file);
  };
  // A logs file double-clicked or dropped on the window comes here too.
  useOpenedFile('sessionLogs', (file) => void takeFile(file));
  async function takeFile(file: DroppedFile) {
    setPreview(undefined);
    setProblem(undefined);
    setBusy(true);
    try {
      setPreview(await previewLogs(db, file));
    } catch (e) {
      setProblem(packProblemOf(e));
    } finally {
      setBusy(false);
    }
  }
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const res = await commitLogs(db, actor, preview);
      notifications.show({ color: 'teal', message: t('import.committed', { count: res.written }) });
      setPreview(undefined);
    } catch (e) {
      setProblem(packProblemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const plan = preview?.plan;
  const mentorName = plan ? ([...(names?.values() ?? [])].find((r) => r.match.mentorId === plan.mentorId)?.mentorName ?? '—') : '';
  const mentorGender = { context: genderContext(plan ? mentors?.get(plan.mentorId)?.person?.gender : undefined) };
  const writes = plan ? plan.totals.add + plan.totals.replace : 0;
  return (
    <Section title={t('import.title')} testId="import-logs">
      <Text size="sm">{t('import.text', PACK_EXT)}</Text>
      <FileDropzone extensions={[FILE_KIND_EXTENSION.sessionLogs]} onFiles={([file]) => file && takeFile(file)} disabled={busy} testId="logs-dropzone">
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => void choose()} loading={busy && !preview}>
          {t('import.choose')}
        </Button>
      </FileDropzone>
      <PackProblemAlert problem={problem} />
      {plan && preview && (
        <Paper withBorder radius="md" p="md" data-testid="logs-dry-run">
          <Text fw={500}>{t('import.from', { mentor: mentorName, date: fmt.dateTime(plan.exportedAt), fileName: preview.fileName })}</Text>
          <Text size="sm" data-testid="logs-totals">
            {t('import.totals', { add: plan.totals.add, replace: plan.totals.replace, unchanged: plan.totals.unchanged, keptLocal: plan.totals.keptLocal })}
          </Text>
          {plan.trust === 'firstUse' ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('import.firstUse', mentorGender)} <Code>{plan.fingerprint}</Code>
            </Text>
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {t('import.pinned', mentorGender)}
            </Text>
          )}
          {plan.status === 'alreadyImported' ? (
            <Alert color="gray" mt="sm" data-testid="no-changes">
              {t('import.alreadyImported')}
            </Alert>
          ) : (
            writes === 0 && (
              <Alert color="gray" mt="sm" data-testid="no-changes">
                {t('import.nothingNew')}
              </Alert>
            )
          )}
          {plan.items.some((i) => i.change !== 'unchanged') && (
            <Table mt="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mentoring:date')}</Table.Th>
                  <Table.Th>{t('mentoring:mentee')}</Table.Th>
                  <Table.Th>{t('import.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.items
                  .filter((i) => i.change !== 'unchanged')
                  .map((i) => (
                    <Table.Tr key={i.id} data-testid="log-plan-row">
                      <Table.Td>
                        {fmt.date(i.date)}
                        {i.planned && (
                          <Badge ml={6} size="xs" variant="light" color="violet">
                            {t('mentoring:planned')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{names?.get(i.matchId)?.menteeName ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={CHANGE_COLOR[i.change]}>
                          {t(`import.changes.${i.change}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setPreview(undefined)}>
              {t('import.cancel')}
            </Button>
            <Button onClick={() => void commit()} disabled={plan.status !== 'apply'} loading={busy}>
              {t('import.commit')}
            </Button>
          </Group>
        </Paper>
      )}
    </Section>
  );
}
