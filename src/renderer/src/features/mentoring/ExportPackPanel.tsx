import { Alert, Button, Group, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { PackProblemAlert, packProblemOf, type PackProblem } from '../../components/PackProblemAlert';
import { MIN_PASSPHRASE } from '../../db/exchange';
import { mentorRows } from '../../db/mentoring';
import { exportMentorPack } from '../../db/mentorPacks';
import { platform } from '../../platform';
import { Section } from '../../components/Section';

/** Coordinator: a passphrase-protected pack of one mentor's active mentees. */
export function ExportPackPanel() {
  const { t } = useTranslation('mentorPack');
  const { db, actor, org } = useApp();
  const mentors = useLiveQuery(async () => (await mentorRows(db)).filter((m) => m.load > 0), [db]) ?? [];
  const [mentorId, setMentorId] = useState<string | null>(null);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [problem, setProblem] = useState<PackProblem>();
  const tooShort = pass.length > 0 && pass.length < MIN_PASSPHRASE;
  const mismatch = again.length > 0 && again !== pass;
  const ok = !!mentorId && pass.length >= MIN_PASSPHRASE && again === pass;
  const write = async () => {
    if (!mentorId) return;
    setBusy(true);
    setProblem(undefined);
    setSaved(undefined);
    try {
      const pack = await exportMentorPack(db, actor, org, mentorId, pass);
      const res = await platform.invoke('file:save', { suggestedName: pack.fileName, filters: [{ name: 'Mreža', extensions: ['mreza-mentor'] }], data: pack.bytes });
      if (res) {
        setSaved(t('export.saved', { fileName: res.fileName, mentor: pack.manifest.mentor.name, count: pack.manifest.counts.matches ?? 0 }));
        setPass('');
        setAgain('');
      }
    } catch (e) {
      setProblem(packProblemOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('export.title')} testId="export-pack">
      <Text size="sm">{t('export.text')}</Text>
      <Select
        label={t('export.mentor')}
        description={t('export.mentorHint')}
        data={mentors.map((m) => ({ value: m.mentor.id, label: m.name }))}
        value={mentorId}
        onChange={setMentorId}
        searchable
        maw={400}
      />
      <Group align="flex-start">
        <PasswordInput
          label={t('export.passphrase')}
          value={pass}
          onChange={(e) => setPass(e.currentTarget.value)}
          error={tooShort ? t('export.tooShort', { count: MIN_PASSPHRASE }) : undefined}
          description={tooShort ? undefined : t('export.tooShort', { count: MIN_PASSPHRASE })}
          w={300}
        />
        <PasswordInput label={t('export.repeat')} value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={mismatch ? t('export.mismatch') : undefined} w={300} />
      </Group>
      <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
        {t('export.warning')}
      </Alert>
      <PackProblemAlert problem={problem} />
      {saved && (
        <Alert color="teal" data-testid="pack-saved">
          {saved}
        </Alert>
      )}
      <Stack gap={4} align="flex-start">
        <Button onClick={() => void write()} disabled={!ok} loading={busy}>
          {t('export.write')}
        </Button>
      </Stack>
    </Section>
  );
}
