import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Progress, ScrollArea, Select, Stack, Stepper, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconFileImport } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { importHeaders, type LoadedFile } from '@shared/import/file';
import type { ImportHistory } from '@shared/model';
import { PageHeader } from '../PageHeader';
import { useFormat } from '../useFormat';
import { platform } from '../../platform';
import { FileDropzone } from '../FileDropzone';
import type { ImportAdapter } from './importAdapter';

/** The table files an import reads. */
const TABLE_EXTENSIONS = ['xlsx', 'xls', 'csv', 'txt'] as const;

const MAX_ISSUES_SHOWN = 300;
/** Rows shown as they will be saved, so a swapped first name and surname is seen before writing. */
const SAMPLE_ROWS = 8;

/**
 * The one import wizard: file → columns → check (the row report) → done, with undo. Each entity
 * (people, the organisations register) brings an adapter; the texts shared by every import are
 * `participants:importer.*`, the entity's own `<ns>:importer.*`.
 */
export function ImportWizard<Field extends string, Kind extends string, Checked, Row extends { row: number }>({
  adapter: a,
}: {
  adapter: ImportAdapter<Field, Kind, Checked, Row>;
}) {
  const { t } = useTranslation(['participants', 'common', a.ns]);
  const fmt = useFormat();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<Array<Field | null>>([]);
  const [remembered, setRemembered] = useState(false);
  const [kind, setKind] = useState<Kind>(a.defaultKind);
  const [error, setError] = useState<string | null>(null);
  /** The check's progress (0–100) while it runs. */
  const [checking, setChecking] = useState<number | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [done, setDone] = useState<ImportHistory | null>(null);
  const [undone, setUndone] = useState(false);
  /** Rows written so far of all, while the import is writing. */
  const [writing, setWriting] = useState<{ done: number; total: number } | null>(null);
  const [stopping, setStopping] = useState(false);
  const running = useRef<AbortController | null>(null);

  async function choose() {
    setError(null);
    const files = await platform.invoke('file:open', {
      filters: [{ name: t(`${a.ns}:importer.fileFilter`), extensions: [...TABLE_EXTENSIONS] }],
      multiple: false,
    });
    const picked = files[0];
    if (picked) await takeFile(picked);
  }

  /** A table file chosen in the dialog or dropped on the zone. */
  async function takeFile(picked: { fileName: string; data: Uint8Array }) {
    setError(null);
    const opened = await a.open(picked.fileName, picked.data);
    if (!opened.ok) {
      setError(t(`participants:importer.errors.${opened.code}`, { file: picked.fileName }));
      return;
    }
    setRemembered(opened.remembered);
    setMapping(opened.mapping);
    setFile(opened.file);
    setStep(1);
  }

  async function check() {
    if (!file) return;
    setError(null);
    setChecking(0);
    setChecked(await a.check(file, mapping, kind, (fraction) => setChecking(100 * fraction)));
    setChecking(null);
    setStep(2);
  }

  async function write() {
    if (!file || !checked) return;
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setWriting({ done: 0, total: a.countToImport(checked, skipDuplicates) });
    const result = await a.write(file.fileName, checked, skipDuplicates, {
      signal: controller.signal,
      onProgress: (done, total) => setWriting({ done, total }),
    });
    if (result.status === 'written') {
      setDone(result.history);
      setStep(3);
    } else if (result.status === 'cancelled') {
      // Rolled back: nothing of the file is stored. The user asked for nothing, so back to the list.
      notifications.show({ color: 'teal', message: t('participants:importer.cancelled', { file: file.fileName }) });
      void navigate(a.listPath);
    } else {
      setError(t('participants:importer.errors.writeFailed', { file: file.fileName }));
    }
    running.current = null;
    setWriting(null);
    setStopping(false);
  }

  /** "Import nothing": while a cancellable import writes, it stops it (write() then leaves); otherwise it leaves. */
  function importNothing() {
    if (running.current && a.writeIsCancellable) {
      setStopping(true);
      running.current.abort();
      return;
    }
    void navigate(a.listPath);
  }

  const headers = file ? importHeaders(file) : [];
  const fieldOptions = [{ value: '', label: t('participants:importer.skipColumn') }, ...a.fields.map((f) => ({ value: f, label: a.fieldLabel(f) }))];
  const toImport = checked ? a.countToImport(checked, skipDuplicates) : 0;
  // Once per check, not on every progress tick of the write.
  const view = useMemo(() => (checked ? a.view(checked) : null), [a, checked]);
  const usable = a.mappingIsUsable(mapping);

  return (
    <>
      <Anchor size="sm" onClick={() => void navigate(a.listPath)} mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {a.backLabel}
      </Anchor>
      <PageHeader title={t(`${a.ns}:importer.title`)} description={t(`${a.ns}:importer.description`)} />
      <Stepper active={step} mb="lg" size="sm">
        <Stepper.Step label={t(`${a.ns}:importer.steps.file`)} />
        <Stepper.Step label={t(`${a.ns}:importer.steps.columns`)} />
        <Stepper.Step label={t(`${a.ns}:importer.steps.check`)} />
        <Stepper.Step label={t(`${a.ns}:importer.steps.done`)} />
      </Stepper>
      {error && (
        <Alert color="red" mb="md" icon={<IconAlertTriangle size={18} />} data-testid="import-error">
          {error}
        </Alert>
      )}
      {checking !== null && a.checkReportsProgress && (
        <Card withBorder mb="md" data-testid="import-progress">
          <Text size="sm" mb={4}>
            {t('participants:importer.checking')}
          </Text>
          <Progress value={checking} animated />
        </Card>
      )}
      {writing && a.writeIsCancellable && (
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
            <Text>{t(`${a.ns}:importer.fileHelp`)}</Text>
            <FileDropzone extensions={TABLE_EXTENSIONS} onFiles={([f]) => f && takeFile(f)} testId="import-dropzone">
              <Button leftSection={<IconFileImport size={16} />} onClick={() => void choose()} data-testid="choose-file">
                {t(`${a.ns}:importer.chooseFile`)}
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
              {a.showsCsvDialect && file.format === 'csv' && ` · ${file.encoding?.toUpperCase()} · “${file.delimiter === '\t' ? 'TAB' : file.delimiter}”`}
            </Text>
            {remembered && <Badge variant="light">{t('participants:importer.remembered')}</Badge>}
          </Group>
          <Group mb="sm">
            <Text size="sm">{t(`${a.ns}:importer.defaultKind`)}</Text>
            {a.kindControl(kind, setKind)}
          </Group>
          <ScrollArea.Autosize mah={420}>
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
                        onChange={(v) => setMapping((m) => headers.map((_, j) => (j === i ? ((v || null) as Field | null) : (m[j] ?? null))))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {!usable && (
            <Alert color="yellow" mt="sm">
              {t(`${a.ns}:importer.needName`)}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('participants:importer.back')}
            </Button>
            <Button
              onClick={() => void check()}
              disabled={!usable || (checking !== null && a.checkReportsProgress)}
              loading={checking !== null && !a.checkReportsProgress}
              data-testid="check-rows"
            >
              {t('participants:importer.check')}
            </Button>
          </Group>
        </Card>
      )}

      {step === 2 && file && checked && view && (
        <Card withBorder radius="md">
          <Group mb="sm" gap="lg">
            <Badge size="lg" color="teal" variant="light" data-testid="valid-count">
              {t('participants:importer.validRows', { count: view.valid.length })}
            </Badge>
            <Badge size="lg" color={view.badRows ? 'red' : 'gray'} variant="light" data-testid="bad-count">
              {t('participants:importer.badRows', { count: view.badRows })}
            </Badge>
            {view.duplicates.length > 0 && (
              <Badge size="lg" color="orange" variant="light" data-testid="duplicate-count">
                {t('participants:importer.duplicateRows', { count: view.duplicates.length })}
              </Badge>
            )}
          </Group>
          {a.summary?.(checked, mapping)}
          {view.issues.length > 0 && (
            <>
              <Text size="sm" mb={4}>
                {t('participants:importer.reportIntro', { file: file.fileName })}
              </Text>
              <ScrollArea.Autosize mah={300} mb="sm">
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
                    {view.issues.slice(0, MAX_ISSUES_SHOWN).map((i, k) => (
                      <Table.Tr key={k} data-testid="issue-row">
                        <Table.Td>{i.row}</Table.Td>
                        <Table.Td>{i.column}</Table.Td>
                        <Table.Td>{i.text()}</Table.Td>
                        <Table.Td>{i.value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {view.issues.length > MAX_ISSUES_SHOWN && (
                <Text size="sm" c="dimmed">
                  {t('participants:importer.moreIssues', { count: view.issues.length - MAX_ISSUES_SHOWN })}
                </Text>
              )}
            </>
          )}
          {view.valid.length > 0 && (
            <>
              <Text size="sm" fw={500} mb={4}>
                {t('participants:importer.sampleTitle')}
              </Text>
              <Table striped mb="sm" data-testid="sample-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('participants:importer.row')}</Table.Th>
                    {a.sampleHeaders.map((h) => (
                      <Table.Th key={h}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.valid.slice(0, SAMPLE_ROWS).map((r) => (
                    <Table.Tr key={r.row} data-testid="sample-row">
                      <Table.Td>{r.row}</Table.Td>
                      {a.sampleCells(r).map((cell, k) => (
                        <Table.Td key={k}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {view.warnings.length > 0 && (
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
                    {view.warnings.slice(0, MAX_ISSUES_SHOWN).map((w, k) => (
                      <Table.Tr key={k} data-testid="warning-row">
                        <Table.Td>{w.row}</Table.Td>
                        <Table.Td>{w.column}</Table.Td>
                        <Table.Td>{w.text()}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {view.warnings.length > MAX_ISSUES_SHOWN && (
                <Text size="sm" c="dimmed">
                  {t('participants:importer.moreWarnings', { count: view.warnings.length - MAX_ISSUES_SHOWN })}
                </Text>
              )}
            </>
          )}
          {view.duplicates.length > 0 && (
            <Stack gap={4} mb="sm">
              <Checkbox
                checked={skipDuplicates}
                onChange={(e) => setSkipDuplicates(e.currentTarget.checked)}
                label={t(`${a.ns}:importer.skipDuplicates`)}
                data-testid="skip-duplicates"
              />
              {view.duplicates.slice(0, 20).map((d) => (
                <Text key={d.row} size="xs" c="dimmed">
                  {d.text()}
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
              disabled={toImport <= 0 || checking !== null || writing !== null}
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
                {undone ? t(`${a.ns}:importUndone`, { count: done.rowsAdded }) : t(`${a.ns}:importer.imported`, { count: done.rowsAdded, file: done.fileName })}
              </Text>
            </Group>
            <Group>
              <Button onClick={() => void navigate(a.listPath)}>{t(`${a.ns}:importer.toList`)}</Button>
              {!undone && (
                <Button variant="default" onClick={() => void a.confirmUndo(done.id, () => setUndone(true))} data-testid="undo-this-import">
                  {t(`${a.ns}:undoImport`)}
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
