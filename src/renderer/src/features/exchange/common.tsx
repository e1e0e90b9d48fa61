import { Alert, Code, Group, List, Paper, PasswordInput, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconTransfer } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { MIN_PASSPHRASE, type ExchangeProblem } from '../../db/exchange';

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
  return (p: ExchangeProblem) => t(`errors.${p.code}`, { defaultValue: t('errors.unexpected'), ...p.params });
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
export function newPassphraseState(pass: string, again: string) {
  return { tooShort: pass.length > 0 && pass.length < MIN_PASSPHRASE, mismatch: again.length > 0 && again !== pass, ok: pass.length >= MIN_PASSPHRASE && again === pass };
}

export function NewPassphrase(props: { pass: string; again: string; onPass: (v: string) => void; onAgain: (v: string) => void; label: string; repeatLabel: string }) {
  const { t } = useTranslation('exchange');
  const { tooShort, mismatch } = newPassphraseState(props.pass, props.again);
  return (
    <Group align="flex-start">
      <PasswordInput
        label={props.label}
        value={props.pass}
        onChange={(e) => props.onPass(e.currentTarget.value)}
        error={tooShort ? t('invite.tooShort', { count: MIN_PASSPHRASE }) : undefined}
        description={tooShort ? undefined : t('invite.tooShort', { count: MIN_PASSPHRASE })}
        w={300}
      />
      <PasswordInput label={props.repeatLabel} value={props.again} onChange={(e) => props.onAgain(e.currentTarget.value)} error={mismatch ? t('invite.mismatch') : undefined} w={300} />
    </Group>
  );
}
