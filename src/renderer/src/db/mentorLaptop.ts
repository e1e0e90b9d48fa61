import { compareText } from '@shared/i18n/collation';
import type { Locale } from '@shared/i18n/locales';
import { isUnsent, MentorPackError, planDepartures, type OpenedMentorPack } from '@shared/mentorPack';
import { mentorModeSettingsSchema, type MentorModeSettings, type Person } from '@shared/model';
import type { MrezaDb } from './db';
import { deleteLedger } from './ledger';

/**
 * A volunteer's laptop holds her mentees only while she mentors them: a newer pack lets go of the
 * ones it no longer carries once her logs of them are home, and "End mentoring on this computer"
 * deletes everything. Decisions are in src/shared/mentorPack/departures.ts.
 */

/** Session id → the last time she created or changed it on this computer (her audit log). */
export async function touchedLogs(db: MrezaDb): Promise<Map<string, string>> {
  const entries = await db.auditLog.where('table').equals('mentoringSessions').toArray();
  const touched = new Map<string, string>();
  for (const e of entries) {
    if ((e.action !== 'create' && e.action !== 'update') || !e.recordId) continue;
    const before = touched.get(e.recordId);
    if (!before || e.at > before) touched.set(e.recordId, e.at);
  }
  return touched;
}

/**
 * When she wrote the newest logs file that a pack says the coordinator received, if it is one this
 * computer wrote (another computer's file says nothing about the logs here).
 */
export function receivedUpTo(mode: MentorModeSettings | undefined, pack: OpenedMentorPack['manifest']): string | undefined {
  const confirmed = pack.logsReceived && mode?.sentExports?.find((e) => e.exportId === pack.logsReceived!.exportId)?.exportedAt;
  const before = mode?.logsReceivedAt;
  if (!confirmed) return before;
  return before && before > confirmed ? before : confirmed;
}

export interface Departures {
  /** Mentees removed from this computer with everything about them. */
  removed: number;
  /** Mentees kept only by name until their unsent logs are home. */
  waiting: { name: string; count: number }[];
}

/** Runs inside openMentorPack's transaction, after the new pack's rows are stored. */
export async function letGoOfDepartedMentees(db: MrezaDb, pack: OpenedMentorPack, received: string | undefined): Promise<Departures> {
  const mentor = pack.rows.mentors[0]!;
  const plan = planDepartures({
    mentorPersonId: String(mentor.personId),
    carriedMatchIds: new Set(pack.rows.matches.map((m) => String(m.id))),
    carriedPersonIds: new Set(pack.rows.people.map((p) => String(p.id))),
    matches: await db.matches.toArray(),
    people: await db.people.toArray(),
    profiles: await db.menteeProfiles.toArray(),
    sessions: await db.mentoringSessions.toArray(),
    touchedAt: await touchedLogs(db),
    receivedUpTo: received,
  });
  await db.mentoringSessions.bulkDelete(plan.removeSessionIds);
  await db.matches.bulkDelete(plan.removeMatchIds);
  await db.menteeProfiles.bulkDelete(plan.removeProfileIds);
  await db.people.bulkDelete(plan.removePersonIds);
  // Kept for the name on her unsent logs only: no way to reach her any more.
  await db.people
    .where('id')
    .anyOf(plan.namesOnlyPersonIds)
    .modify((p: Person) => {
      delete p.phone;
      delete p.email;
    });
  const names = new Map((await db.people.bulkGet(plan.waiting.map((w) => w.personId))).filter((p) => !!p).map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  return { removed: plan.removePersonIds.length, waiting: plan.waiting.map((w) => ({ name: names.get(w.personId) ?? '—', count: w.count })) };
}

export interface MenteeLogs {
  name: string;
  /** Logs she wrote or changed here that no pack has confirmed home. */
  unsent: number;
  /** Of those, changed since her last logs file (not in any file yet). */
  notInAFile: number;
  /** The pack no longer carries her: kept only until these logs are home. */
  ended: boolean;
}

/** Per mentee on this computer: her logs that are not confirmed home. */
export async function menteeLogs(db: MrezaDb, mode: MentorModeSettings, locale: Locale | string = 'hr'): Promise<MenteeLogs[]> {
  const touched = await touchedLogs(db);
  const matches = await db.matches.toArray();
  const people = new Map((await db.people.bulkGet(matches.map((m) => m.menteeId))).filter((p) => !!p).map((p) => [p.id, p]));
  const sessions = await db.mentoringSessions.toArray();
  return matches
    .map((m) => {
      const unsent = sessions.filter((s) => s.matchId === m.id && isUnsent(s.id, touched, mode.logsReceivedAt));
      const p = people.get(m.menteeId);
      return {
        name: p ? `${p.firstName} ${p.lastName}` : '—',
        unsent: unsent.length,
        notInAFile: unsent.filter((s) => !mode.lastExportAt || touched.get(s.id)! > mode.lastExportAt).length,
        ended: !mode.matchIds.includes(m.id),
      };
    })
    .sort((a, b) => compareText(locale)(a.name, b.name));
}

export interface EndMentoringSummary {
  mode: MentorModeSettings;
  mentees: MenteeLogs[];
  logs: number;
}

/** What "End mentoring on this computer" deletes, for the confirmation (as stored now: after a save, it changes). */
export async function endMentoringSummary(db: MrezaDb): Promise<EndMentoringSummary> {
  const mode = mentorModeSettingsSchema.parse(await db.table('settings').get('mentorMode'));
  return { mode, mentees: await menteeLogs(db, mode), logs: await db.mentoringSessions.count() };
}

/**
 * Deletes this installation's whole database (Dexie delete: every table, its keys and the
 * settings). Only in mentor mode: a coordinator's data is never deleted this way.
 */
export async function deleteMentorDatabase(db: MrezaDb): Promise<void> {
  const mode = await db.table('settings').get('mentorMode');
  if (!mode) throw new MentorPackError('notAPack');
  // No automatic reopening: a query still running in the page must not create it again, empty.
  await db.delete({ disableAutoOpen: true });
  // The erasure ledger and the audit chain's head live in a database of their own: it goes too.
  await deleteLedger(db);
}
