import { useCallback, useEffect, useMemo, useState } from 'react';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import { isLocale, type Locale } from '@shared/i18n/locales';
import type { MrezaDb } from '../db/db';
import { getSettings, saveSettings } from '../db/settings';
import { getSelfOrganisation } from '../db/setup';
import { actorOf, SYSTEM_ACTOR } from '../db/actor';
import { audit } from '../db/audit';
import { SetupScreen } from '../features/setup/SetupScreen';
import { LockScreen } from '../features/lock/LockScreen';
import { AppContext, DbContext, type AppState } from './AppContext';
import { DAYJS_LOCALE } from './dayjsLocales';
import { Shell } from './Shell';
import { cssVariablesResolver, localisedTheme } from './theme';
import { useBackupSchedule } from './useBackupSchedule';
import { useInactivity } from './useInactivity';

export function Root({ db, i18n }: { db: MrezaDb; i18n: I18n }) {
  const [language, setLanguageState] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  useEffect(() => {
    document.documentElement.lang = language;
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
  const users = useLiveQuery(() => db.users.orderBy('name').toArray(), [db]);
  const [chosenId, setUserId] = useState<string | null>(null);
  const [autoSignIn, setAutoSignIn] = useState(true);
  // A single user without a passphrase is signed in at start; anything else asks who is working.
  const active = users?.filter((u) => !u.disabled) ?? [];
  const soleUser = active.length === 1 && !active[0]!.passHash ? active[0]!.id : null;
  const userId = chosenId ?? (autoSignIn ? soleUser : null);
  const user = active.find((u) => u.id === userId) ?? null;

  useEffect(() => {
    // Pin the automatic sign-in, so a passphrase the user sets later does not lock them out mid-work.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!chosenId && autoSignIn && soleUser) setUserId(soleUser);
  }, [chosenId, autoSignIn, soleUser]);

  useBackupSchedule(db, Boolean(org));

  const lockMinutes = settings?.lockMinutes ?? 10;
  const lock = useCallback(() => {
    setAutoSignIn(false);
    setUserId(null);
  }, []);
  useInactivity(lock, lockMinutes * 60_000, lockMinutes > 0 && user !== null);

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
    return (
      <SetupScreen
        language={language}
        onLanguage={changeLanguage}
        onDone={(id) => {
          setUserId(id);
        }}
      />
    );
  }
  if (!state) {
    return (
      <LockScreen
        org={org}
        users={users.filter((u) => !u.disabled)}
        language={language}
        onLanguage={setLanguage}
        onUnlock={async (u) => {
          await db.transaction('rw', db.auditLog, () => audit(db, actorOf(u), 'login', 'users', u.id));
          setUserId(u.id);
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
