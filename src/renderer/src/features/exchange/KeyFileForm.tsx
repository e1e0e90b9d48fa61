import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE } from '../../db/exchange';
import { exchangeProblemOf, saveLeadKeyFile } from './actions';
import { ProblemAlert, Section } from './common';
import { NewPassphrase, usePassphraseSave } from '../../components/NewPassphrase';
import { useExchangeContext } from './useExchangeContext';

/** How the command-line consolidation is started (scripts/consolidate.ts); the same in every language. */
const COMMAND = 'npm run consolidate -- mreza-*.mreza --key mreza-lead-key-….mreza-key --out report.xlsx';

/**
 * Lead: saves this installation's keys for the command-line consolidation, behind a passphrase
 * typed twice and a plain warning, since the file opens every partner export.
 */
export function KeyFileForm() {
  const { t } = useTranslation('exchange');
  const ctx = useExchangeContext();
  const { fields, ok, busy, saved, problem, run } = usePassphraseSave(exchangeProblemOf);
  const write = () => run((pass) => saveLeadKeyFile(ctx, pass));
  return (
    <Section title={t('keyFile.title')} testId="key-file">
      <Text size="sm">{t('keyFile.text')}</Text>
      <Code block>{COMMAND}</Code>
      <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="key-file-warning">
        {t('keyFile.warning')}
      </Alert>
      <NewPassphrase
        {...fields}
        label={t('keyFile.passphrase')}
        repeatLabel={t('keyFile.repeat')}
        tooShortText={t('invite.tooShort', { count: MIN_PASSPHRASE })}
        mismatchText={t('invite.mismatch')}
      />
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
