import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat';
import { PrintButton } from '../../components/PrintButton';
import './recoverySheet.css';

/**
 * Shown once, right after the keyring is made (setup, a mentor's first pack, the first sign-in
 * after the update): the recovery key on a printable page. Nothing goes on until the user says
 * she has printed it or written it down.
 */
export function RecoverySheet({ organisation, recoveryKey, onDone }: { organisation: string; recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation(['users']);
  const fmt = useFormat();
  const [confirmed, setConfirmed] = useState(false);
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return (
    <Paper className="recovery-sheet" withBorder shadow="sm" p="xl" radius="lg" maw={720} mx="auto" data-testid="recovery-sheet">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Title order={1} c="teal.9">
            {t('users:sheet.title')}
          </Title>
          <IconShieldLock size={36} aria-hidden />
        </Group>
        <Alert className="no-print" color="orange" variant="light">
          {t('users:sheet.intro')}
        </Alert>
        <Group gap="xl">
          <div>
            <Text size="sm" c="dimmed">
              {t('users:sheet.organisation')}
            </Text>
            <Text fw={600}>{organisation}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('users:sheet.date')}
            </Text>
            <Text fw={600}>{fmt.date(day)}</Text>
          </div>
        </Group>
        <div>
          <Text size="sm" c="dimmed" mb={4}>
            {t('users:sheet.keyLabel')}
          </Text>
          <div className="recovery-key" data-testid="recovery-key">
            {recoveryKey}
          </div>
        </div>
        <div>
          <Title order={4}>{t('users:sheet.whatForTitle')}</Title>
          <Text>{t('users:sheet.whatFor')}</Text>
        </div>
        <div>
          <Title order={4}>{t('users:sheet.whereTitle')}</Title>
          <Text>{t('users:sheet.whereToKeep')}</Text>
        </div>
        <Stack className="no-print" gap="sm" mt="md">
          <Group>
            {/* Paper only: the sheet itself says not to keep the key on the computer, so no "Save PDF" here. */}
            <PrintButton variant="light">{t('users:sheet.print')}</PrintButton>
          </Group>
          <Checkbox label={t('users:sheet.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          <Button onClick={onDone} disabled={!confirmed}>
            {t('users:sheet.continue')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
