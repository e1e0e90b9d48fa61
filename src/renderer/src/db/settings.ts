import { appSettingsSchema, type AppSettings } from '@shared/model';
import type { Locale } from '@shared/i18n/locales';
import type { MrezaDb } from './db';

export async function getSettings(db: MrezaDb): Promise<AppSettings | undefined> {
  return db.settings.get('app');
}

export async function saveSettings(db: MrezaDb, changes: Partial<Omit<AppSettings, 'key'>>, fallbackLanguage: Locale = 'en'): Promise<AppSettings> {
  return db.transaction('rw', db.settings, async () => {
    const current = (await db.settings.get('app')) ?? { key: 'app' as const, language: fallbackLanguage };
    const next = appSettingsSchema.parse({ ...current, ...changes });
    await db.settings.put(next);
    return next;
  });
}
