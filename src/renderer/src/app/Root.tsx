import { useCallback, useEffect, useMemo, useState } from 'react';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { modals, ModalsProvider } from '@mantine/modals';
import { notifications, Notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import { isLocale, type Locale } from '@shared/i18n/locales';
import type { MrezaDb } from '../db/db';
import { getSettings, saveSettings } from '../db/settings';
import { getSelfOrganisation } from '../db/setup';
import { listUsers } from '../db/users';
import { actorOf, SYSTEM_ACTOR } from '../db/actor';
import { audit } from '../db/audit';
import { isUnlocked } from '../db/keyring';
import { lockDatabase } from '../db/signIn';
import { SetupScreen } from '../features/setup/SetupScreen';
import { LockScreen } from '../features/lock/LockScreen';
import { RecoverySheet } from '../features/lock/RecoverySheet';
import { AppContext, DbContext, type AppState } from '../session/AppContext';
import { platform } from '../platform';
import { DAYJS_LOCALE } from './dayjsLocales';
import { Shell } from './Shell';
import { cssVariablesResolver, localisedTheme } from './theme';
import { useBackupSchedule } from '../features/backups/useBackupSchedule';
import { useInactivity } from './useInactivity';

export function Root({ db, i18n }: { db: MrezaDb; i18n: I18n }) {
  const [language, setLanguageState] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  useEffect(() => {
    document.documentElement.lang = language;
    // The desktop app's menu and About box follow the language chosen here, not the OS's.
    platform.invoke('app:setLocale', { locale: language }).catch(() => undefined);
  }, [language]);

  const changeLanguage = useCallback(
    async (locale: Locale) => {
      await i18n.changeLanguage(locale);
      setLanguageState(locale);
    },
    [i18n],
  );

  const theme = useMemo(() => localisedTheme(i18n.t('common:close', { lng: language })), [i18n, language]);

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DatesProvider settings={{ locale: DAYJS_LOCALE[language], firstDayOfWeek: 1 }}>
          <ModalsProvider>
            <Notifications position="bottom-right" />
            <DbContext.Provider value={db}>
              <HashRouter>
                <Gate db={db} language={language} changeLanguage={changeLanguage} />
              </HashRouter>
            </DbContext.Provider>
          </ModalsProvider>
        </DatesProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

/** Decides what the user sees: first-run setup, the lock screen, or the app. */
function Gate({ db, language, changeLanguage }: { db: MrezaDb; language: Locale; changeLanguage: (l: Locale) => Promise<void> }) {
  const org = useLiveQuery(async () => (await getSelfOrganisation(db)) ?? null, [db]);
  const settings = useLiveQuery(async () => (await getSettings(db)) ?? null, [db]);
  const users = useLiveQuery(() => listUsers(db), [db]);
  const [chosenId, setUserId] = useState<string | null>(null);
  // A keyring made just now (setup, a mentor's first pack, the first sign-in after the update):
  // its recovery sheet comes before anything else.
  const [sheet, setSheet] = useState<{ userId: string; recoveryKey: string } | null>(null);
  // Nobody is ever signed in automatically: the one who set up or unlocked chose herself, with her passphrase.
  const active = users?.filter((u) => !u.disabled) ?? [];
  const user = chosenId && isUnlocked(db) ? (active.find((u) => u.id === chosenId) ?? null) : null;

  useBackupSchedule(db, Boolean(org), user !== null);

  const lockMinutes = settings?.lockMinutes ?? 10;
  const lock = useCallback(() => {
    // The data key goes, and with the signed-in tree unmounted so does everything it decrypted;
    // notifications and dialogs may name people, so they go too.
    lockDatabase(db);
    notifications.clean();
    modals.closeAll();
    setSheet(null);
    setUserId(null);
  }, [db]);
  useInactivity(lock, lockMinutes * 60_000, lockMinutes > 0 && user !== null);

  // Signed in as someone who is gone or disabled now (a restore, a colleague's change): locked.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (chosenId && users && !users.some((u) => u.id === chosenId && !u.disabled)) lock();
  }, [chosenId, users, lock]);

  const enter = useCallback((userId: string, recoveryKey?: string) => {
    if (recoveryKey) setSheet({ userId, recoveryKey });
    else setUserId(userId);
  }, []);

  const setLanguage = useCallback(
    async (locale: Locale) => {
      await saveSettings(db, SYSTEM_ACTOR, { language: locale }, locale);
      await changeLanguage(locale);
    },
    [db, changeLanguage],
  );

  const state = useMemo<AppState | null>(
    () => (org && settings && user ? { db, org, user, actor: actorOf(user), settings, setLanguage, lock } : null),
    [db, org, settings, user, setLanguage, lock],
  );

  if (org === undefined || settings === undefined || users === undefined) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="…" />
      </Center>
    );
  }
  if (org === null) {
    return <SetupScreen language={language} onLanguage={changeLanguage} onDone={enter} />;
  }
  if (sheet) {
    return (
      <Center mih="100vh" bg="gray.0" p="md">
        <RecoverySheet
          organisation={org.name}
          recoveryKey={sheet.recoveryKey}
          onDone={() => {
            setUserId(sheet.userId);
            setSheet(null);
          }}
        />
      </Center>
    );
  }
  if (!state) {
    return (
      <LockScreen
        org={org}
        users={users.filter((u) => !u.disabled)}
        language={language}
        onLanguage={setLanguage}
        onUnlock={async (u, recoveryKey) => {
          await db.transaction('rw', db.auditLog, () => audit(db, actorOf(u), 'login', 'users', u.id));
          enter(u.id, recoveryKey);
        }}
      />
    );
  }
  return (
    <AppContext.Provider value={state}>
      <Shell />
    </AppContext.Provider>
  );
}
