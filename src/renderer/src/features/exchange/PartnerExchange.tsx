import { Alert, Button, Checkbox, Group, List, Modal, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileImport, IconUserShield } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bundlePermission, can } from '@shared/auth/permissions';
import { FULL_LEVEL_DISCLOSURE, PRIVACY_LEVELS, type FullDisclosureItem, type PrivacyLevel } from '@shared/bundle';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { getJoinedProject } from '../../db/exchange';
import { platform } from '../../platform';
import { FileDropzone } from '../../components/FileDropzone';
import { FILE_KIND_EXTENSION } from '@shared/files/kinds';
import { useOpenedFile } from '../openFiles';
import { joinLeadProject, peopleWithheld, whyWithheld, writePartnerBundle, type ExchangeProblem } from './actions';
import { Fingerprint, HowItWorks, LabelValue, ProblemAlert, Section } from './common';
import { useExchangeContext } from './useExchangeContext';
import type { WithheldBreakdown } from '../../db/sharing';

export function PartnerExchange() {
  const { db } = useApp();
  const joined = useLiveQuery(async () => (await getJoinedProject(db)) ?? null, [db]);
  if (joined === undefined) return null;
  return joined ? <Joined /> : <NotJoined />;
}

function NotJoined() {
  const { actor } = useApp();
  return (
    <>
      <HowItWorks role="partner" />
      {can(actor.role, 'keys') && <JoinForm />}
    </>
  );
}

function JoinForm() {
  const { t } = useTranslation('exchange');
  const ctx = useExchangeContext();
  const [file, setFile] = useState<{ fileName: string; data: Uint8Array }>();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ExchangeProblem>();
  const choose = async () => {
    const [f] = await platform.invoke('file:open', { filters: [], multiple: false });
    if (f) {
      setFile(f);
      setProblem(undefined);
    }
  };
  // An invitation double-clicked or dropped on the window comes here too.
  useOpenedFile('invitation', (f) => {
    setFile(f);
    setProblem(undefined);
  });
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    const joined = await joinLeadProject(ctx, file, passphrase);
    if (joined.ok) notifications.show({ color: 'teal', message: t('join.joined', { project: joined.value.invitation.projectName }) });
    else setProblem(joined.problem);
    setBusy(false);
  };
  return (
    <Section title={t('join.title')} testId="join">
      <Text size="sm">{t('join.text')}</Text>
      <FileDropzone
        extensions={[FILE_KIND_EXTENSION.invitation]}
        testId="invitation-dropzone"
        onFiles={([f]) => {
          if (!f) return;
          setFile(f);
          setProblem(undefined);
        }}
      >
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => void choose()}>
          {t('join.chooseFile')}
        </Button>
        <Text size="sm" c={file ? undefined : 'dimmed'} data-testid="invitation-file">
          {file?.fileName ?? t('join.noFile')}
        </Text>
      </FileDropzone>
      <PasswordInput label={t('join.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} maw={400} />
      <ProblemAlert problem={problem} />
      <Group>
        <Button onClick={() => void submit()} disabled={!file || !passphrase} loading={busy}>
          {t('join.submit')}
        </Button>
        {busy && <Text size="sm">{t('join.opening')}</Text>}
      </Group>
    </Section>
  );
}

function Joined() {
  const { t } = useTranslation('exchange');
  const { db } = useApp();
  const fmt = useFormat();
  const joined = useLiveQuery(() => getJoinedProject(db), [db]);
  if (!joined) return null;
  const inv = joined.invitation;
  return (
    <>
      <Section title={t('joined.title')} testId="joined-project">
        <LabelValue label={t('joined.project')}>{inv.projectName}</LabelValue>
        <LabelValue label={t('joined.lead')}>{inv.lead.name}</LabelValue>
        <LabelValue label={t('joined.lastExport')}>{joined.lastExportAt ? fmt.dateTime(joined.lastExportAt) : t('joined.never')}</LabelValue>
        <Text size="sm" c="dimmed">
          {t('joined.leadFingerprint')}
        </Text>
        <Fingerprint value={inv.lead.fingerprint} label={t('joined.leadFingerprint')} />
        <Text size="sm" c="dimmed">
          {t('joined.compare')}
        </Text>
      </Section>
      <ExportForm />
    </>
  );
}

