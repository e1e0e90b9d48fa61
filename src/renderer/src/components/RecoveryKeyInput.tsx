import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { parseRecoveryKey } from '@shared/auth/recoveryKey';

/**
 * The recovery key's field (lock screen, a backup of another keyring): monospace, no spell check,
 * and the reason a typed key cannot be right (a mistyped character, a swap) before any work.
 */
export function RecoveryKeyInput({
  value,
  onChange,
  check,
}: {
  value: string;
  onChange: (value: string) => void;
  check: ReturnType<typeof parseRecoveryKey> | null;
}) {
  const { t } = useTranslation('users');
  return (
    <TextInput
      label={t('users:recovery.key')}
      description={t('users:recovery.keyHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={check && !check.ok ? t(`users:recovery.problems.${check.problem}`) : undefined}
      autoComplete="off"
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      autoFocus
    />
  );
}
