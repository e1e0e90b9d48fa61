import { Alert, Badge, Button, Checkbox, Group, PasswordInput, Progress, ScrollArea, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/permissions';
import type { BundlePlan } from '@shared/consolidate';
import { withheldMark } from '@shared/people/sharing';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { getLeadProject, MIN_PASSPHRASE } from '../../db/exchange';
import { bundleImportHistory, listPartners, type BundleImportPreview, type IncomingFile } from '../../db/bundleImport';
import { platform } from '../../platform';
import { FileDropzone } from '../../components/FileDropzone';
import { FILE_KIND_EXTENSION } from '@shared/files/kinds';
import { useOpenedFile } from '../openFiles';
import { HowItWorks, LabelValue, ProblemAlert, Section, useProblemText } from './common';
import { KeyFileForm } from './KeyFileForm';
import {
  applyBundles,
  confirmKey,
  exchangeProblemOf,
  inspectBundles,
  planStatus,
  saveInvitation,
  startLeadProject,
  type ConfirmedKeys,
  type ExchangeProblem,
} from './actions';
import { useExchangeContext } from './useExchangeContext';
import { NewPassphrase, usePassphraseSave } from '../../components/NewPassphrase';

export function LeadExchange() {
  const { db, actor } = useApp();
  const project = useLiveQuery(async () => (await getLeadProject(db)) ?? null, [db]);
  if (project === undefined) return null;
  if (project) return <LeadProjectView />;
  return can(actor.role, 'keys') ? <CreateProject /> : <HowItWorks role="lead" />;
}

function CreateProject() {
  const { t } = useTranslation('exchange');
  const ctx = useExchangeContext();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ExchangeProblem>();
  const create = async () => {
    setBusy(true);
    const started = await startLeadProject(ctx, name);
    if (started.ok) notifications.show({ color: 'teal', message: t('project.created') });
    else setProblem(started.problem);
    setBusy(false);
  };
  return (
    <>
      <HowItWorks role="lead" />
      <Section title={t('project.createTitle')} testId="create-project">
        <TextInput
          label={t('project.name')}
          placeholder={t('project.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
          maw={500}
        />
        <ProblemAlert problem={problem} />
        <Group>
          <Button onClick={() => void create()} disabled={!name.trim()} loading={busy}>
            {t('project.create')}
          </Button>
        </Group>
      </Section>
    </>
  );
}

function LeadProjectView() {
  const { t } = useTranslation('exchange');
  const { db, actor } = useApp();
  const keys = can(actor.role, 'keys');
  const project = useLiveQuery(() => getLeadProject(db), [db]);
  if (!project) return null;
  return (
    <>
      <Section title={t('project.title')} testId="lead-project">
        <LabelValue label={t('project.name')}>{project.invitation.projectName}</LabelValue>
      </Section>
      {keys && <InviteForm />}
      {can(actor.role, 'importBundles') && <ImportPanel />}
      <PartnersList />
      <HistoryList />
      {keys && <KeyFileForm />}
    </>
  );
}

function InviteForm() {
  const { t } = useTranslation('exchange');
  const ctx = useExchangeContext();
  const { fields, ok, busy, saved, problem, run } = usePassphraseSave(exchangeProblemOf);
  const write = () => run((pass) => saveInvitation(ctx, pass));
  return (
    <Section title={t('invite.title')} testId="invite">
      <Text size="sm">{t('invite.text')}</Text>
      <NewPassphrase
        {...fields}
        label={t('invite.passphrase')}
        repeatLabel={t('invite.repeat')}
        tooShortText={t('invite.tooShort', { count: MIN_PASSPHRASE })}
        mismatchText={t('invite.mismatch')}
      />
      <ProblemAlert problem={problem} />
      {saved && (
        <Alert color="teal" data-testid="invitation-saved">
          {t('invite.saved', { fileName: saved })}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void write()} disabled={!ok} loading={busy}>
          {t('invite.write')}
        </Button>
        {busy && <Text size="sm">{t('invite.writing')}</Text>}
      </Group>
    </Section>
  );
}

function ImportPanel() {
  const { t } = useTranslation('exchange');
  const ctx = useExchangeContext();
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [preview, setPreview] = useState<BundleImportPreview>();
  /** New partners whose fingerprint the lead ticked as compared by phone: organisation id → fingerprint. */
  const [confirmed, setConfirmed] = useState<ConfirmedKeys>({});
  const [problem, setProblem] = useState<ExchangeProblem>();
  const [committing, setCommitting] = useState(false);
  const [writing, setWriting] = useState<{ done: number; total: number }>();

  const inspect = async (files: IncomingFile[]) => {
    if (!files.length) return;
    setPreview(undefined);
    setConfirmed({});
    setProblem(undefined);
    const inspected = await inspectBundles(ctx, files, { passphrase, onProgress: (done, total) => setProgress({ done, total }) });
    if (inspected.ok) setPreview(inspected.value);
    else setProblem(inspected.problem);
    setProgress(undefined);
  };
  const choose = async () => inspect(await platform.invoke('file:open', { filters: [{ name: 'Mreža', extensions: ['mreza'] }], multiple: true }));
  // A bundle double-clicked or dropped on the window comes here too.
  useOpenedFile('bundle', (file) => void inspect([file]));
  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    const res = await applyBundles(ctx, preview, confirmed, (done, total) => setWriting({ done, total }));
    if (res.ok) {
      notifications.show({ color: 'teal', message: t('import.committed', { count: res.value.applied }) });
      setPreview(undefined);
    } else setProblem(res.problem);
    setCommitting(false);
    setWriting(undefined);
  };
  const { applicable, keysWaiting: waiting } = planStatus(preview, confirmed);
  const confirm = (orgId: string, fingerprint: string, yes: boolean) => setConfirmed((c) => confirmKey(c, orgId, fingerprint, yes));
  return (
    <Section title={t('import.title')} testId="import">
      <FileDropzone extensions={[FILE_KIND_EXTENSION.bundle]} multiple onFiles={inspect} disabled={!!progress || committing} testId="drop-zone">
        <Stack align="center" gap="xs">
          <Text size="sm" ta="center">
            {t('import.text')}
          </Text>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => void choose()} disabled={!!progress || committing}>
            {t('import.choose')}
          </Button>
        </Stack>
      </FileDropzone>
      <PasswordInput label={t('import.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} maw={400} />
      {progress && (
        <Stack gap={4}>
          <Text size="sm">{t('import.reading', progress)}</Text>
          <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} aria-label={t('import.reading', progress)} />
        </Stack>
      )}
      <ProblemAlert problem={problem} />
      {preview && (
        <Stack gap="sm" data-testid="dry-run">
          <Title order={4} size="h5">
            {t('import.summary')}
          </Title>
          <PlanTable preview={preview} confirmed={confirmed} onConfirm={confirm} disabled={committing} />
          {applicable === 0 && !preview.refused.length && preview.plan.items.every((i) => i.status === 'unchanged' || i.status === 'skipped') && (
            <Alert color="blue" data-testid="no-changes">
              {t('import.nothingToDo')}
            </Alert>
          )}
          {writing && (
            <Stack gap={4} data-testid="writing">
              <Text size="sm">{t('import.writing', writing)}</Text>
              <Progress value={writing.total ? (writing.done / writing.total) * 100 : 0} aria-label={t('import.writing', writing)} />
            </Stack>
          )}
          {waiting > 0 && (
            <Alert color="orange" data-testid="keys-waiting">
              {t('import.keysWaiting', { count: waiting })}
            </Alert>
          )}
          <Group>
            <Button onClick={() => void commit()} disabled={applicable === 0} loading={committing}>
              {t('import.commit')}
            </Button>
            <Button variant="default" onClick={() => setPreview(undefined)} disabled={committing}>
              {t('import.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Section>
  );
}

/**
 * Badges in the plan table wrap rather than cut their text: "ПСЕУДОНИМИЗОВАНО" or "ЧЕКА ПОТВРДУ"
 * must read in full at 1366 px, and Mantine's badge ends a long label with "…".
 */
const READABLE_BADGE = {
  root: { height: 'auto', maxWidth: 'none', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.35 },
} as const;

const STATUS_COLOR: Record<BundlePlan['status'], string> = { apply: 'teal', unchanged: 'gray', skipped: 'yellow', refused: 'red' };
/** Full records stand out: the lead sees before importing that names travel. */
const PRIVACY_COLOR: Record<BundlePlan['privacy'], string> = { aggregate: 'gray', pseudonymised: 'blue', full: 'orange' };

function PlanTable({
  preview,
  confirmed,
  onConfirm,
  disabled,
}: {
  preview: BundleImportPreview;
  confirmed: Record<string, string>;
  onConfirm: (orgId: string, fingerprint: string, yes: boolean) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('exchange');
  const fmt = useFormat();
  const problemText = useProblemText();
  const problemLine = (code: string, params: Record<string, string>) =>
    t(`problems.${code}`, { ...params, ...(params.newerExportedAt ? { newerExportedAt: fmt.dateTime(params.newerExportedAt) } : {}) });
  return (
    <ScrollArea>
      <Table striped withTableBorder verticalSpacing="xs" miw={800}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.organisation')}</Table.Th>
            <Table.Th>{t('import.exportedAt')}</Table.Th>
            <Table.Th>{t('import.privacy')}</Table.Th>
            <Table.Th>{t('import.fingerprint')}</Table.Th>
            <Table.Th>{t('import.changes')}</Table.Th>
            <Table.Th>{t('import.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.plan.items.map((item) => (
            <Table.Tr key={`p${item.index}`} data-testid="plan-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {item.organisation.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {item.fileName}
                </Text>
              </Table.Td>
              <Table.Td>{fmt.dateTime(item.exportedAt)}</Table.Td>
              <Table.Td data-testid="plan-privacy" data-privacy={item.privacy}>
                <Badge color={PRIVACY_COLOR[item.privacy]} variant="light" styles={READABLE_BADGE}>
                  {t(`cli.privacy.${item.privacy}`)}
                </Badge>
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="xs" ff="monospace">
                  {item.fingerprint}
                </Text>
                {item.trust === 'firstUse' && item.status !== 'refused' && (
                  <Group gap={4} mt={4} wrap="nowrap" align="flex-start" data-testid="first-use">
                    <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" style={{ flexShrink: 0, marginTop: 2 }} />
                    <Text size="xs" c="#8a2c0d" fw={500}>
                      {t('import.firstUse')}
                    </Text>
                  </Group>
                )}
                {item.trust === 'firstUse' && item.status === 'apply' && (
                  <Checkbox
                    mt={6}
                    size="xs"
                    data-testid="confirm-key"
                    label={t('import.confirmKey', { organisation: item.organisation.name })}
                    checked={confirmed[item.organisation.id] === item.fingerprint}
                    disabled={disabled}
                    onChange={(e) => onConfirm(item.organisation.id, item.fingerprint, e.currentTarget.checked)}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('import.added', { count: item.totals.add })}</Text>
                <Text size="sm">{t('import.replaced', { count: item.totals.replace })}</Text>
                <Text size="sm">{t('import.removed', { count: item.totals.remove })}</Text>
              </Table.Td>
              <Table.Td>
                {item.status === 'apply' && item.trust === 'firstUse' && confirmed[item.organisation.id] !== item.fingerprint ? (
                  <Badge color="orange" variant="light" c="#8a2c0d" styles={READABLE_BADGE}>
                    {t('import.statuses.awaitingConfirmation')}
                  </Badge>
                ) : (
                  <Badge color={STATUS_COLOR[item.status]} variant="light" styles={READABLE_BADGE}>
                    {t(`import.statuses.${item.status}`)}
                  </Badge>
                )}
                {item.problems.map((p) => (
                  <Text key={p.code} size="xs" mt={4}>
                    {problemLine(p.code, p.params)}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
          {preview.refused.map((r, i) => (
            <Table.Tr key={`r${i}`} data-testid="plan-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.fileName}
                </Text>
              </Table.Td>
              <Table.Td>–</Table.Td>
              <Table.Td>–</Table.Td>
              <Table.Td>–</Table.Td>
              <Table.Td>–</Table.Td>
              <Table.Td>
                <Badge color="red" variant="light" styles={READABLE_BADGE}>
                  {t('import.statuses.refused')}
                </Badge>
                <Text size="xs" mt={4} c="#a61b1b">
                  {problemText(r.problem)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function PartnersList() {
  const { t } = useTranslation('exchange');
  const { db } = useApp();
  const fmt = useFormat();
  const partners = useLiveQuery(() => listPartners(db, fmt.locale), [db, fmt.locale]);
  return (
    <Section title={t('partners.title')} testId="partners">
      {!partners?.length ? (
        <Text size="sm" c="dimmed">
          {t('partners.none')}
        </Text>
      ) : (
        <ScrollArea>
          <Table striped withTableBorder miw={700}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('partners.name')}</Table.Th>
                <Table.Th>{t('partners.exportedAt')}</Table.Th>
                <Table.Th>{t('partners.importedAt')}</Table.Th>
                <Table.Th>{t('partners.people')}</Table.Th>
                <Table.Th>
                  <Tooltip label={t('partners.withheldHelp')} multiline w={320}>
                    <span>{t('partners.withheld')}</span>
                  </Tooltip>
                </Table.Th>
                <Table.Th>
                  <Tooltip label={t('partners.appVersionHelp')} multiline w={320}>
                    <span>{t('partners.appVersion')}</span>
                  </Tooltip>
                </Table.Th>
                <Table.Th>{t('partners.fingerprint')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.map((p) => (
                <Table.Tr key={p.orgId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{fmt.dateTime(p.exportedAt)}</Table.Td>
                  <Table.Td>{fmt.dateTime(p.importedAt)}</Table.Td>
                  <Table.Td>{fmt.number(p.people)}</Table.Td>
                  <Table.Td data-testid="partner-withheld">{withheldMark(p.withheld, p.threshold, fmt.number) ?? '—'}</Table.Td>
                  <Table.Td data-testid="partner-app-version">{p.appVersion ?? '—'}</Table.Td>
                  <Table.Td>
                    <Tooltip label={t(`export.levels.${p.privacy}`)}>
                      <Text size="xs" ff="monospace">
                        {p.fingerprint}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Section>
  );
}

function HistoryList() {
  const { t } = useTranslation('exchange');
  const { db } = useApp();
  const fmt = useFormat();
  const history = useLiveQuery(() => bundleImportHistory(db), [db]);
  if (!history?.length) return null;
  return (
    <Section title={t('history.title')} testId="history">
      <ScrollArea>
        <Table striped withTableBorder miw={600}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.file')}</Table.Th>
              <Table.Th>{t('history.at')}</Table.Th>
              <Table.Th>{t('history.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.slice(0, 50).map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{h.fileName}</Table.Td>
                <Table.Td>{fmt.dateTime(h.at)}</Table.Td>
                <Table.Td>
                  {fmt.number(h.rowsAdded)} / {fmt.number(h.rowsReplaced)} / {fmt.number(h.rowsRemoved)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Section>
  );
}
