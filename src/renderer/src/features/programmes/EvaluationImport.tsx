import { Alert, Button, Group, List, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guessEvaluationColumns, type EvaluationColumn, type EvaluationImportPreview } from '@shared/import/evaluations';
import type { LoadedFile } from '@shared/import/file';
import { LOCALES } from '@shared/i18n/locales';
import { PRESET_QUESTIONS } from '@shared/model';
import type { QuestionSetDraft } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { platform } from '../../platform';
import { checkEvaluationFile, openEvaluationFile, writeEvaluationImport } from './actions';
import { questionLabel } from './questionLabel';

const encode = (c: EvaluationColumn) => (c === null ? '' : c.kind === 'timestamp' ? '@timestamp' : c.key);
const decode = (v: string | null): EvaluationColumn => (!v ? null : v === '@timestamp' ? { kind: 'timestamp' } : { kind: 'question', key: v });

/** Responses from an online form's export: file → columns → the row report → import (good rows only; the file keeps the rest). */
export function EvaluationImport({ opened, onClose, eventId, form }: { opened: boolean; onClose: () => void; eventId: string; form: QuestionSetDraft }) {
  const { t, i18n } = useTranslation(['programmes', 'participants', 'common']);
  const { db, actor } = useApp();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [columns, setColumns] = useState<EvaluationColumn[]>([]);
  const [preview, setPreview] = useState<EvaluationImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => (setFile(null), setColumns([]), setPreview(null), setError(null));
  const close = () => (reset(), onClose());

  // A header is matched against each question's wording in every language of the app.
  const labels = new Map(
    form.questions.map((q) => [
      q.key,
      q.text
        ? [q.text]
        : (PRESET_QUESTIONS as readonly string[]).includes(q.key)
          ? LOCALES.map((l) => i18n.getFixedT(l, 'programmes')(`evaluation.questions.${q.key}`))
          : [],
    ]),
  );

  async function choose() {
    setError(null);
    const picked = (
      await platform.invoke('file:open', {
        filters: [{ name: t('programmes:evaluation.import.fileFilter'), extensions: ['xlsx', 'xls', 'csv', 'txt'] }],
        multiple: false,
      })
    )[0];
    if (!picked) return;
    const opened = openEvaluationFile(picked.fileName, picked.data);
    if (!opened.ok) return setError(t(`participants:importer.errors.${opened.code}`, { file: picked.fileName }));
    const headers = (opened.file.rows[0] ?? []).map((c) => (c === null ? '' : String(c)));
    const guessed = guessEvaluationColumns(headers, labels);
    setFile(opened.file);
    setColumns(guessed);
    setPreview(checkEvaluationFile(opened.file, guessed, form));
  }

  const remap = (i: number, v: string | null) => {
    if (!file) return;
    const next = columns.map((c, j) => (j === i ? decode(v) : c));
    setColumns(next);
    setPreview(checkEvaluationFile(file, next, form));
  };

  async function write() {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const result = await writeEvaluationImport({ db, actor }, eventId, file.fileName, preview);
      notifications.show({ color: 'teal', message: t('programmes:evaluation.import.done', { added: result.added, duplicates: result.duplicates }) });
      close();
    } catch {
      setError(t('participants:importer.errors.writeFailed', { file: file.fileName }));
    } finally {
      setBusy(false);
    }
  }

  const headers = (file?.rows[0] ?? []).map((c) => (c === null ? '' : String(c)));
  const options = [
    { value: '', label: t('programmes:evaluation.import.ignore') },
    { value: '@timestamp', label: t('programmes:evaluation.import.timestamp') },
    ...form.questions.map((q) => ({ value: q.key, label: questionLabel(t, q) })),
  ];
  const mapped = columns.some((c) => c?.kind === 'question');

  return (
    <Modal opened={opened} onClose={close} title={t('programmes:evaluation.import.title')} size="xl">
      <Stack>
        <Text size="sm">{t('programmes:evaluation.import.help', { max: form.scaleMax })}</Text>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="evaluation-import-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button
            leftSection={<IconFileImport size={16} />}
            variant={file ? 'default' : 'filled'}
            onClick={() => void choose()}
            data-testid="evaluation-choose-file"
          >
            {t('programmes:evaluation.import.choose')}
          </Button>
          {file && <Text size="sm">{t('programmes:evaluation.import.fileInfo', { file: file.fileName, rows: file.rows.length - 1 })}</Text>}
        </Group>
        {file && (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes:evaluation.import.column')}</Table.Th>
                <Table.Th>{t('programmes:evaluation.import.mapsTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {headers.map((h, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{h || '—'}</Table.Td>
                  <Table.Td>
                    <Select size="xs" aria-label={h} data={options} value={encode(columns[i] ?? null)} onChange={(v) => remap(i, v)} allowDeselect={false} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {file && !mapped && <Alert color="yellow">{t('programmes:evaluation.import.noQuestionColumn')}</Alert>}
        {preview && mapped && (
          <>
            <Text fw={600} data-testid="evaluation-import-count">
              {t('programmes:evaluation.import.toImport', { n: preview.rows.length })}
            </Text>
            {preview.issues.length > 0 && (
              <Alert color="orange" title={t('programmes:evaluation.import.issuesTitle', { n: preview.issues.length })} data-testid="evaluation-import-issues">
                <ScrollArea.Autosize mah={200}>
                  <List size="sm">
                    {preview.issues.map((issue, k) => (
                      <List.Item key={k}>{t(`programmes:evaluation.import.issues.${issue.code}`, { ...issue, max: form.scaleMax })}</List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
                <Text size="sm" mt="xs">
                  {t('programmes:evaluation.import.nothingLost')}
                </Text>
              </Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:cancel')}
          </Button>
          <Button disabled={!preview || !mapped || preview.rows.length === 0} loading={busy} onClick={() => void write()} data-testid="evaluation-import-write">
            {t('programmes:evaluation.import.write', { n: preview?.rows.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
