import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconFileImport } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '@shared/import/headers';
import type { LoadedFile } from '@shared/import/file';
import { municipalityLabel } from '@shared/gazetteer';
import { mappingIsUsable, type ImportWarning } from '@shared/import/people';
import type { ImportHistory, Person } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { platform } from '../../platform';
import { FileDropzone } from '../../components/FileDropzone';

import { checkImport, countToImport, importHeaders, openImportFile, rowsToImport, writeImport, type CheckedImport } from './actions';
import { useConfirmUndoImport } from './confirmUndoImport';

/** The table files an import reads. */
const TABLE_EXTENSIONS = ['xlsx', 'xls', 'csv', 'txt'] as const;

const MAX_ISSUES_SHOWN = 300;
/** Rows shown as they will be saved, so a swapped first name and surname is seen before writing. */
const SAMPLE_ROWS = 8;

export function ImportWizard() {
  const { t } = useTranslation(['participants', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [remembered, setRemembered] = useState(false);
  const [kind, setKind] = useState<Person['kind']>('beneficiary');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [checked, setChecked] = useState<CheckedImport | null>(null);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [done, setDone] = useState<ImportHistory | null>(null);
  const [undone, setUndone] = useState(false);
  /** Rows written so far of all, while the import is writing. */
  const [writing, setWriting] = useState<{ done: number; total: number } | null>(null);
  const [stopping, setStopping] = useState(false);
  const running = useRef<AbortController | null>(null);
  const confirmUndo = useConfirmUndoImport();

  async function choose() {
    setError(null);
    const files = await platform.invoke('file:open', {
      filters: [{ name: t('participants:importer.fileFilter'), extensions: [...TABLE_EXTENSIONS] }],
      multiple: false,
    });
    const picked = files[0];
    if (picked) await takeFile(picked);
  }

  /** A table file chosen in the dialog or dropped on the zone. */
  async function takeFile(picked: { fileName: string; data: Uint8Array }) {
    setError(null);
    const opened = await openImportFile({ db }, picked.fileName, picked.data);
    if (!opened.ok) {
      setError(t(`participants:importer.errors.${opened.code}`, { file: picked.fileName }));
      return;
    }
    setRemembered(opened.opened.remembered);
    setMapping(opened.opened.mapping);
    setFile(opened.opened.file);
    setStep(1);
  }

  async function check() {
    if (!file) return;
    setError(null);
    setProgress({ label: t('participants:importer.checking'), value: 0 });
    setChecked(
      await checkImport({ db }, file, mapping, kind, (fraction) => setProgress({ label: t('participants:importer.checking'), value: 100 * fraction })),
    );
    setProgress(null);
    setStep(2);
  }

  async function write() {
    if (!file || !checked) return;
    const rows = rowsToImport(checked, skipDuplicates);
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setWriting({ done: 0, total: rows.length });
    const result = await writeImport({ db, actor }, file.fileName, rows, {
      signal: controller.signal,
      onProgress: (done, total) => setWriting({ done, total }),
    });
    if (result.status === 'written') {
      setDone(result.history);
      setStep(3);
    } else if (result.status === 'cancelled') {
      // Rolled back: nothing of the file is stored. The user asked for nothing, so back to the list.
      notifications.show({ color: 'teal', message: t('participants:importer.cancelled', { file: file.fileName }) });
      void navigate('/participants');
    } else {
      setError(t('participants:importer.errors.writeFailed', { file: file.fileName }));
    }
    running.current = null;
    setWriting(null);
    setStopping(false);
  }

  /** "Import nothing": while writing, it stops the import (write() then leaves); otherwise it leaves. */
  function importNothing() {
    if (running.current) {
      setStopping(true);
      running.current.abort();
      return;
    }
    void navigate('/participants');
  }

  const headers = file ? importHeaders(file) : [];
  const fieldOptions = [
    { value: '', label: t('participants:importer.skipColumn') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`participants:importer.fields.${f}`) })),
  ];
  const toImport = checked ? countToImport(checked, skipDuplicates) : 0;
  const preview = checked?.preview;
  const duplicates = checked?.duplicates ?? [];
  const place = (name: string | undefined) => (name ? municipalityLabel(name, fmt.locale) : '');
  const warningText = (w: ImportWarning) => {
    const text = t(`participants:importer.warnings.${w.code}`, { value: w.value, country: w.country ? t(`common:countries.${w.country}`) : '' });
    return w.suggestions.length ? `${text} ${t('participants:importer.didYouMean', { names: w.suggestions.map(place).join(', ') })}` : text;
  };

  return (
    <>
      <Anchor size="sm" onClick={() => void navigate('/participants')} mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('participants:backToList')}
      </Anchor>
      <PageHeader title={t('participants:importer.title')} description={t('participants:importer.description')} />
      <Stepper active={step} mb="lg" size="sm">
        <Stepper.Step label={t('participants:importer.steps.file')} />
        <Stepper.Step label={t('participants:importer.steps.columns')} />
        <Stepper.Step label={t('participants:importer.steps.check')} />
        <Stepper.Step label={t('participants:importer.steps.done')} />
      </Stepper>
      {error && (
        <Alert color="red" mb="md" icon={<IconAlertTriangle size={18} />} data-testid="import-error">
          {error}
        </Alert>
      )}
      {progress && (
        <Card withBorder mb="md" data-testid="import-progress">
          <Text size="sm" mb={4}>
            {progress.label}
          </Text>
          <Progress value={progress.value} animated />
        </Card>
      )}
      {writing && (
        <Card withBorder mb="md" data-testid="import-progress">
          <Text size="sm" mb={4} data-testid="write-progress" data-done={writing.done} data-total={writing.total}>
            {t('participants:importer.writingProgress', { done: writing.done, count: writing.total })}
          </Text>
          <Progress
            value={(100 * writing.done) / Math.max(1, writing.total)}
            animated
            aria-label={t('participants:importer.writingProgress', { done: writing.done, count: writing.total })}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('participants:importer.writingHint')}
          </Text>
        </Card>
      )}

      {step === 0 && (
        <Card withBorder radius="md" p="xl">
          <Stack align="flex-start">
            <Text>{t('participants:importer.fileHelp')}</Text>
            <FileDropzone extensions={TABLE_EXTENSIONS} onFiles={([f]) => f && takeFile(f)} testId="import-dropzone">
              <Button leftSection={<IconFileImport size={16} />} onClick={() => void choose()} data-testid="choose-file">
                {t('participants:importer.chooseFile')}
              </Button>
            </FileDropzone>
          </Stack>
        </Card>
      )}

      {step === 1 && file && (
        <Card withBorder radius="md">
          <Group justify="space-between" mb="sm">
            <Text size="sm" data-testid="file-info">
              {t('participants:importer.fileInfo', { file: file.fileName, count: file.rows.length - 1 })}
              {file.format === 'csv' && ` · ${file.encoding?.toUpperCase()} · “${file.delimiter === '\t' ? 'TAB' : file.delimiter}”`}
            </Text>
            {remembered && <Badge variant="light">{t('participants:importer.remembered')}</Badge>}
          </Group>
          <Group mb="sm">
            <Text size="sm">{t('participants:importer.defaultKind')}</Text>
            <SegmentedControl
              size="xs"
              value={kind}
              onChange={(v) => setKind(v as Person['kind'])}
              data={[
                { value: 'beneficiary', label: t('participants:kinds.beneficiary') },
                { value: 'professional', label: t('participants:kinds.professional') },
              ]}
            />
          </Group>
          <ScrollArea h={420}>
            <Table data-testid="mapping-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('participants:importer.column')}</Table.Th>
                  <Table.Th>{t('participants:importer.sample')}</Table.Th>
                  <Table.Th>{t('participants:importer.field')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {headers.map((h, i) => (
                  <Table.Tr key={i} data-testid="mapping-row">
                    <Table.Td fw={500}>{h || `#${i + 1}`}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" truncate maw={260}>
                        {file.rows
                          .slice(1, 4)
                          .map((r) => String(r[i] ?? ''))
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td w={260}>
                      <Select
                        aria-label={t('participants:importer.fieldFor', { column: h || `#${i + 1}` })}
                        data={fieldOptions}
                        value={mapping[i] ?? ''}
                        allowDeselect={false}
                        onChange={(v) => setMapping((m) => headers.map((_, j) => (j === i ? ((v || null) as ImportField | null) : (m[j] ?? null))))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {!mappingIsUsable(mapping) && (
            <Alert color="yellow" mt="sm">
              {t('participants:importer.needName')}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('participants:importer.back')}
            </Button>
            <Button onClick={() => void check()} disabled={!mappingIsUsable(mapping) || progress !== null} data-testid="check-rows">
              {t('participants:importer.check')}
            </Button>
          </Group>
        </Card>
      )}

      {step === 2 && file && preview && (
        <Card withBorder radius="md">
          <Group mb="sm" gap="lg">
            <Badge size="lg" color="teal" variant="light" data-testid="valid-count">
              {t('participants:importer.validRows', { count: preview.valid.length })}
            </Badge>
            <Badge size="lg" color={preview.badRows ? 'red' : 'gray'} variant="light" data-testid="bad-count">
              {t('participants:importer.badRows', { count: preview.badRows })}
            </Badge>
            {duplicates.length > 0 && (
              <Badge size="lg" color="orange" variant="light" data-testid="duplicate-count">
                {t('participants:importer.duplicateRows', { count: duplicates.length })}
              </Badge>
            )}
          </Group>
          {mapping.includes('shareWithLead') && (
            <Text size="sm" mb="sm" data-testid="share-count">
              {t('participants:importer.sharingRows', { count: preview.valid.filter((r) => r.shareWithLead).length })}
            </Text>
          )}
          {preview.issues.length > 0 && (
            <>
              <Text size="sm" mb={4}>
                {t('participants:importer.reportIntro', { file: file.fileName })}
              </Text>
              <ScrollArea h={300} mb="sm">
                <Table striped data-testid="issue-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('participants:importer.row')}</Table.Th>
                      <Table.Th>{t('participants:importer.column')}</Table.Th>
                      <Table.Th>{t('participants:importer.problem')}</Table.Th>
                      <Table.Th>{t('participants:importer.value')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.issues.slice(0, MAX_ISSUES_SHOWN).map((i, k) => (
                      <Table.Tr key={k} data-testid="issue-row">
                        <Table.Td>{i.row}</Table.Td>
                        <Table.Td>{i.column}</Table.Td>
                        <Table.Td>
                          {t(`participants:importer.issues.${i.code}`, {
                            field: t(`participants:importer.fields.${i.field === 'row' ? 'fullName' : i.field}`),
                          })}
                        </Table.Td>
                        <Table.Td>{i.value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
              {preview.issues.length > MAX_ISSUES_SHOWN && (
                <Text size="sm" c="dimmed">
                  {t('participants:importer.moreIssues', { count: preview.issues.length - MAX_ISSUES_SHOWN })}
                </Text>
              )}
            </>
          )}
          {preview.valid.length > 0 && (
            <>
              <Text size="sm" fw={500} mb={4}>
                {t('participants:importer.sampleTitle')}
              </Text>
              <Table striped mb="sm" data-testid="sample-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('participants:importer.row')}</Table.Th>
                    <Table.Th>{t('participants:fields.firstName')}</Table.Th>
                    <Table.Th>{t('participants:fields.lastName')}</Table.Th>
                    <Table.Th>{t('participants:fields.municipality')}</Table.Th>
                    <Table.Th>{t('participants:fields.country')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.valid.slice(0, SAMPLE_ROWS).map((r) => (
                    <Table.Tr key={r.row} data-testid="sample-row">
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.draft.firstName}</Table.Td>
                      <Table.Td>{r.draft.lastName}</Table.Td>
                      <Table.Td>{place(r.draft.municipality)}</Table.Td>
                      <Table.Td>{r.draft.country ? t(`common:countries.${r.draft.country}`) : ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {preview.warnings.length > 0 && (
            <>
              <Text size="sm" mb={4}>
                {t('participants:importer.warningsIntro')}
              </Text>
              <ScrollArea.Autosize mah={220} mb="sm">
                <Table striped data-testid="warning-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('participants:importer.row')}</Table.Th>
                      <Table.Th>{t('participants:importer.column')}</Table.Th>
                      <Table.Th>{t('participants:importer.remark')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.warnings.slice(0, MAX_ISSUES_SHOWN).map((w, k) => (
                      <Table.Tr key={k} data-testid="warning-row">
                        <Table.Td>{w.row}</Table.Td>
                        <Table.Td>{w.column}</Table.Td>
                        <Table.Td>{warningText(w)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {preview.warnings.length > MAX_ISSUES_SHOWN && (
                <Text size="sm" c="dimmed">
                  {t('participants:importer.moreWarnings', { count: preview.warnings.length - MAX_ISSUES_SHOWN })}
                </Text>
              )}
            </>
          )}
          {duplicates.length > 0 && (
            <Stack gap={4} mb="sm">
              <Checkbox
                checked={skipDuplicates}
                onChange={(e) => setSkipDuplicates(e.currentTarget.checked)}
                label={t('participants:importer.skipDuplicates')}
                data-testid="skip-duplicates"
              />
              {duplicates.slice(0, 20).map((d) => (
                <Text key={d.row} size="xs" c="dimmed">
                  {d.existing
                    ? t('participants:importer.duplicateOf', { row: d.row, name: `${d.existing.firstName} ${d.existing.lastName}` })
                    : t('participants:importer.duplicateRow', { row: d.row, other: d.sameAsRow ?? 0 })}
                </Text>
              ))}
            </Stack>
          )}
          <Text size="sm" c="dimmed">
            {t('participants:importer.allOrNothing')}
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={importNothing} disabled={stopping} data-testid="import-nothing">
              {stopping ? t('participants:importer.stopping') : t('participants:importer.importNothing')}
            </Button>
            <Button variant="default" onClick={() => setStep(1)} disabled={writing !== null}>
              {t('participants:importer.back')}
            </Button>
            <Button
              onClick={() => void write()}
              disabled={toImport <= 0 || progress !== null || writing !== null}
              loading={writing !== null}
              data-testid="import-valid"
            >
              {t('participants:importer.importValid', { count: toImport })}
            </Button>
          </Group>
        </Card>
      )}

      {step === 3 && done && (
        <Card withBorder radius="md" p="xl">
          <Stack align="flex-start">
            <Group>
              <IconCheck color="var(--mantine-color-teal-6)" />
              <Text fw={500} data-testid="import-done">
                {undone
                  ? t('participants:importUndone', { count: done.rowsAdded })
                  : t('participants:importer.imported', { count: done.rowsAdded, file: done.fileName })}
              </Text>
            </Group>
            <Group>
              <Button onClick={() => void navigate('/participants')}>{t('participants:importer.toList')}</Button>
              {!undone && (
                <Button variant="default" onClick={() => void confirmUndo(done.id, () => setUndone(true))} data-testid="undo-this-import">
                  {t('participants:undoImport')}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(done.at)}
            </Text>
          </Stack>
        </Card>
      )}
    </>
  );
}
