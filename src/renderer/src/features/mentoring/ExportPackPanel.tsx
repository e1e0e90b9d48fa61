import { Alert, Button, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat';
import { genderContext } from '@shared/i18n';
import { useApp } from '../../session/AppContext';
import { PackProblemAlert, packProblemOf } from './PackProblemAlert';
import { MIN_PASSPHRASE } from '../../db/exchange';
import { mentorRows } from '../../db/mentoring';
import { saveMentorPack } from './actions';
import { Section } from '../../components/Section';
import { NewPassphrase, usePassphraseSave } from '../../components/NewPassphrase';

/** Coordinator: a passphrase-protected pack of one mentor's active mentees. */
export function ExportPackPanel() {
  const { t } = useTranslation('mentorPack');
  const { db, actor, org } = useApp();
  const fmt = useFormat();
  const mentors = useLiveQuery(async () => (await mentorRows(db, actor, undefined, fmt.locale)).filter((m) => m.load > 0), [db, actor, fmt.locale]) ?? [];
  const [mentorId, setMentorId] = useState<string | null>(null);
  const { fields, ok: passOk, busy, saved, problem, run } = usePassphraseSave(packProblemOf);
  const ok = !!mentorId && passOk;
  const write = () =>
    run(async (pass) => {
      if (!mentorId) return undefined;
      const saved = await saveMentorPack(db, actor, org, mentorId, pass);
      return saved ? t('export.saved', { fileName: saved.fileName, mentor: saved.mentor, count: saved.count }) : undefined;
    });
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
      <NewPassphrase
        {...fields}
        label={t('export.passphrase')}
        repeatLabel={t('export.repeat')}
        tooShortText={t('export.tooShort', { count: MIN_PASSPHRASE })}
        mismatchText={t('export.mismatch')}
      />
      <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
        {t('export.warning', { context: genderContext(mentors.find((m) => m.mentor.id === mentorId)?.person?.gender) })}
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
