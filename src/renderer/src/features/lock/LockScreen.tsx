import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortByLabel } from '@shared/i18n/collation';
import { parseRecoveryKey } from '@shared/auth/recoveryKey';
import type { Locale } from '@shared/i18n/locales';
import type { Organisation, User } from '@shared/model';
import { useDb } from '../../session/AppContext';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NewSignInPassphrase, signInPassphraseState, usePassphraseJudgeReady } from '../../components/NewPassphrase';
import {
  chooseFirstPassphrase,
  PassphrasePolicyError,
  RECOVERY_THROTTLE_ID,
  resetWithRecoveryKey,
  signIn,
  signInWait,
  type SignInResult,
} from '../../db/signIn';
import { minutesSeconds, useCountdown } from './useCountdown';
import { RecoveryKeyInput } from '../../components/RecoveryKeyInput';

type Mode = 'signIn' | 'choose' | 'recover';

/** When a wait of `ms` ends (null: no wait). */
function untilFromNow(ms: number): number | null {
  return ms > 0 ? Date.now() + ms : null;
}

/**
 * "Who is working?": office PCs are shared, so the app asks after start and after inactivity,
 * always for a passphrase (it opens the data key). "Forgot passphrase?" takes the recovery key.
 */
export function LockScreen({
  org,
  users,
  language,
  onLanguage,
  onUnlock,
}: {
  org: Organisation;
  users: User[];
  language: Locale;
  onLanguage: (l: Locale) => Promise<void>;
  onUnlock: (u: User, recoveryKey?: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation(['users', 'common']);
  usePassphraseJudgeReady(); // judge again what was typed while the dictionaries loaded
  const db = useDb();
  const [mode, setMode] = useState<Mode>('signIn');
  const [userId, setUserId] = useState<string | null>(users.length === 1 ? users[0]!.id : null);
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState({ pass: '', again: '' });
  const [recoveryKey, setRecoveryKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const waitMs = useCountdown(waitUntil);
  const selected = users.find((u) => u.id === userId);
  const throttleId = mode === 'recover' ? RECOVERY_THROTTLE_ID : userId;

  // A wait from earlier attempts (even before a restart) shows as soon as the user is chosen.
  useEffect(() => {
    if (!throttleId) return;
    let live = true;
    void signInWait(db, throttleId).then((ms) => live && setWaitUntil(untilFromNow(ms)));
    return () => {
      live = false;
    };
  }, [db, throttleId]);

  const reset = (m: Mode) => {
    setMode(m);
    setError(null);
    setNext({ pass: '', again: '' });
  };

  const handle = async (result: SignInResult) => {
    if (result.ok) return onUnlock(result.user, result.recoveryKey);
    switch (result.reason) {
      case 'wrongPassphrase':
      case 'throttled':
        setPassphrase('');
        setWaitUntil(untilFromNow(result.waitMs));
        setError(result.reason === 'throttled' || result.waitMs > 0 ? null : t(mode === 'recover' ? 'users:recovery.wrong' : 'users:wrongPassphrase'));
        return;
      case 'choosePassphrase':
        setMode('choose');
        return;
      default:
        setError(t(`users:signIn.${result.reason}`));
    }
  };

  const run = async (attempt: () => Promise<SignInResult>) => {
    setBusy(true);
    setError(null);
    try {
      await handle(await attempt());
    } catch (e) {
      setError(e instanceof PassphrasePolicyError ? t('users:policy.refused') : t('common:errors.title'));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!selected) return setError(t('users:chooseUser'));
    if (waitMs > 0) return;
    if (mode === 'signIn') {
      const hasSecret = Boolean(selected.keyWrap || selected.passHash);
      if (hasSecret && !passphrase) return setError(t('users:signIn.passphraseRequired'));
      return void run(() => signIn(db, selected.id, hasSecret ? passphrase : ''));
    }
    if (mode === 'choose') return void run(() => chooseFirstPassphrase(db, selected.id, { oldPassphrase: passphrase || undefined, newPassphrase: next.pass }));
    return void run(() => resetWithRecoveryKey(db, { recoveryKey, userId: selected.id, newPassphrase: next.pass }));
  };

  const userInputs = [selected?.name ?? '', org.name];
  const newOk = signInPassphraseState(next.pass, next.again, userInputs).ok;
  const keyCheck = recoveryKey.trim() ? parseRecoveryKey(recoveryKey) : null;
  const title = mode === 'signIn' ? t('users:whoIsWorking') : mode === 'choose' ? t('users:signIn.chooseTitle') : t('users:recovery.title');

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w={mode === 'signIn' ? 440 : 520}>
        <form onSubmit={submit} noValidate>
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
            <Title order={3}>{title}</Title>
            {mode === 'choose' && <Text size="sm">{t('users:signIn.chooseText')}</Text>}
            {mode === 'recover' && <Text size="sm">{t('users:recovery.intro')}</Text>}
            {mode === 'recover' && <RecoveryKeyInput value={recoveryKey} onChange={setRecoveryKey} check={keyCheck} />}
            <Select
              label={mode === 'recover' ? t('users:recovery.forUser') : t('users:user')}
              data={sortByLabel(
                users.map((u) => ({ value: u.id, label: `${u.name} · ${t(`users:roles.${u.role}`)}` })),
                i18n.language,
              )}
              value={userId}
              onChange={(v) => {
                setUserId(v);
                setError(null);
                setPassphrase('');
                if (mode === 'choose') reset('signIn');
              }}
              allowDeselect={false}
              disabled={mode === 'choose'}
            />
            {mode === 'signIn' && (selected?.keyWrap || selected?.passHash) && (
              <PasswordInput
                label={t('users:passphrase')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                autoFocus
                data-autofocus
                autoComplete="current-password"
              />
            )}
            {mode !== 'signIn' && selected && (
              <NewSignInPassphrase
                {...next}
                onPass={(pass) => setNext((n) => ({ ...n, pass }))}
                onAgain={(again) => setNext((n) => ({ ...n, again }))}
                userInputs={userInputs}
                autoFocus={mode === 'choose'}
              />
            )}
            {waitMs > 0 && (
              <Alert color="orange" variant="light" role="alert" data-testid="sign-in-wait">
                {t('users:signIn.throttled', { time: minutesSeconds(waitMs) })}
              </Alert>
            )}
            {error && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy} disabled={waitMs > 0 || (mode !== 'signIn' && !newOk) || (mode === 'recover' && !keyCheck?.ok)}>
              {mode === 'signIn' ? t('users:unlock') : mode === 'choose' ? t('users:signIn.chooseSubmit') : t('users:recovery.submit')}
            </Button>
            <Group justify="space-between">
              {mode === 'signIn' ? (
                <Anchor component="button" type="button" size="sm" onClick={() => reset('recover')}>
                  {t('users:signIn.forgot')}
                </Anchor>
              ) : (
                <Anchor component="button" type="button" size="sm" onClick={() => reset('signIn')}>
                  {t('users:signIn.back')}
                </Anchor>
              )}
            </Group>
            <LanguageSwitch value={language} onChange={(l) => void onLanguage(l)} />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
