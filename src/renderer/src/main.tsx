import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isLocale, pickLocale } from '@shared/i18n/locales';
import { onBeforeEncrypting } from './db/dataKey';
import { createDb, DEFAULT_DB_NAME } from './db/db';
import { getSettings } from './db/settings';
import { createRendererI18n } from './i18n';
import { platform } from './platform';
import { writeBackup } from './services/backup';
import { Root } from './app/Root';

async function start() {
  // Until sign-in (#15 item 1) hands over the data key at setup and unlock (db/dataKey.ts), a store
  // never encrypted stays readable in plain text; the lead drops this option once sign-in calls
  // setDataKey. An encrypted store never takes plain text again, whatever it says.
  const db = createDb(DEFAULT_DB_NAME, { plaintextUntilKeyed: true });
  // The first unlock of a store from before encryption at rest takes a safety copy first (#15 item 8).
  onBeforeEncrypting(db, async () => void (await writeBackup(db, 'before-encryption')));
  await db.open();
  if (new URLSearchParams(location.search).get('bench') === '1') await (await import('./bench/hooks')).installBenchHooks(db); // npm run bench only
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

void start();
