import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dropzone/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isLocale, pickLocale } from '@shared/i18n/locales';
import { onBeforeEncrypting } from './db/dataKey';
import { createDb, type MrezaDb } from './db/db';
import { activeDbName } from './db/dbName';
import { getSettings } from './db/settings';
import { createRendererI18n } from './i18n';
import { platform } from './platform';
import { logProblem, logUncaughtErrors } from './platform/log';
import { DatabaseErrorScreen } from './app/DatabaseErrorScreen';
import { Root } from './app/Root';
import { installKdfWorker } from './workers/kdf';
import { writeBackup } from './features/backups';

/**
 * Opens the data and renders the app. `onOpen` runs once the database is open, before the first
 * render: the bench's own entry (bench/main.tsx, built only by `npm run bench`) installs its hooks
 * there; the app's entry (main.tsx) passes nothing.
 */
export async function start(onOpen?: (db: MrezaDb) => void | Promise<void>): Promise<void> {
  logUncaughtErrors();
  installKdfWorker();
  // Normally `mreza`; another after a restore from the screen for data that will not open.
  const db = createDb(activeDbName());
  // The first sign-in on a store from before encryption at rest takes a safety copy first (#15 item 8).
  onBeforeEncrypting(db, async () => void (await writeBackup(db, 'before-encryption')));
  try {
    await db.open();
  } catch (error) {
    // No settings can be read: the OS's language, and a screen instead of a blank window.
    console.error('Mreža: the database did not open', error);
    logProblem('error', 'the database did not open', error);
    const info = await platform.invoke('app:info', undefined).catch(() => ({ locales: [] as string[], isElectron: false }));
    const i18n = await createRendererI18n(pickLocale([...info.locales, ...navigator.languages]));
    createRoot(document.getElementById('root')!).render(<DatabaseErrorScreen error={error} i18n={i18n} canQuit={info.isElectron} />);
    return;
  }
  await onOpen?.(db);
  const settings = await getSettings(db);
  // First start: follow the operating system's language; afterwards the user's choice persists.
  const info = await platform.invoke('app:info', undefined);
  const language = settings && isLocale(settings.language) ? settings.language : pickLocale([...info.locales, ...navigator.languages]);
  const i18n = await createRendererI18n(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root db={db} i18n={i18n} />
    </StrictMode>,
  );
}
