import { Alert, Code, Group, List, Paper, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconTransfer } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { exchangeErrorKey } from '@shared/bundle/errors';
import { EmptyState } from '../../components/EmptyState';
import type { ExchangeProblem } from './actions';

/** Blocks of the exchange screens; the bordered block itself is shared with mentor packs. */
export { Section } from '../../components/Section';

/** A fingerprint in groups of five digits, large enough to read out over the phone. */
export function Fingerprint({ value, label }: { value: string; label?: string }) {
  return (
    <Code block aria-label={label} data-testid="fingerprint" fz="md" style={{ letterSpacing: '0.08em', wordSpacing: '0.4em', whiteSpace: 'normal' }}>
      {value}
    </Code>
  );
}

export function useProblemText() {
  const { t } = useTranslation('exchange');
  return (p: ExchangeProblem) => t(`errors.${exchangeErrorKey(p.code, p.params)}`, { defaultValue: t('errors.unexpected'), ...p.params });
}

export function ProblemAlert({ problem }: { problem?: ExchangeProblem }) {
  const text = useProblemText();
  if (!problem) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="exchange-error">
      {text(problem)}
    </Alert>
  );
}

export function LabelValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text c="dimmed" size="sm" miw={180}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </Group>
  );
}

/** What belongs on the Exchange screen before anything was exchanged, and the steps to get there. */
export function HowItWorks({ role }: { role: 'lead' | 'partner' }) {
  const { t } = useTranslation('exchange');
  return (
    <>
      <EmptyState icon={<IconTransfer size={32} />} title={t(role === 'lead' ? 'emptyLeadTitle' : 'emptyPartnerTitle')}>
        {t('emptyText')}
      </EmptyState>
      <Paper withBorder radius="md" p="lg">
        <Title order={3} size="h4" mb="sm">
          {t('howItWorks')}
        </Title>
        <List type="ordered" spacing="xs">
          {[1, 2, 3].map((n) => (
            <List.Item key={n}>
              <Text>{t(`steps.${role}${n}`)}</Text>
            </List.Item>
          ))}
        </List>
      </Paper>
    </>
  );
}

/** A new passphrase typed twice; `ok` once it is long enough and both agree. */
