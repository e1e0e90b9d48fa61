import { appSettingsSchema, type AppSettings } from '@shared/model';
import type { Locale } from '@shared/i18n/locales';
import { settingsPermission } from '@shared/auth/permissions';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { requirePermission } from './permissions';

export async function getSettings(db: MrezaDb): Promise<AppSettings | undefined> {
  return db.settings.get('app');
}

/** The language anyone may change; the organisation's settings only a role that manages them (settingsPermission). */
export async function saveSettings(
  db: MrezaDb,
  actor: Actor,
  changes: Partial<Omit<AppSettings, 'key'>>,
  fallbackLanguage: Locale = 'en',
): Promise<AppSettings> {
  const needed = settingsPermission(Object.keys(changes));
  if (needed) requirePermission(actor, needed);
  return db.transaction('rw', db.settings, async () => {
    const current = (await db.settings.get('app')) ?? { key: 'app' as const, language: fallbackLanguage };
    const next = appSettingsSchema.parse({ ...current, ...changes });
    await db.settings.put(next);
    return next;
  });
}
