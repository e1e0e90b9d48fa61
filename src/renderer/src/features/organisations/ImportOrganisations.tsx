import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, ScrollArea, Select, Stack, Stepper, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { municipalityLabel } from '@shared/gazetteer';
import type { LoadedFile } from '@shared/import/file';
import { ORG_IMPORT_FIELDS, orgMappingIsUsable, type OrgColumnMapping, type OrgImportField, type OrgImportPreview } from '@shared/import/organisations';
import { REGISTER_KINDS, type ImportHistory, type Organisation } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../components/useFormat';
import { platform } from '../../platform';
import { FileDropzone } from '../../components/FileDropzone';

import { checkOrganisationImport, importHeaders, openOrganisationFile, orgRowsToImport, writeOrganisationImport } from './actions';
import { useConfirmUndoOrganisationImport } from './confirmUndoImport';

/** The table files an import reads. */
const TABLE_EXTENSIONS = ['xlsx', 'xls', 'csv', 'txt'] as const;

const MAX_ISSUES_SHOWN = 300;
const SAMPLE_ROWS = 8;

/** File → columns → check (the row report) → done, with undo: the people import's steps, for the register. */
export function ImportOrganisations() {
  const { t } = useTranslation(['organisations', 'participants', 'common']);
  const { db, actor, org } = useApp();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<OrgColumnMapping>([]);
  const [remembered, setRemembered] = useState(false);
  const [kind, setKind] = useState<Organisation['kind']>('sme');
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<OrgImportPreview | null>(null);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportHistory | null>(null);
  const [undone, setUndone] = useState(false);
  const confirmUndo = useConfirmUndoOrganisationImport();

  async function choose() {
    setError(null);
    const files = await platform.invoke('file:open', {
      filters: [{ name: t('organisations:importer.fileFilter'), extensions: [...TABLE_EXTENSIONS] }],
      multiple: false,
    });
    const picked = files[0];
    if (picked) await takeFile(picked);
  }

  /** A table file chosen in the dialog or dropped on the zone. */
  async function takeFile(picked: { fileName: string; data: Uint8Array }) {
    setError(null);
    const opened = await openOrganisationFile({ db }, picked.fileName, picked.data);
    if (!opened.ok) {
      setError(t(`participants:importer.errors.${opened.code}`, { file: picked.fileName }));
      return;
    }
    setFile(opened.file);
    setMapping(opened.mapping);
    setRemembered(opened.remembered);
    setStep(1);
  }

  async function check() {
    if (!file) return;
    setBusy(true);
    setPreview(await checkOrganisationImport({ db, actor }, file, mapping, { kind, country: org.country }));
    setBusy(false);
    setStep(2);
  }

  async function write() {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    const result = await writeOrganisationImport({ db, actor }, file.fileName, orgRowsToImport(preview, skipDuplicates));
    setBusy(false);
    if (result.ok) {
      setDone(result.history);
      setStep(3);
    } else setError(t('participants:importer.errors.writeFailed', { file: file.fileName }));
  }

  const headers = file ? importHeaders(file) : [];
  const fieldOptions = [
    { value: '', label: t('participants:importer.skipColumn') },
    ...ORG_IMPORT_FIELDS.map((f) => ({ value: f, label: t(`organisations:fields.${f}`) })),
  ];
  const toImport = preview ? orgRowsToImport(preview, skipDuplicates).length : 0;

  return (
    <>
      <Anchor size="sm" onClick={() => void navigate('/organisations')} mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('organisations:importer.toList')}
      </Anchor>
      <PageHeader title={t('organisations:importer.title')} description={t('organisations:importer.description')} />
      <Stepper active={step} mb="lg" size="sm">
        <Stepper.Step label={t('organisations:importer.steps.file')} />
        <Stepper.Step label={t('organisations:importer.steps.columns')} />
        <Stepper.Step label={t('organisations:importer.steps.check')} />
        <Stepper.Step label={t('organisations:importer.steps.done')} />
      </Stepper>
      {error && (
        <Alert color="red" mb="md" icon={<IconAlertTriangle size={18} />} data-testid="import-error">
          {error}
        </Alert>
      )}

      {step === 0 && (
        <Card withBorder radius="md" p="xl">
          <Stack align="flex-start">
            <Text>{t('organisations:importer.fileHelp')}</Text>
            <FileDropzone extensions={TABLE_EXTENSIONS} onFiles={([f]) => f && takeFile(f)} testId="import-dropzone">
              <Button leftSection={<IconFileImport size={16} />} onClick={() => void choose()} data-testid="choose-file">
                {t('organisations:importer.chooseFile')}
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
            </Text>
            {remembered && <Badge variant="light">{t('participants:importer.remembered')}</Badge>}
          </Group>
          <Group mb="sm">
            <Text size="sm">{t('organisations:importer.defaultKind')}</Text>
            <Select
              size="xs"
              w={240}
              allowDeselect={false}
              aria-label={t('organisations:importer.defaultKind')}
              data={REGISTER_KINDS.map((k) => ({ value: k, label: t(`organisations:kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as Organisation['kind'])}
            />
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
                        onChange={(v) => setMapping((m) => headers.map((_, j) => (j === i ? ((v || null) as OrgImportField | null) : (m[j] ?? null))))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {!orgMappingIsUsable(mapping) && (
            <Alert color="yellow" mt="sm">
              {t('organisations:importer.needName')}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('participants:importer.back')}
            </Button>
            <Button onClick={() => void check()} disabled={!orgMappingIsUsable(mapping)} loading={busy} data-testid="check-rows">
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
            {preview.duplicates.length > 0 && (
              <Badge size="lg" color="orange" variant="light" data-testid="duplicate-count">
                {t('participants:importer.duplicateRows', { count: preview.duplicates.length })}
              </Badge>
            )}
          </Group>
          {preview.issues.length > 0 && (
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
                    {preview.issues.slice(0, MAX_ISSUES_SHOWN).map((i, k) => (
                      <Table.Tr key={k} data-testid="issue-row">
                        <Table.Td>{i.row}</Table.Td>
                        <Table.Td>{i.column}</Table.Td>
                        <Table.Td>{t(`organisations:importer.issues.${i.code}`, { field: t(`organisations:fields.${i.field}`) })}</Table.Td>
                        <Table.Td>{i.value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
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
                    <Table.Th>{t('organisations:fields.name')}</Table.Th>
                    <Table.Th>{t('organisations:fields.kind')}</Table.Th>
                    <Table.Th>{t('organisations:fields.municipality')}</Table.Th>
                    <Table.Th>{t('organisations:fields.supportedOn')}</Table.Th>
                    <Table.Th>{t('organisations:fields.jobsCreated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.valid.slice(0, SAMPLE_ROWS).map((r) => (
                    <Table.Tr key={r.row} data-testid="sample-row">
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.draft.name}</Table.Td>
                      <Table.Td>{t(`organisations:kinds.${r.draft.kind}`)}</Table.Td>
                      <Table.Td>
                        {municipalityLabel(r.draft.town, fmt.locale)} ({t(`common:countries.${r.draft.country}`)})
                      </Table.Td>
                      <Table.Td>{r.draft.supportedOn ? fmt.date(r.draft.supportedOn) : ''}</Table.Td>
                      <Table.Td>{r.draft.jobsCreated ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {preview.duplicates.length > 0 && (
            <Stack gap={4} mb="sm">
              <Checkbox
                checked={skipDuplicates}
                onChange={(e) => setSkipDuplicates(e.currentTarget.checked)}
                label={t('organisations:importer.skipDuplicates')}
                data-testid="skip-duplicates"
              />
              {preview.duplicates.slice(0, 20).map((d) => (
                <Text key={d.row} size="xs" c="dimmed">
                  {d.existing !== undefined
                    ? t('organisations:importer.duplicateOf', { row: d.row, name: d.existing })
                    : t('organisations:importer.duplicateRow', { row: d.row, other: d.sameAsRow ?? 0 })}
                </Text>
              ))}
            </Stack>
          )}
          <Text size="sm" c="dimmed">
            {t('participants:importer.allOrNothing')}
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => void navigate('/organisations')} data-testid="import-nothing">
              {t('participants:importer.importNothing')}
            </Button>
            <Button variant="default" onClick={() => setStep(1)} disabled={busy}>
              {t('participants:importer.back')}
            </Button>
            <Button onClick={() => void write()} disabled={toImport <= 0} loading={busy} data-testid="import-valid">
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
                  ? t('organisations:importUndone', { count: done.rowsAdded })
                  : t('organisations:importer.imported', { count: done.rowsAdded, file: done.fileName })}
              </Text>
            </Group>
            <Group>
              <Button onClick={() => void navigate('/organisations')}>{t('organisations:importer.toList')}</Button>
              {!undone && (
                <Button variant="default" onClick={() => void confirmUndo(done.id, () => setUndone(true))} data-testid="undo-this-import">
                  {t('organisations:undoImport')}
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
