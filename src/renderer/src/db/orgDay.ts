import { localDay, orgTimeZone, systemTimeZone } from '@shared/calendar/localDay';
import type { MrezaDb } from './db';

/** The organisation's time zone (its setting, else its country's); the computer's before setup. */
export async function selfTimeZone(db: MrezaDb): Promise<string> {
  const self = await db.organisations.filter((o) => o.isSelf).first();
  return self ? orgTimeZone(self) : systemTimeZone();
}

/** The organisation's local calendar day at `at` (default now): every "today" the data layer writes. */
export async function orgToday(db: MrezaDb, at: Date = new Date()): Promise<string> {
  return localDay(await selfTimeZone(db), at);
}
