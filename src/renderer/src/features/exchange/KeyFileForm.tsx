import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { keyFileSaved, leadKeyFile, MIN_PASSPHRASE, problemOf } from '../../db/exchange';
import { platform } from '../../platform';
import { ProblemAlert, Section } from './common';
import { NewPassphrase, usePassphraseSave } from '../../components/NewPassphrase';

/** How the command-line consolidation is started (scripts/consolidate.ts); the same in every language. */
const COMMAND = 'npm run consolidate -- mreza-*.mreza --key mreza-lead-key-….mreza-key --out report.xlsx';

/**
 * Lead: saves this installation's keys for the command-line consolidation, behind a passphrase
 * typed twice and a plain warning, since the file opens every partner export.
 */
export function KeyFileForm() {
  const { t } = useTranslation('exchange');
  const { db, actor, org } = useApp();
  const { fields, ok, busy, saved, problem, run } = usePassphraseSave(problemOf);
  const write = () =>
    run(async (pass) => {
      const file = await leadKeyFile(db, actor, org, pass);
      const res = await platform.invoke('file:save', { suggestedName: file.fileName, filters: [], data: file.data });
      if (!res) return undefined;
      await keyFileSaved(db, actor, res.fileName);
      return res.fileName;
    });
  return (
    <Section title={t('keyFile.title')} testId="key-file">
      <Text size="sm">{t('keyFile.text')}</Text>
      <Code block>{COMMAND}</Code>
      <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="key-file-warning">
        {t('keyFile.warning')}
      </Alert>
      <NewPassphrase {...fields} label={t('keyFile.passphrase')} repeatLabel={t('keyFile.repeat')} tooShortText={t('invite.tooShort', { count: MIN_PASSPHRASE })} mismatchText={t('invite.mismatch')} />
      <ProblemAlert problem={problem} />
      {saved && (
        <Alert color="teal" data-testid="key-file-saved">
          {t('keyFile.saved', { fileName: saved })}
        </Alert>
      )}
      <Group>
        <Button color="red" variant="outline" onClick={() => void write()} disabled={!ok} loading={busy}>
          {t('keyFile.write')}
        </Button>
        {busy && <Text size="sm">{t('keyFile.writing')}</Text>}
      </Group>
    </Section>
  );
}
