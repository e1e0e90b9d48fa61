import { Button, Center, Group, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@shared/i18n/locales';
import type { Organisation, User } from '@shared/model';
import { useDb } from '../../session/AppContext';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { checkPassphrase } from '../../db/users';

/** "Who is working?": office PCs are shared, so the app asks after start and after inactivity. */
export function LockScreen({ org, users, language, onLanguage, onUnlock }: { org: Organisation; users: User[]; language: Locale; onLanguage: (l: Locale) => Promise<void>; onUnlock: (u: User) => Promise<void> }) {
  const { t } = useTranslation(['users', 'common']);
  const db = useDb();
  const [userId, setUserId] = useState<string | null>(users.length === 1 ? users[0]!.id : null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = users.find((u) => u.id === userId);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!selected) return setError(t('users:chooseUser'));
    setBusy(true);
    const user = await checkPassphrase(db, selected.id, passphrase);
    setBusy(false);
    if (!user) {
      setPassphrase('');
      return setError(t('users:wrongPassphrase'));
    }
    await onUnlock(user);
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w={440}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2} c="teal.9">
                  {t('common:appName')}
                </Title>
                <Text c="dimmed">{org.name}</Text>
              </div>
              <IconLock size={28} aria-hidden />
            </Group>
            <Title order={3}>{t('users:whoIsWorking')}</Title>
            <Select
              label={t('users:user')}
              data={users.map((u) => ({ value: u.id, label: `${u.name} · ${t(`users:roles.${u.role}`)}` }))}
              value={userId}
              onChange={(v) => {
                setUserId(v);
                setError(null);
              }}
              allowDeselect={false}
            />
            {selected?.passHash && (
              <PasswordInput label={t('users:passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} autoFocus data-autofocus />
            )}
            {error && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy}>
              {t('users:unlock')}
            </Button>
            <LanguageSwitch value={language} onChange={(l) => void onLanguage(l)} />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
