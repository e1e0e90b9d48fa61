import { Button, Group, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRecoveryKey } from '@shared/auth/recoveryKey';
import { BackupError } from '@shared/backup/format';
import { unlockSealedBackup } from '@shared/backup/sealed';
import { RecoveryKeyInput } from './RecoveryKeyInput';

/**
 * An encrypted backup from another keyring opens with the passphrase of one of its coordinators
 * (as it was when the backup was made) or its recovery key. Calls `onKey` with its data key.
 */
export function BackupKeyForm({
  bytes,
  onKey,
  submitLabel,
  onBack,
}: {
  bytes: Uint8Array;
  onKey: (dataKey: Uint8Array) => Promise<void>;
  submitLabel: string;
  onBack?: () => void;
}) {
  const { t } = useTranslation(['backup', 'users', 'common']);
  const [how, setHow] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keyCheck = how === 'recoveryKey' && secret.trim() ? parseRecoveryKey(secret) : null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const dataKey = await unlockSealedBackup(bytes, how === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret });
      if (!dataKey) {
        setError(t('backup:errors.wrongKey'));
        return;
      }
      await onKey(dataKey);
    } catch (err) {
      setError(err instanceof BackupError ? t(`backup:errors.${err.code}`, err.params) : t('common:errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <Text size="sm">{t('backup:unlock.text')}</Text>
        <SegmentedControl
          value={how}
          onChange={(v) => {
            setHow(v as typeof how);
            setSecret('');
            setError(null);
          }}
          data={[
            { value: 'passphrase', label: t('backup:unlock.withPassphrase') },
            { value: 'recoveryKey', label: t('backup:unlock.withRecoveryKey') },
          ]}
        />
        {how === 'passphrase' ? (
          <PasswordInput label={t('backup:unlock.passphrase')} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} data-autofocus autoFocus />
        ) : (
          <RecoveryKeyInput value={secret} onChange={setSecret} check={keyCheck} />
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify={onBack ? 'space-between' : 'flex-end'}>
          {onBack && (
            <Button variant="subtle" onClick={onBack}>
              {t('users:signIn.back')}
            </Button>
          )}
          <Button type="submit" loading={busy} disabled={!secret || (how === 'recoveryKey' && !keyCheck?.ok)}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