/** How many people the export leaves at home and why, with what to do where they did agree. */
function WithheldPreview({ withheld, why }: { withheld: number; why: WithheldBreakdown | undefined }) {
  const { t } = useTranslation('exchange');
  return (
    <Alert color={withheld > 0 ? 'yellow' : 'teal'} variant="light" icon={<IconUserShield size={18} />} data-testid="withheld-preview">
      <Stack gap={4}>
        <Text size="sm" fw={500} data-testid="withheld">
          {withheld > 0 ? t('export.withheld', { count: withheld }) : t('export.withheldNone')}
        </Text>
        {why && withheld > 0 && (
          <List size="sm" spacing={2}>
            {why.noBasis > 0 && <List.Item data-testid="withheld-no-basis">{t('export.why.noBasis', { count: why.noBasis })}</List.Item>}
            {why.objected > 0 && <List.Item data-testid="withheld-objected">{t('export.why.objected', { count: why.objected })}</List.Item>}
          </List>
        )}
        {why && why.noBasis > 0 && (
          <Text size="sm" c="dimmed">
            {t('export.why.hint')}
          </Text>
        )}
        {why && why.erased > 0 && (
          <Text size="sm" data-testid="withheld-erased">
            {t('export.why.erased', { count: why.erased })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function ExportForm() {
  const { t } = useTranslation('exchange');
  const ctx = useExchangeContext();
  // Only the levels this role may send (staff: aggregate and pseudonymised; full: a coordinator).
  const levels = PRIVACY_LEVELS.filter((level) => can(ctx.actor.role, bundlePermission(level)));
  const [privacy, setPrivacy] = useState<PrivacyLevel>(levels.includes('pseudonymised') ? 'pseudonymised' : (levels[0] ?? 'aggregate'));
  const [ack, setAck] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ExchangeProblem>();
  const [preview, setPreview] = useState<{ privacy: PrivacyLevel; withheld: number; why?: WithheldBreakdown | undefined }>();
  const [confirming, setConfirming] = useState(false);
  const withheld = preview?.privacy === privacy ? preview.withheld : undefined;
  useEffect(() => {
    let live = true;
    // A dry run (not encrypted, not saved, not logged) tells how many people stay home; the
    // consents say why. Every level: even aggregate figures count only the people who share.
    void Promise.all([peopleWithheld(ctx, privacy), whyWithheld(ctx)]).then(
      ([withheld, why]) => live && withheld !== undefined && setPreview({ privacy, withheld, why }),
    );
    return () => {
      live = false;
    };
  }, [ctx, privacy]);
  const write = async (confirmedFullList = false) => {
    setConfirming(false);
    setBusy(true);
    setProblem(undefined);
    const written = await writePartnerBundle(ctx, { privacy, acknowledgedRisk: ack, confirmedFullList, passphrase });
    if (!written.ok) setProblem(written.problem);
    else if (written.value !== undefined) notifications.show({ color: 'teal', message: t('export.saved', { fileName: written.value }) });
    setBusy(false);
  };
  return (
    <Section title={t('export.title')} testId="export">
      <Radio.Group label={t('export.privacy')} value={privacy} onChange={(v) => setPrivacy(v as PrivacyLevel)}>
        <Stack gap="xs" mt="xs">
          {levels.map((level) => (
            <Radio key={level} value={level} label={t(`export.levels.${level}`)} description={t(`export.levelHelp.${level}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {privacy === 'full' && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          <Stack gap="xs">
            <Text size="sm">{t('export.fullWarning')}</Text>
            <Checkbox label={t('export.acknowledge')} checked={ack} onChange={(e) => setAck(e.currentTarget.checked)} />
          </Stack>
        </Alert>
      )}
      {withheld !== undefined && <WithheldPreview withheld={withheld} why={preview?.why} />}
      <PasswordInput
        label={t('export.passphrase')}
        description={t('export.passphraseHelp')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        maw={400}
      />
      <ProblemAlert problem={problem} />
      <Group>
        {/* Full records: a second, explicit confirmation that lists what goes. */}
        <Button onClick={() => (privacy === 'full' ? setConfirming(true) : void write())} loading={busy} disabled={privacy === 'full' && !ack}>
          {t('export.write')}
        </Button>
        {busy && <Text size="sm">{t('export.writing')}</Text>}
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('export.confirmFull.title')} size="lg">
        <Stack gap="sm" data-testid="confirm-full">
          <Text size="sm">{t('export.confirmFull.intro')}</Text>
          <List size="sm" spacing={4}>
            {(Object.keys(FULL_LEVEL_DISCLOSURE) as FullDisclosureItem[]).map((key) => (
              <List.Item key={key}>{t(`export.fullList.${key}`)}</List.Item>
            ))}
          </List>
          <Alert color="blue">{t('export.confirmFull.never')}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('export.confirmFull.cancel')}
            </Button>
            <Button color="red.9" onClick={() => void write(true)}>
              {t('export.confirmFull.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
