import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isLocale, pickLocale } from '@shared/i18n/locales';
import { createDb, type MrezaDb } from './db/db';
import { getSettings } from './db/settings';
import { createRendererI18n } from './i18n';
import { platform } from './platform';
import { Root } from './app/Root';
import { installKdfWorker } from './workers/kdf';

/**
 * Opens the data and renders the app. `onOpen` runs once the database is open, before the first
 * render: the bench's own entry (bench/main.tsx, built only by `npm run bench`) installs its hooks
 * there; the app's entry (main.tsx) passes nothing.
 */
export async function start(onOpen?: (db: MrezaDb) => void | Promise<void>): Promise<void> {
  installKdfWorker();
  const db = createDb();
  await db.open();
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
