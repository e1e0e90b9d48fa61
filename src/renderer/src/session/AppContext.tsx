import { createContext, useContext } from 'react';
import type { Locale } from '@shared/i18n/locales';
import type { AppSettings, Organisation, User } from '@shared/model';
import type { Actor } from '../db/actor';
import type { MrezaDb } from '../db/db';

export interface AppState {
  db: MrezaDb;
  org: Organisation;
  user: User;
  actor: Actor;
  settings: AppSettings;
  setLanguage(locale: Locale): Promise<void>;
  lock(): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the signed-in app');
  return state;
}

/** The database is there before anyone signs in (setup and lock screens need it). */
export const DbContext = createContext<MrezaDb | null>(null);
export function useDb(): MrezaDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside Root');
  return db;
}
